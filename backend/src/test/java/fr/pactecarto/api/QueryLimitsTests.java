package fr.pactecarto.api;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import fr.pactecarto.support.TestData;
import fr.pactecarto.support.PacteIntegrationTest;
import fr.pactecarto.support.PageDocuments;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The limits as execution sees the document (fragments expanded, aliases counted, fields weighted by what they
 * return): the page's own documents pass them, abusive ones are refused with the limit's code, name and value.
 */
@PacteIntegrationTest
@ExtendWith(TestData.class)
class QueryLimitsTests {

	@Autowired
	HttpGraphQlTester graphQl;

	@Test
	void theMapsFirstViewPassesTheLimits() {
		// The largest answer of the suite (outlines of 58 territories): a cold JVM on a busy machine may need more
		// than the test client's default 5 s to send it.
		this.graphQl.mutate().webTestClient(web -> web.responseTimeout(Duration.ofSeconds(60))).build().document("""
				{
				  themes { slug label headline actionCount }
				  axes { number shortName }
				  coverage(theme: "mobilite") {
				    actionCount
				    territory { code name kind aliases bbox labelPoint { lon lat } geometry(zoom: 7) }
				    actions { id label category axis { number } themes { slug label } }
				  }
				  territories(filter: {kinds: [DEPARTMENT, EPCI], bbox: [4.2, 42.9, 7.8, 45.2]}) {
				    code name kind geometry(zoom: 7)
				    actions { id label themes { slug } priority { title axis { number } } }
				    themes { slug }
				  }
				}""").execute().errors().verify()
			.path("coverage").entityList(Object.class).hasSizeGreaterThan(0);
	}

	@Test
	void everyDocumentOfTheMapPagePassesTheLimitsAndAnswersWithoutError() {
		// The page's own documents (static/queries/*.graphql), the first view being the largest answer: a cold JVM
		// on a busy machine may need more than the test client's default 5 s to send it.
		HttpGraphQlTester patient = this.graphQl.mutate().webTestClient(web -> web.responseTimeout(Duration.ofSeconds(60))).build();
		String code = patient.document("{ pacte { mapLayers { territories { code } } } }").execute()
			.path("pacte.mapLayers[0].territories[0].code").entity(String.class).get();
		for (String name : PageDocuments.ALL) {
			patient.document(PageDocuments.get(name))
				.variable("theme", "mobilite")
				.variable("code", code)
				.execute()
				.errors()
				.verify();
		}
		patient.document(PageDocuments.get(PageDocuments.FIRST_VIEW)).execute()
			.path("pacte.mapLayers[*].territories[*].geometry").entityList(Object.class).hasSizeGreaterThan(0);
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
		// Every territory with its outline for a map at zoom 6 passes (a large answer: the client takes 32 MB).
		this.graphQl.mutate().webTestClient(web -> web.codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(32 << 20)))
			.build().document("{ territories { code geometry(zoom: 6) } }").execute().errors().verify();
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
