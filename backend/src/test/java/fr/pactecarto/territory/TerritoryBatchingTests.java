package fr.pactecarto.territory;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import fr.pactecarto.support.PageDocuments;
import fr.pactecarto.support.PacteIntegrationTest;
import fr.pactecarto.support.StatementCounter;
import fr.pactecarto.support.TestData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Partner apps ask for many territories with aliases in one query: they cost the statements of one; the map's
 * first view costs the same few statements whatever the pacte.
 */
@PacteIntegrationTest
@ExtendWith(TestData.class)
class TerritoryBatchingTests {

	private static final List<String> CODES = List.of("04", "05", "06", "13", "83", "84", "AMP", "NCA", "TPM", "VdM");

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	StatementCounter counter;

	private static String aliased(List<String> codes) {
		return "{ " + codes.stream()
			.map(code -> "t" + code + ": territory(code: \"" + code + "\") { code name geometry(zoom: 8) }")
			.collect(Collectors.joining(" ")) + " }";
	}

	@Test
	void tenAliasedLookupsWithTheirOutlinesCostTheStatementOfOne() {
		// The pacte read once is kept while the data's version stays the same: then a look-up is one statement.
		this.graphQl.document("{ pacte { id } }").execute().path("pacte.id").entity(String.class).isEqualTo("93-2024");
		int one = this.counter.count(() -> this.graphQl.document(aliased(CODES.subList(0, 1))).execute()
			.path("t04.code").entity(String.class).isEqualTo("04"));
		int ten = this.counter.count(() -> this.graphQl.document(aliased(CODES)).execute()
			.path("tVdM.code").entity(String.class).isEqualTo("13055")
			.path("tAMP.code").entity(String.class).isEqualTo("200054807")
			.path("t13.geometry.type").entity(String.class).isEqualTo("MultiPolygon"));
		// The look-ups, and the outlines not yet kept in memory (TerritoryOutlines): one statement each at most.
		assertThat(ten).isEqualTo(one).isBetween(1, 2);
		// Asked again by another document (no cached answer): the outlines are kept, the look-ups are one statement.
		assertThat(this.counter.count(() -> this.graphQl.document(aliased(CODES).replaceFirst("\\{", "{ __typename ")).execute()
			.path("t13.geometry.type").entity(String.class).isEqualTo("MultiPolygon"))).isEqualTo(1);
	}

	@Test
	void outlinesAskedThroughFragmentsAndAVariableAreReadWithTheLookUps() {
		this.graphQl.document("{ pacte { id } }").execute().path("pacte.id").entity(String.class).isEqualTo("93-2024");
		String document = """
				query Outlines($zoom: Int) {
				  a: territory(code: "13") { ...Outline }
				  b: territory(code: "04") { code ... on Territory { geometry(zoom: $zoom) } }
				  c: territories(filter: {codes: ["05", "06"]}) { ...Outline ...Outline }
				}
				fragment Outline on Territory { code geometry(zoom: $zoom) }
				""";
		int statements = this.counter.count(() -> this.graphQl.document(document).variable("zoom", 8).execute()
			.path("a.geometry.type").entity(String.class).isEqualTo("MultiPolygon")
			.path("b.geometry.type").entity(String.class).isEqualTo("MultiPolygon")
			.path("c[1].geometry.type").entity(String.class).isEqualTo("MultiPolygon"));
		// The look-ups in one statement, the list in another, each with its outlines: no statement for outlines alone.
		assertThat(statements).isEqualTo(2);
		// Two zooms under one field: the outlines are read apart, and each is the one asked for.
		this.graphQl.document("{ t: territory(code: \"13\") { low: geometry(zoom: 4) high: geometry(zoom: 12) } }").execute()
			.path("t.low.type").entity(String.class).isEqualTo("MultiPolygon")
			.path("t.high.type").entity(String.class).isEqualTo("MultiPolygon")
			.path("t").entity(Map.class).satisfies(t -> assertThat(t.get("low").toString().length())
				.isLessThan(t.get("high").toString().length()));
	}

	@Test
	void theMapsFirstViewCostsTheSameFewStatementsForEveryPacte() {
		// A variable the document does not declare makes each request new to the response cache (keyed by them).
		String firstView = PageDocuments.get(PageDocuments.FIRST_VIEW);
		String unique = UUID.randomUUID().toString();
		int paca = this.counter.count(() -> this.graphQl.document(firstView).variable("theme", "mobilite")
			.variable("unique", unique).execute()
			.path("pacte.mapLayers").entityList(Object.class).hasSize(3));
		int fixture = this.counter.count(() -> this.graphQl.document(firstView).variable("pacte", TestData.FIXTURE)
			.variable("theme", "mobilite").variable("unique", unique).execute()
			.path("pacte.mapLayers").entityList(Object.class).hasSize(1));
		// 9 or 10: the region's outline and the layers' outlines are loaded together or one level apart.
		assertThat(paca).isLessThanOrEqualTo(10);
		assertThat(fixture).isLessThanOrEqualTo(10);
		System.out.println("First view: " + paca + " SQL statements");
	}

	@Test
	void anUnknownCodeAmongOthersFailsAloneNamingItself() {
		this.graphQl.document("{ a: territory(code: \"13\") { code } b: territory(code: \"XYZ\") { code } "
				+ "c: territory(code: \"93\", kind: REGION) { code kind } }").execute()
			.errors().expect(error -> "UNKNOWN_TERRITORY".equals(error.getExtensions().get("code"))
					&& error.getMessage().contains("'XYZ'") && "b".equals(error.getPath()))
			.verify()
			.path("a.code").entity(String.class).isEqualTo("13")
			.path("b").valueIsNull()
			.path("c.kind").entity(String.class).isEqualTo("REGION");
	}

}
