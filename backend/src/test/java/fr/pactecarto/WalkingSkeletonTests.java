package fr.pactecarto;

import org.junit.jupiter.api.Test;

import fr.pactecarto.support.PacteIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@PacteIntegrationTest
class WalkingSkeletonTests {

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	WebTestClient web;

	@Test
	void graphqlAnswersTypename() {
		this.graphQl.document("{ __typename }").execute().path("__typename").entity(String.class).isEqualTo("Query");
	}

	@Test
	void healthReportsTheDatabaseUp() {
		this.web.get().uri("/actuator/health").exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.status").isEqualTo("UP")
			.jsonPath("$.components.r2dbc.status").isEqualTo("UP")
			.jsonPath("$.components.db.status").isEqualTo("UP");
	}

	@Autowired
	DatabaseClient db;

	@Test
	void postgisIsInstalledByTheMigrations() {
		// The first migration creates the extension; every spatial query depends on it.
		String version = this.db.sql("SELECT postgis_lib_version() AS v").map(row -> row.get("v", String.class)).one().block();
		assertThat(version).startsWith("3.");
	}

	@Test
	void graphiqlIsServedWithItsScriptsFromThisServer() {
		String page = this.web.get().uri("/graphiql").exchange()
			.expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(page).contains("/graphiql/vendor/graphiql.min.js").doesNotContain("https://");
		this.web.get().uri("/graphiql/vendor/graphiql.min.js").exchange().expectStatus().isOk();
		this.web.get().uri("/graphiql/vendor/react.production.min.js").exchange().expectStatus().isOk();
	}

	@Test
	void homePageIsServed() {
		this.web.get().uri("/").exchange().expectStatus().isOk();
	}

}
