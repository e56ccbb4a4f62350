package fr.pactecarto.territory;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import fr.pactecarto.geodata.GeodataImporter;
import fr.pactecarto.support.TestTerritories;
import fr.pactecarto.support.PacteIntegrationTest;
import fr.pactecarto.support.PageDocuments;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@PacteIntegrationTest
class TerritoryGraphQlTests {

	@Autowired
	HttpGraphQlTester graphQl;

	@BeforeEach
	void pacaImported(@Autowired GeodataImporter importer) {
		TestTerritories.ensureImported(importer);
	}

	@Test
	void territoriesByKindMatchTheOfficialCounts() {
		// The tests' contours: France's regions and departments, PACA's EPCI and communes (see make test).
		assertThat(codes("{ territories(filter: {kinds: [REGION]}) { code } }")).hasSize(13).contains("93", "94");
		assertThat(codes("{ territories(filter: {kinds: [DEPARTMENT]}) { code } }")).hasSize(101)
			.contains("04", "05", "06", "13", "83", "84", "2A", "2B", "971");
		assertThat(codes("{ territories(filter: {kinds: [EPCI]}) { code } }")).hasSize(52)
			.contains("200054807", "200030195", "248300543");
		assertThat(codes("{ territories(filter: {kinds: [COMMUNE]}) { code } }")).hasSize(946);
		this.graphQl.document("{ territories(filter: {kinds: [EPCI]}) { code epciNature } }").execute()
			.path("territories[?(@.epciNature == 'METRO')].code").entityList(String.class)
			.containsExactly("200030195", "200054807", "248300543");
	}

	@Test
	void territoriesAtAnswersAsTheFullOutlinesDoOnAGridOverPaca(@Autowired JdbcTemplate jdbc) {
		// Tested on the outlines' pieces: every point of a grid (and a few off the coast) as on the whole outlines.
		for (double lon = 4.3; lon <= 7.7; lon += 0.37) {
			for (double lat = 42.9; lat <= 45.1; lat += 0.29) {
				List<String> expected = jdbc.queryForList("""
						SELECT code FROM territory WHERE ST_Intersects(geom, ST_SetSRID(ST_MakePoint(?, ?), 4326))
						ORDER BY ST_Area(geom), code
						""", String.class, lon, lat);
				assertThat(codes("{ territoriesAt(lon: %s, lat: %s) { code } }".formatted(lon, lat), "territoriesAt"))
					.as("%s, %s", lon, lat)
					.isEqualTo(expected);
			}
		}
	}

	@Test
	void aBboxFindsTheTerritoriesWhoseFullOutlineCrossesIt(@Autowired JdbcTemplate jdbc) {
		// Tested on the outlines' pieces: boxes of every size, from a village's to one across the region's edge.
		double[][] boxes = { { 5.36, 43.29, 5.38, 43.31 }, { 6.9, 43.6, 7.1, 43.8 }, { 4.5, 43.0, 6.2, 44.0 },
				{ 7.4, 43.7, 8.5, 44.5 }, { 6.0, 44.8, 6.6, 45.2 } };
		for (double[] box : boxes) {
			List<String> expected = jdbc.queryForList("""
					SELECT code FROM territory WHERE kind = 'COMMUNE' AND ST_Intersects(geom, ST_MakeEnvelope(?, ?, ?, ?, 4326))
					ORDER BY code
					""", String.class, box[0], box[1], box[2], box[3]);
			assertThat(codes("{ territories(filter: {kinds: [COMMUNE], bbox: [%s, %s, %s, %s]}) { code } }".formatted(box[0],
					box[1], box[2], box[3])))
				.as(Arrays.toString(box))
				.isEqualTo(expected)
				.isNotEmpty();
		}
	}

	@Test
	void theOldPortOfMarseilleLiesInMarseilleAmpBouchesDuRhoneAndTheRegion() {
		this.graphQl.document("{ territoriesAt(lon: 5.3698, lat: 43.2965) { kind code } }").execute()
			.path("territoriesAt[*].code").entityList(String.class).containsExactly("13055", "200054807", "13", "93")
			.path("territoriesAt[*].kind").entityList(String.class).containsExactly("COMMUNE", "EPCI", "DEPARTMENT", "REGION");
	}

	@ParameterizedTest
	@CsvSource({ "AMP, 200054807", "amp, 200054807", " vdm , 13055", "13, 13", "2a, 2A", "200054807, 200054807",
			"13055, 13055" })
	void eachCodeAndAliasResolves(String code, String official) {
		this.graphQl.document("query($code: ID!) { territory(code: $code) { code } }").variable("code", code).execute()
			.path("territory.code").entity(String.class).isEqualTo(official);
	}

	@Test
	void kindNarrowsACodeDown() {
		// 93 is both a region (PACA) and a department (Seine-Saint-Denis): the plain code means the department.
		this.graphQl.document("""
				{ d: territory(code: "93") { kind name } r: territory(code: "93", kind: REGION) { kind name }
				  e: territory(code: "13", kind: EPCI) { kind } }""")
			.execute()
			.errors().expect(error -> "UNKNOWN_TERRITORY".equals(error.getExtensions().get("code"))
					&& "code".equals(error.getExtensions().get("argument")) && error.getMessage().contains("EPCI"))
			.verify()
			.path("d.kind").entity(String.class).isEqualTo("DEPARTMENT")
			.path("d.name").entity(String.class).isEqualTo("Seine-Saint-Denis")
			.path("r.kind").entity(String.class).isEqualTo("REGION")
			.path("r.name").entity(String.class).isEqualTo("Provence-Alpes-Côte d'Azur")
			.path("e").valueIsNull();
	}

	@Test
	void listsGiveTheAliasesWhereverTheyAreSelected() {
		// The list reads the aliases only when its selection names them: directly, in a fragment, in an inline one.
		this.graphQl.document("""
				{ direct: territories(filter: {codes: ["13055", "13"]}) { code aliases }
				  spread: territories(filter: {codes: ["13055"]}) { ...Names }
				  inline: territories(filter: {codes: ["13055"]}) { ... on Territory { aliases } }
				  without: territories(filter: {codes: ["13055"]}) { code name } }
				fragment Names on Territory { code aliases }
				""").execute()
			.path("direct[*].aliases").entityList(Object.class).containsExactly(List.of(), List.of("VDM", "VdM"))
			.path("spread[0].aliases").entityList(String.class).containsExactly("VDM", "VdM")
			.path("inline[0].aliases").entityList(String.class).containsExactly("VDM", "VdM")
			.path("without[0].name").entity(String.class).isEqualTo("Marseille");
	}

	@Test
	void marseilleShowsItsAliasesParentsPopulationBoxAndLabel() {
		Map<String, Object> marseille = this.graphQl.document("""
				{ territory(code: "VdM") {
				    name kind aliases population bbox labelPoint { lon lat }
				    parent { code epciNature parent { code parent { code } } } } }
				""").execute().path("territory").entity(Map.class).get();
		assertThat(marseille).containsEntry("name", "Marseille").containsEntry("kind", "COMMUNE")
			.containsEntry("aliases", List.of("VDM", "VdM"))
			.containsEntry("parent", Map.of("code", "200054807", "epciNature", "METRO",
					"parent", Map.of("code", "13", "parent", Map.of("code", "93"))));
		assertThat((Integer) marseille.get("population")).isGreaterThan(800_000);
		@SuppressWarnings("unchecked")
		List<Double> bbox = (List<Double>) marseille.get("bbox");
		@SuppressWarnings("unchecked")
		Map<String, Double> label = (Map<String, Double>) marseille.get("labelPoint");
		assertThat(label.get("lon")).isBetween(bbox.get(0), bbox.get(2));
		assertThat(label.get("lat")).isBetween(bbox.get(1), bbox.get(3));
	}

	@Test
	void childrenOfTheRegionAreItsDepartmentsAndOfAmpItsCommunes() {
		this.graphQl.document("{ territory(code: \"93\", kind: REGION) { children { code } } }").execute()
			.path("territory.children[*].code").entityList(String.class).containsExactly("04", "05", "06", "13", "83", "84");
		this.graphQl.document("{ territory(code: \"AMP\") { children { code } } }").execute()
			.path("territory.children[*].code").entityList(String.class).hasSizeGreaterThan(80).contains("13055", "13001");
		assertThat(codes("{ territories(filter: {parent: \"AMP\", codes: [\"13055\", \"06088\"]}) { code } }"))
			.containsExactly("13055");
	}

	@Test
	void theBoxFilterKeepsTerritoriesWhoseOutlineIntersectsIt() {
		// Around Marseille's old port: the commune, AMP, the department and the region; not Nice.
		List<String> codes = codes("{ territories(filter: {bbox: [5.36, 43.29, 5.38, 43.30]}) { code } }");
		assertThat(codes).contains("93", "13", "200054807", "13055").doesNotContain("06", "06088");
	}

	@Test
	void outlinesAreSimplifiedAndRoundedPerZoomAndFullWithout() {
		Map<String, Object> result = this.graphQl.document("""
				{ territory(code: "13") { z4: geometry(zoom: 4) z8: geometry(zoom: 8) z12: geometry(zoom: 12) full: geometry } }
				""").execute().path("territory").entity(Map.class).get();
		for (String zoom : List.of("z4", "z8", "z12", "full")) {
			assertThat(result.get(zoom)).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
				.containsEntry("type", "MultiPolygon");
		}
		int z4 = result.get("z4").toString().length();
		int z8 = result.get("z8").toString().length();
		int z12 = result.get("z12").toString().length();
		int full = result.get("full").toString().length();
		assertThat(z4).isLessThan(z8);
		assertThat(z8).isLessThan(z12);
		assertThat(z12).isLessThanOrEqualTo(full);
		// A pixel at zoom 4 is about 0.09°: two decimals are enough.
		assertThat(result.get("z4").toString()).doesNotContainPattern("\\d\\.\\d{3}");
	}

	@Test
	void listsGiveTheSameOutlinesWhateverTheZoomsAskedTogether() {
		// One zoom for the whole list (read with the rows) or several (read per zoom): same outlines.
		Object alone = this.graphQl.document("{ territory(code: \"AMP\") { geometry(zoom: 8) } }").execute()
			.path("territory.geometry").entity(Object.class).get();
		this.graphQl.document("{ territories(filter: {codes: [\"AMP\"]}) { geometry(zoom: 8) } }").execute()
			.path("territories[0].geometry").entity(Object.class).isEqualTo(alone);
		this.graphQl.document("{ territories(filter: {codes: [\"AMP\"]}) { a: geometry(zoom: 8) b: geometry(zoom: 4) } }")
			.execute()
			.path("territories[0].a").entity(Object.class).isEqualTo(alone)
			.path("territories[0].b").entity(Object.class).isNotEqualTo(alone);
	}

	@Test
	void theMapsFirstViewStaysUnder50KilobytesAtZoom8() {
		// The page's own first request: the region's outline and every layer's shapes, themes, axes, one coverage.
		String json = this.graphQl.document(PageDocuments.get(PageDocuments.FIRST_VIEW)).execute()
			.path("pacte.mapLayers[*].territories[*]").entityList(Object.class).hasSizeGreaterThan(0)
			.path("pacte").entity(Object.class).get().toString();
		assertThat(json.length()).isLessThan(50_000);
	}

	@Test
	void anUnknownCodeIsAnErrorNamingTheArgument() {
		this.graphQl.document("{ territory(code: \"XYZ\") { code } }").execute()
			.errors().expect(error -> "UNKNOWN_TERRITORY".equals(error.getExtensions().get("code"))
					&& "code".equals(error.getExtensions().get("argument")) && error.getMessage().contains("XYZ"))
			.verify().path("territory").valueIsNull();
		this.graphQl.document("{ territories(filter: {codes: [\"13\", \"NOPE\"]}) { code } }").execute()
			.errors().expect(error -> "UNKNOWN_TERRITORY".equals(error.getExtensions().get("code"))
					&& "filter.codes".equals(error.getExtensions().get("argument")) && error.getMessage().contains("NOPE"))
			.verify();
	}

	@ParameterizedTest
	@ValueSource(strings = { "{ territory(code: \"13\") { geometry(zoom: 21) } } | zoom",
			"{ territory(code: \"13\") { geometry(zoom: -1) } } | zoom",
			"{ territoriesAt(lon: 181, lat: 43) { code } } | lon", "{ territoriesAt(lon: 5, lat: -91) { code } } | lat",
			"{ territories(filter: {bbox: [6, 43, 5, 44]}) { code } } | filter.bbox",
			"{ territories(filter: {bbox: [5, 44, 6, 43]}) { code } } | filter.bbox",
			"{ territories(filter: {bbox: [5, 43, 6]}) { code } } | filter.bbox",
			"{ territories(filter: {bbox: [5, 43, 200, 44]}) { code } } | filter.bbox" })
	void outOfRangeArgumentsAreErrorsNamingTheArgument(String documentAndArgument) {
		String[] parts = documentAndArgument.split(" \\| ");
		this.graphQl.document(parts[0]).execute()
			.errors().expect(error -> "INVALID_ARGUMENT".equals(error.getExtensions().get("code"))
					&& parts[1].equals(error.getExtensions().get("argument")) && error.getMessage().contains(parts[1]))
			.verify();
	}

	private List<String> codes(String document) {
		return codes(document, "territories");
	}

	private List<String> codes(String document, String field) {
		return this.graphQl.document(document).execute().path(field + "[*].code").entityList(String.class).get();
	}

}
