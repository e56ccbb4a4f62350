package fr.pactecarto.api;

import java.time.Duration;
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

/** The limits against abusive queries, and the map's own queries passing them. */
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
		this.graphQl.document("""
				{ territory(code: "13") { children { parent { children { parent { children { parent { children {
				  actions { territories { code } } } } } } } } } } }""")
			.execute().errors().satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "MAX_DEPTH_EXCEEDED")));
	}

	@Test
	void aTooLargeQueryIsRefused() {
		String aliases = IntStream.range(0, 200).mapToObj(i -> "a" + i + ": axes { number }").collect(Collectors.joining(" "));
		this.graphQl.document("{ " + aliases + " }")
			.execute().errors().satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(error -> assertThat(error.getExtensions()).containsEntry("code", "MAX_COMPLEXITY_EXCEEDED")));
	}

	@Test
	void graphiqlCanStillReadTheSchema() {
		// Nests 12 deep, like GraphiQL's own schema query.
		String typeRef = "name " + "ofType { name ".repeat(7) + "}".repeat(7);
		this.graphQl.document("{ __schema { types { name fields { type { " + typeRef + " } } } } }")
			.execute().errors().verify()
			.path("__schema.types").entityList(Object.class).hasSizeGreaterThan(20);
	}

}
