package fr.pactecarto.api;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import fr.pactecarto.support.ImportPacaTerritories;
import fr.pactecarto.support.PacteIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The limits as execution sees the document (fragments expanded, aliases counted, fields weighted by what they
 * return): the page's own documents pass them, abusive ones are refused with the limit's code, name and value.
 */
@PacteIntegrationTest
@ExtendWith(ImportPacaTerritories.class)
class QueryLimitsTests {

	// The documents of frontend/src/main/resources/static/js/queries.js, as the page sends them.
	static final String FIRST_VIEW = """
			query FirstView($theme: String, $axis: Int) {
			  themes { slug label headline }
			  axes { number shortName title }
			  region: territories(filter: { kinds: [REGION] }) { ...Shape }
			  departments: territories(filter: { kinds: [DEPARTMENT] }) { ...Shape }
			  metropolises: territories(filter: { codes: ["AMP", "NCA", "TPM"] }) { ...Shape }
			  cities: territories(filter: { codes: ["13055"] }) { ...Shape }
			  coverage(theme: $theme, axis: $axis) { territory { code name kind } actionCount }
			  headline0: coverage(theme: "mobilite") { territory { code name kind } actionCount }
			  headline1: coverage(theme: "precarite-energetique") { territory { code name kind } actionCount }
			  headline2: coverage(theme: "alimentation") { territory { code name kind } actionCount }
			}
			fragment Shape on Territory {
			  code name kind aliases
			  labelPoint { lon lat }
			  geometry(zoom: 8)
			}""";

	static final String TERRITORY_PANEL = """
			query TerritoryPanel($code: ID!, $kind: TerritoryKind, $theme: String, $axis: Int) {
			  territory(code: $code, kind: $kind) {
			    code name kind
			    actions(theme: $theme, axis: $axis) {
			      id label category instrument note
			      axis { number shortName title }
			      priority { id position title }
			      parent { id label }
			      themes { slug label }
			    }
			  }
			  funding {
			    lines { id instrument label partnerKind contractCount amount note partners { code } }
			  }
			}""";

	static final String COVERAGE_WITH_ACTIONS = """
			query CoverageActions($theme: String, $axis: Int) {
			  coverage(theme: $theme, axis: $axis) {
			    territory { code name kind } actionCount
			    actions { id label axis { number } priority { title } }
			  }
			}""";

	@Autowired
	HttpGraphQlTester graphQl;

	@Test
	void thePagesDocumentsPassTheLimits() {
		// The largest answer of the suite: a cold JVM on a busy machine may need more than the client's default 5 s.
		HttpGraphQlTester patient = this.graphQl.mutate().webTestClient(web -> web.responseTimeout(Duration.ofSeconds(60))).build();
		patient.document(FIRST_VIEW).variable("theme", "mobilite").execute().errors().verify()
			.path("departments").entityList(Object.class).hasSize(6);
		patient.document(TERRITORY_PANEL).variable("code", "13").variable("kind", "DEPARTMENT").execute().errors().verify()
			.path("territory.actions").entityList(Object.class).hasSizeGreaterThan(0);
		patient.document(COVERAGE_WITH_ACTIONS).variable("theme", "alimentation").execute().errors().verify()
			.path("coverage").entityList(Object.class).hasSizeGreaterThan(0);
	}

	@Test
	void aTooDeepQueryIsRefused() {
		refused("""
				{ territory(code: "13") { children { parent { children { parent { children { parent { children {
				  actions { territories { code } } } } } } } } } } }""", "MAX_DEPTH_EXCEEDED", "maxDepth", 10);
	}

	@Test
	void aliasesCountOneFieldEach() {
		String aliases = IntStream.range(0, 300).mapToObj(i -> "a" + i + ": axes { number }").collect(Collectors.joining(" "));
		refused("{ " + aliases + " }", "MAX_FIELDS_EXCEEDED", "maxFields", 500);
	}

	@Test
	void fragmentsCountEveryTimeTheyAreSpread() {
		// Each fragment spreads the previous one twice: 3 fields at the bottom, 3 × 2^9 = 1,536 once expanded.
		StringBuilder bomb = new StringBuilder("{ territory(code: \"13\") { ...F9 } }\nfragment F0 on Territory { code name kind }\n");
		for (int i = 1; i <= 9; i++) {
			bomb.append("fragment F").append(i).append(" on Territory { ...F").append(i - 1).append(" ...F").append(i - 1).append(" }\n");
		}
		refused(bomb.toString(), "MAX_FIELDS_EXCEEDED", "maxFields", 500);
	}

	@Test
	void fragmentsNestingDeepAreRefusedBeforeValidation() {
		StringBuilder chain = new StringBuilder("{ ...F0 }\n");
		for (int i = 0; i < 1000; i++) {
			chain.append("fragment F").append(i).append(" on Query { ...F").append(i + 1).append(" }\n");
		}
		chain.append("fragment F1000 on Query { __typename }");
		refused(chain.toString(), "MAX_DEPTH_EXCEEDED", "maxFragmentDepth", 30);
	}

	@Test
	void anOutlineAtFullPrecisionCostsFarMoreThanAName() {
		// Names of every territory: cheap. Department outlines at full precision, 200 times over: refused.
		this.graphQl.document("{ territories { code name } }").execute().errors().verify();
		String outlines = IntStream.range(0, 200).mapToObj(i -> "a" + i + ": territories(filter: {kinds: [DEPARTMENT]}) { geometry }")
			.collect(Collectors.joining(" "));
		refused("{ " + outlines + " }", "MAX_COMPLEXITY_EXCEEDED", "maxCost", 1000000);
		refused("{ territories { code geometry children { geometry } } }", "MAX_COMPLEXITY_EXCEEDED", "maxCost", 1000000);
		// Every territory with its outline for a map at zoom 6 passes.
		this.graphQl.document("{ territories { code geometry(zoom: 6) } }").execute().errors().verify();
	}

	@Test
	void graphiqlCanStillReadTheSchema() {
		// Nests 12 deep, like GraphiQL's own schema query.
		String typeRef = "name " + "ofType { name ".repeat(7) + "}".repeat(7);
		this.graphQl.document("{ __schema { types { name fields { type { " + typeRef + " } } } } }")
			.execute().errors().verify()
			.path("__schema.types").entityList(Object.class).hasSizeGreaterThan(20);
	}

	private void refused(String document, String code, String limit, Object value) {
		this.graphQl.document(document).execute().errors().satisfy(errors -> assertThat(errors).singleElement()
			.satisfies(error -> assertThat(error.getExtensions()).containsAllEntriesOf(Map.of("code", code, "limit", limit, "value", value))));
	}

}
