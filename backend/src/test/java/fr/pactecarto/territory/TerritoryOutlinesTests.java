package fr.pactecarto.territory;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import fr.pactecarto.geodata.GeodataImporter;
import fr.pactecarto.live.DataVersion;
import fr.pactecarto.support.PacteIntegrationTest;
import fr.pactecarto.support.StatementCounter;
import fr.pactecarto.support.TestTerritories;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import static fr.pactecarto.support.Eventually.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Outlines at a zoom are read from PostgreSQL once, then kept until the data changes: a map panning over the same
 * communes costs one statement per box (the list), and a change made by anyone is seen at once.
 */
@PacteIntegrationTest
class TerritoryOutlinesTests {

	// Around Marseille; the second box is another document (no cached answer) over the same communes.
	private static final String BOX = "{ territories(filter: {kinds: [COMMUNE], bbox: [5.20, 43.20, 5.60, 43.45]}) { code geometry(zoom: 10) } }";

	private static final String SAME_COMMUNES = "{ territories(filter: {kinds: [COMMUNE], bbox: [5.21, 43.21, 5.59, 43.44]}) { code geometry(zoom: 9) } }";

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	StatementCounter counter;

	@Autowired
	DataVersion version;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void pacaImported(@Autowired GeodataImporter importer) {
		TestTerritories.ensureImported(importer);
		waitFor(() -> this.version.current() != DataVersion.UNKNOWN);
	}

	@Test
	void theBandsLookedUpAreTheBandsTheImportStores() {
		assertThat(this.jdbc.queryForList("SELECT DISTINCT max_zoom FROM territory_outline ORDER BY 1", Integer.class))
			.containsExactly(Arrays.stream(TerritoryOutlines.BANDS).boxed().toArray(Integer[]::new));
		assertThat(TerritoryOutlines.band(0)).isEqualTo(4);
		assertThat(TerritoryOutlines.band(9)).isEqualTo(10);
		assertThat(TerritoryOutlines.band(10)).isEqualTo(10);
		assertThat(TerritoryOutlines.band(13)).isEqualTo(20);
	}

	@Test
	void outlinesAreReadOnceThenKeptUntilTheDataChanges() {
		Map<String, Object> first = outlines(BOX);
		assertThat(first).containsKey("13055").hasSizeGreaterThan(4);
		// Zoom 9 is in zoom 10's band: the same outlines, none read again, only the list of the box.
		int statements = this.counter.count(() -> assertThat(outlines(SAME_COMMUNES)).containsEntry("13055", first.get("13055")));
		assertThat(statements).isEqualTo(1);

		String stored = this.jdbc.queryForObject(
				"SELECT geojson FROM territory_outline WHERE kind = 'COMMUNE' AND code = '13055' AND max_zoom = 10", String.class);
		long seen = this.version.current();
		this.jdbc.update("UPDATE territory_outline SET geojson = ? WHERE kind = 'COMMUNE' AND code = '13055' AND max_zoom = 10",
				"{\"type\":\"Point\",\"coordinates\":[5.37,43.3]}");
		try {
			waitFor(() -> this.version.current() > seen);
			assertThat(outlines(SAME_COMMUNES).get("13055")).isEqualTo(Map.of("type", "Point", "coordinates", List.of(5.37, 43.3)));
		}
		finally {
			this.jdbc.update("UPDATE territory_outline SET geojson = ? WHERE kind = 'COMMUNE' AND code = '13055' AND max_zoom = 10",
					stored);
		}
		waitFor(() -> this.version.current() > seen + 1);
		assertThat(outlines(BOX).get("13055")).isEqualTo(first.get("13055"));
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> outlines(String document) {
		List<Map<String, Object>> territories = this.graphQl.document(document).execute()
			.path("territories").entityList(Map.class).get().stream().map(t -> (Map<String, Object>) t).toList();
		return territories.stream().collect(java.util.stream.Collectors.toMap(t -> (String) t.get("code"), t -> t.get("geometry")));
	}

}
