package fr.pactecarto.pacte.document;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import fr.pactecarto.pacte.document.PacteImportReport.Outcome;
import fr.pactecarto.support.TestData;
import fr.pactecarto.support.PacteIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/** Import of pacte documents into the shared test database, where PACA 2024 was loaded at start. */
@PacteIntegrationTest
@ExtendWith(TestData.class)
class PacteImportTests {

	static final Path REFERENCE = Path.of("../pactes/paca-2024.yaml");

	@Autowired
	PacteImporter importer;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void theReferenceFileWasLoadedAtStartAndReimportingItChangesNothing() {
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM pacte_action WHERE pacte_id = '93-2024'", Long.class))
			.isEqualTo(40);
		String before = PacteFingerprint.of(this.jdbc);
		PacteImportReport report = this.importer.importFile(REFERENCE);
		assertThat(report.outcome()).isEqualTo(Outcome.UNCHANGED);
		assertThat(report.pacteId()).isEqualTo("93-2024");
		assertThat(report.counts().actions()).isEqualTo(40);
		assertThat(report.warnings()).isEmpty();
		assertThat(PacteFingerprint.of(this.jdbc)).isEqualTo(before);
	}

	@Test
	void aChangedFileReplacesThePacteAndTheReferenceFilePutsItBack() throws Exception {
		String before = PacteFingerprint.of(this.jdbc);
		String changed = Files.readString(REFERENCE).replace("label: Santé mentale", "label: Santé mentale des jeunes");
		try {
			PacteImportReport report = this.importer.importDocument("changed.yaml",
					new ByteArrayInputStream(changed.getBytes(StandardCharsets.UTF_8)));
			assertThat(report.outcome()).isEqualTo(Outcome.REPLACED);
			assertThat(this.jdbc.queryForObject(
					"SELECT label FROM pacte_action WHERE pacte_id = '93-2024' AND id = 'axe1-p3-a2'", String.class))
				.isEqualTo("Santé mentale des jeunes");
			assertThat(PacteFingerprint.of(this.jdbc)).isNotEqualTo(before);
		}
		finally {
			assertThat(this.importer.importFile(REFERENCE).outcome()).isEqualTo(Outcome.REPLACED);
		}
		assertThat(PacteFingerprint.of(this.jdbc)).isEqualTo(before);
	}

	@Test
	void aFileWithAnErrorChangesNothing() throws Exception {
		String before = PacteFingerprint.of(this.jdbc);
		String broken = Files.readString(REFERENCE)
			.replace("label: Santé mentale", "label: Santé mentale des jeunes")
			.replaceFirst(java.util.regex.Pattern.quote("citedAs: [\"05\"]"), "citedAs: [\"05\", \"99\"]");
		assertThatExceptionOfType(PacteDocumentException.class)
			.isThrownBy(() -> this.importer.importDocument("broken.yaml",
					new ByteArrayInputStream(broken.getBytes(StandardCharsets.UTF_8))))
			.satisfies(ex -> assertThat(ex.errors()).extracting(DocumentProblem::path, DocumentProblem::message)
				.containsExactly(tuple("axes[0].priorities[2].actions[1].citedAs[1]",
						"'99' names no imported territory (DEPARTMENT or REGION) and no alias of this pacte")));
		assertThat(PacteFingerprint.of(this.jdbc)).isEqualTo(before);
	}

}
