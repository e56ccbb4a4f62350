package fr.pactecarto.pacte.document;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import fr.pactecarto.geodata.GeodataImporters;
import fr.pactecarto.geodata.GeodataLayer;
import fr.pactecarto.pacte.document.PacteImportReport.Outcome;
import fr.pactecarto.support.ScratchDatabase;
import fr.pactecarto.support.TestData;
import fr.pactecarto.support.PacteIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Export, then import into a fresh database, then export again: the same bytes. The fresh database has no
 * contours at first (the cited codes are warnings), then France's regions and departments, for the Corse
 * fixture beside PACA.
 */
@PacteIntegrationTest
@ExtendWith(TestData.class)
class PacteRoundTripTests {

	static final Path FIXTURE = Path.of("src/test/resources/pactes/fixture-corse-2099.yaml");

	@Autowired
	DataSource dataSource;

	@Autowired
	PacteExporter exporter;

	@Test
	void theStoredReferenceExportsAsTheReferenceFile() throws Exception {
		assertThat(this.exporter.exportYaml("93-2024")).isEqualTo(
				PacteDocumentReaderTests.withoutLeadingComments(Files.readString(PacteImportTests.REFERENCE)));
	}

	@Test
	void anExportImportedIntoAFreshDatabaseExportsTheSameBytesAndPactesStayApart() throws Exception {
		String yaml = this.exporter.exportYaml("93-2024");
		String json = this.exporter.exportJson("93-2024");
		try (ScratchDatabase scratch = ScratchDatabase.create(this.dataSource, "roundtrip")) {
			PacteImporter importer = new PacteImporter(scratch.dataSource(),
					new PacteDocumentReader(DocumentLimits.defaults()));
			PacteExporter exporter = new PacteExporter(scratch.dataSource());

			// No contours yet: every cited code is a warning, once per code, and the pacte is loaded.
			PacteImportReport report = importer.importDocument("export.yaml",
					new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
			assertThat(report.outcome()).isEqualTo(Outcome.CREATED);
			assertThat(report.warnings()).extracting(DocumentProblem::message)
				.contains("no region imported yet: region 93 not checked",
						"'EPCI 200054807' not checked: no EPCI imported yet",
						"'04' not checked: no DEPARTMENT or REGION imported yet (cited 9 times)")
				.hasSize(11);
			assertThat(exporter.exportYaml("93-2024")).isEqualTo(yaml);
			assertThat(exporter.exportJson("93-2024")).isEqualTo(json);
			// The JSON export is a document too.
			assertThat(importer.importDocument("export.json", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)))
				.outcome()).isEqualTo(Outcome.UNCHANGED);

			// With France's regions and departments, the Corse fixture loads beside PACA without warnings.
			GeodataImporters.importLayers(scratch.dataSource(), franceGeodata(), GeodataLayer.REGIONS,
					GeodataLayer.DEPARTEMENTS);
			PacteImportReport corse = importer.importFile(FIXTURE);
			assertThat(corse.outcome()).isEqualTo(Outcome.CREATED);
			assertThat(corse.warnings()).isEmpty();
			assertThat(corse.counts().actions()).isEqualTo(6);
			assertThat(exporter.exportYaml("94-2099"))
				.isEqualTo(PacteDocumentReaderTests.withoutLeadingComments(Files.readString(FIXTURE)));
			assertThat(exporter.exportYaml("93-2024")).isEqualTo(yaml);

			JdbcTemplate jdbc = new JdbcTemplate(scratch.dataSource());
			assertThat(jdbc.queryForList("SELECT pacte_id || ' ' || label FROM pacte_theme WHERE slug = 'mobilite' ORDER BY 1",
					String.class))
				.containsExactly("93-2024 Mobilité", "94-2099 Mobilité fictive");
			assertThat(jdbc.queryForList("SELECT pacte_id || ' ' || position FROM pacte_action WHERE id = 'axe1-p1-a1' ORDER BY 1",
					String.class))
				.containsExactly("93-2024 1", "94-2099 1");
			assertThat(jdbc.queryForList("SELECT cited || ' ' || kind || ' ' || code FROM pacte_cited_territory "
					+ "WHERE pacte_id = '94-2099' ORDER BY 1", String.class))
				.containsExactly("2A DEPARTMENT 2A", "2B DEPARTMENT 2B", "HC DEPARTMENT 2B");

			// Re-importing PACA with the departments present: its department codes are checked, only the
			// metropolises and the commune remain warnings (no EPCI, no commune imported here).
			PacteImportReport again = importer.importFile(PacteImportTests.REFERENCE);
			assertThat(again.outcome()).isEqualTo(Outcome.UNCHANGED);
			assertThat(again.warnings()).extracting(DocumentProblem::message).containsExactly(
					"'EPCI 200054807' not checked: no EPCI imported yet", "'EPCI 200030195' not checked: no EPCI imported yet",
					"'EPCI 248300543' not checked: no EPCI imported yet",
					"'COMMUNE 13055' not checked: no COMMUNE imported yet (cited 2 times)");
		}
	}

	// The shared contours beside the project (../shared/geodata/france), as make test lays them out.
	private static Path franceGeodata() {
		return Path.of("..", "..", "shared", "geodata", "france").toAbsolutePath().normalize();
	}

}
