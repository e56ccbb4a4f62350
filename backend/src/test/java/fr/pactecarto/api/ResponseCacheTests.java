package fr.pactecarto.api;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import fr.pactecarto.geodata.GeodataImporter;
import fr.pactecarto.live.DataVersion;
import fr.pactecarto.support.PacteIntegrationTest;
import fr.pactecarto.support.StatementCounter;
import fr.pactecarto.support.TestData;
import fr.pactecarto.support.TestTerritories;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import static fr.pactecarto.support.TestData.FIXTURE;
import static fr.pactecarto.support.Eventually.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The response cache answers a repeated query without the database, and never from before a change: a change
 * committed by anyone (here plain SQL, as another instance or an import would) is announced by PostgreSQL.
 */
@PacteIntegrationTest
@ExtendWith(TestData.class)
class ResponseCacheTests {

	private static final String QUERY = "query($p: ID) { pacte(id: $p) { title themes { slug label } } }";

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	StatementCounter counter;

	@Autowired
	DataVersion version;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	WebTestClient client;

	private String title() {
		return this.graphQl.document(QUERY).variable("p", FIXTURE).execute().path("pacte.title").entity(String.class).get();
	}

	@Test
	void aRepeatedQueryIsAnsweredWithoutTheDatabaseUntilTheDataChanges() {
		waitFor(() -> this.version.current() != DataVersion.UNKNOWN);
		String before = title();
		assertThat(this.counter.count(this::title)).isZero();
		long seen = this.version.current();
		this.jdbc.update("UPDATE pacte SET title = title || ' (modifié)' WHERE id = ?", FIXTURE);
		try {
			waitFor(() -> this.version.current() > seen);
			assertThat(title()).isEqualTo(before + " (modifié)");
		}
		finally {
			this.jdbc.update("UPDATE pacte SET title = ? WHERE id = ?", before, FIXTURE);
		}
		waitFor(() -> this.version.current() > seen + 1);
		assertThat(title()).isEqualTo(before);
	}

	@Test
	void aHitIsTheSameAnswerByteForByteAccentsAndOutlinesIncluded() {
		// Kept as UTF-8 bytes and copied out as they are: a name with accents must not come back re-encoded.
		waitFor(() -> this.version.current() != DataVersion.UNKNOWN);
		String query = "{ territory(code: \"13\") { name geometry(zoom: 6) } pacte(id: \"" + FIXTURE + "\") { themes { label } } }";
		byte[] first = post(query);
		AtomicReference<byte[]> again = new AtomicReference<>();
		assertThat(this.counter.count(() -> again.set(post(query)))).isZero();
		assertThat(again.get()).isEqualTo(first);
		String text = new String(first, StandardCharsets.UTF_8);
		assertThat(text).startsWith("{\"data\":{\"territory\":{\"name\":\"Bouches-du-Rhône\",\"geometry\":{\"type\":\"MultiPolygon\"");
	}

	private byte[] post(String query) {
		return this.client.mutate().codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(8 << 20)).build().post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", query))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody();
	}

	@Test
	void answersWithErrorsAreNotKept() {
		String failing = "{ coverage(theme: \"nope\") { actionCount } }";
		this.graphQl.document(failing).execute().errors().expect(error -> true).verify();
		assertThat(this.counter.count(() -> this.graphQl.document(failing).execute().errors().expect(error -> true).verify()))
			.isPositive();
	}

	@Test
	void answersLargerThanAHundredAndTwentyEighthOfTheCacheAreNotKept(@Autowired GeodataImporter importer) {
		// PACA's 946 communes at zoom 12: about 1 MB, beyond 32 MB / 128. Asked again, the list is read again.
		TestTerritories.ensureImported(importer);
		waitFor(() -> this.version.current() != DataVersion.UNKNOWN);
		String large = "{ territories(filter: {kinds: [COMMUNE]}) { code geometry(zoom: 12) } }";
		assertThat(post(large).length).isGreaterThan(33554432 / 128);
		assertThat(this.counter.count(() -> post(large))).isPositive();
		String small = "{ territories(filter: {kinds: [DEPARTMENT], codes: [\"04\", \"05\"]}) { code geometry(zoom: 4) } }";
		post(small);
		assertThat(this.counter.count(() -> post(small))).isZero();
	}

	@Test
	void withoutItsListeningConnectionTheCacheStepsAsideThenComesBack() {
		waitFor(() -> this.version.current() != DataVersion.UNKNOWN);
		title();
		this.jdbc.queryForList("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
				+ "WHERE datname = current_database() AND application_name = ?", DataVersion.APPLICATION_NAME);
		waitFor(() -> this.version.current() == DataVersion.UNKNOWN || this.counter.count(this::title) > 0);
		waitFor(() -> this.version.current() != DataVersion.UNKNOWN);
		title();
		assertThat(this.counter.count(this::title)).isZero();
	}

}
