package fr.pactecarto.database;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;

import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import fr.pactecarto.support.TestData;
import fr.pactecarto.support.TcpProxy;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application reaches PostgreSQL through a {@link TcpProxy} that the test cuts and restores: during the
 * outage health says DOWN within a second and GraphQL fails fast with {@code DATABASE_UNAVAILABLE} and HTTP 503;
 * once it is back both recover by themselves. Also the time budget: a field whose SQL runs past it is cancelled,
 * the request answers {@code TIME_BUDGET_EXCEEDED} at the deadline, and {@code statement_timeout} ends the SQL;
 * and the answer size: an answer growing past {@code max-response-bytes} is stopped ({@code RESPONSE_TOO_LARGE}).
 * (One context for the tests that need their own limits.)
 * Runs against the database {@code make test} prepared ({@code PACTE_DB_*}), never against Testcontainers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "pacte.map.tile-url=none", "pacte.limits.timeout=700ms", "pacte.limits.max-response-bytes=100KB",
				"spring.r2dbc.properties.statementTimeout=PT2S" })
@Import(DatabaseFaultTests.SlowSource.class)
@ExtendWith(TestData.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
// Closed after the class: once the proxy is gone, a cached context's pools would retry and log for the rest of the
// run, into the output that the command tests capture.
@DirtiesContext
class DatabaseFaultTests {

	static final String DB_HOST = env("PACTE_DB_HOST", "127.0.0.1");

	static final int DB_PORT = Integer.parseInt(env("PACTE_DB_PORT", "5432"));

	static final TcpProxy proxy = startProxy();

	static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	@DynamicPropertySource
	static void throughTheProxy(DynamicPropertyRegistry registry) {
		registry.add("pacte.db.host", () -> "127.0.0.1");
		registry.add("pacte.db.port", proxy::port);
	}

	@LocalServerPort
	int port;

	@Autowired
	DatabaseClient db;

	@AfterAll
	static void stopProxy() {
		proxy.close();
	}

	@Test
	@Order(1)
	void statementsRunWithTheBackstopTimeout() {
		assertThat(this.db.sql("SHOW statement_timeout").map(row -> row.get(0, String.class)).one().block()).isEqualTo("2s");
	}

	@Test
	@Order(2)
	void aFieldPastTheTimeBudgetIsCancelledAndItsSqlEnds() throws Exception {
		graphQl("{ axes { number } }"); // warm-up: the first request of a fresh JVM loads classes for seconds
		long start = System.nanoTime();
		HttpResponse<String> response = graphQl("{ source { title } }");
		long ms = (System.nanoTime() - start) / 1_000_000;
		assertThat(response.body()).contains("\"code\":\"TIME_BUDGET_EXCEEDED\"", "\"limit\":\"timeout\"", "\"value\":700")
			.doesNotContain("\"data\":{");
		assertThat(ms).as("answered at the deadline (700 ms), not when the SQL ends").isLessThan(2500);
		// The statement (pg_sleep(30)) is gone well before 30 s: cancelled, or ended by statement_timeout (2 s).
		long deadline = System.nanoTime() + Duration.ofSeconds(8).toNanos();
		while (sleepersRunning() > 0 && System.nanoTime() < deadline) {
			Thread.sleep(200);
		}
		assertThat(sleepersRunning()).isZero();
		assertThat(graphQl("{ axes { number } }").body()).contains("\"number\":4");
	}

	@Test
	@Order(3)
	void anAnswerGrowingPastTheMaximumSizeIsStopped() throws Exception {
		// Six department outlines at full precision: about 200 KB, within the cost limit but past 100 KB.
		HttpResponse<String> response = graphQl("{ territories(filter: {kinds: [DEPARTMENT]}) { code geometry } }");
		assertThat(response.body()).contains("\"code\":\"RESPONSE_TOO_LARGE\"", "\"limit\":\"maxResponseBytes\"", "\"value\":102400")
			.doesNotContain("MultiPolygon");
		assertThat(response.body().length()).isLessThan(1000);
		assertThat(graphQl("{ territories(filter: {kinds: [DEPARTMENT]}) { code geometry(zoom: 6) } }").body())
			.contains("MultiPolygon").doesNotContain("errors");
		// Plain properties only, which graphql-java reads without any fetcher of ours: about 40 aliased names of
		// each of the thousand territories, 1.4 MB, are counted and stopped too.
		StringBuilder names = new StringBuilder("{ territories {");
		for (int i = 0; i < 40; i++) {
			names.append(" name_of_the_territory_").append(i).append(": name");
		}
		HttpResponse<String> plain = graphQl(names.append(" } }").toString());
		assertThat(plain.body()).contains("\"code\":\"RESPONSE_TOO_LARGE\"", "\"value\":102400").doesNotContain("\"data\":{");
		assertThat(plain.body().length()).isLessThan(1000);
	}

	@Test
	@Order(4)
	void anOutageFailsFastAndTheServiceRecoversByItself() throws Exception {
		assertThat(health().statusCode()).isEqualTo(200);
		assertThat(graphQl("{ axes { number } }").statusCode()).isEqualTo(200);
		proxy.cut();
		try {
			long start = System.nanoTime();
			HttpResponse<String> health = health();
			long healthMs = (System.nanoTime() - start) / 1_000_000;
			assertThat(health.statusCode()).isEqualTo(503);
			assertThat(health.body()).contains("\"status\":\"DOWN\"");
			assertThat(healthMs).as("health says DOWN within a second").isLessThan(1500);

			start = System.nanoTime();
			HttpResponse<String> query = graphQl("{ axes { number } themes { slug } }");
			long queryMs = (System.nanoTime() - start) / 1_000_000;
			assertThat(query.statusCode()).isEqualTo(503);
			assertThat(query.headers().firstValue("Retry-After")).isPresent();
			assertThat(query.body()).contains("\"code\":\"DATABASE_UNAVAILABLE\"").doesNotContain("Exception", "\tat ");
			assertThat(queryMs).as("fails fast").isLessThan(3000);
		}
		finally {
			proxy.restore();
		}
		long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
		while (health().statusCode() != 200 && System.nanoTime() < deadline) {
			Thread.sleep(100);
		}
		assertThat(health().body()).contains("\"status\":\"UP\"");
		HttpResponse<String> again = graphQl("{ axes { number } }");
		for (int i = 0; i < 20 && again.statusCode() != 200; i++) {
			Thread.sleep(100);
			again = graphQl("{ axes { number } }");
		}
		assertThat(again.statusCode()).isEqualTo(200);
		assertThat(again.body()).contains("\"number\":4").doesNotContain("errors");
	}

	HttpResponse<String> health() throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/health"))
			.timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<String> graphQl(String query) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/graphql"))
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(10))
			.POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"" + query.replace("\"", "\\\"") + "\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	static int sleepersRunning() throws Exception {
		String url = "jdbc:postgresql://" + DB_HOST + ":" + DB_PORT + "/" + env("PACTE_DB_NAME", "pacte_test");
		try (Connection connection = DriverManager.getConnection(url, env("PACTE_DB_USER", "postgres"), env("PACTE_DB_PASSWORD", ""));
				ResultSet rows = connection.createStatement().executeQuery(
						"SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND query LIKE 'SELECT pg_sleep(30)%'")) {
			rows.next();
			return rows.getInt(1);
		}
	}

	static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null && !value.isBlank()) ? value : fallback;
	}

	static TcpProxy startProxy() {
		try {
			return new TcpProxy(DB_HOST, DB_PORT);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** {@code Query.source} made slow: its SQL sleeps 30 s, far past the 700 ms budget. */
	@TestConfiguration(proxyBeanMethods = false)
	static class SlowSource {

		@Bean
		Instrumentation slowSource(DatabaseClient db) {
			return new Instrumentation() {

				@Override
				public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher,
						InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
					if (!parameters.getEnvironment().getExecutionStepInfo().getPath().toString().equals("/source")) {
						return fetcher;
					}
					return env -> db.sql("SELECT pg_sleep(30)").fetch().rowsUpdated().toFuture();
				}

			};
		}

	}

}
