package fr.pactecarto.database;

import java.net.URI;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import fr.pactecarto.PacteCartoApplication;
import fr.pactecarto.support.PacteIntegrationTest;
import fr.pactecarto.support.ScratchDatabase;
import fr.pactecarto.support.TestData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An instance whose queries read a replica ({@code PACTE_REPLICA_*}). The replica here is a copy of the test
 * database that the test writes to directly, as replication would, with the Bouches-du-Rhône under a name the
 * primary does not have. The instance answers from it, keys its answers by the replica's data version — so an answer read while
 * the replica lags is not served once the replica has caught up — and reports the replica in its health.
 */
@PacteIntegrationTest
@ExtendWith(TestData.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadReplicaTests {

	private static final String NAME_ON_REPLICA = "Bouches-du-Rhône, lu sur le réplica";

	private static final String QUERY = "{ territory(code: \"13\") { code name } }";

	@Autowired
	DataSource primary;

	private ScratchDatabase replica;

	private JdbcTemplate replicaJdbc;

	private ConfigurableApplicationContext instance;

	private WebTestClient client;

	@BeforeAll
	void startAnInstanceReadingTheReplica() throws Exception {
		this.replica = ScratchDatabase.copyOf(this.primary, "replica");
		this.replicaJdbc = new JdbcTemplate(this.replica.dataSource());
		replicate("UPDATE territory SET name = '" + NAME_ON_REPLICA + "' WHERE kind = 'DEPARTMENT' AND code = '13'");
		HikariDataSource db = (HikariDataSource) this.primary;
		URI url = URI.create(db.getJdbcUrl().substring("jdbc:".length()));
		String password = (db.getPassword() != null) ? db.getPassword() : "";
		this.instance = new SpringApplicationBuilder(PacteCartoApplication.class).run("--server.port=0",
				"--pacte.map.tile-url=none", "--pacte.geodata.import-on-start=false",
				"--pacte.documents.load-on-start=false", "--pacte.web.rate-limit.enabled=false",
				"--spring.datasource.url=" + db.getJdbcUrl(), "--spring.datasource.username=" + db.getUsername(),
				"--spring.datasource.password=" + password,
				"--spring.r2dbc.url=" + db.getJdbcUrl().replaceFirst("^jdbc:", "r2dbc:"),
				"--spring.r2dbc.username=" + db.getUsername(), "--spring.r2dbc.password=" + password,
				"--pacte.replica.host=" + url.getHost(), "--pacte.replica.port=" + url.getPort(),
				"--pacte.replica.name=" + this.replica.name(),
				"--pacte.replica.max-wait=5s");
		int port = ((WebServerApplicationContext) this.instance).getWebServer().getPort();
		this.client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
			.responseTimeout(Duration.ofSeconds(20)).build();
	}

	@AfterAll
	void stop() throws Exception {
		if (this.instance != null) {
			this.instance.close();
		}
		if (this.replica != null) {
			this.replica.close();
		}
	}

	@Test
	void queriesReadTheReplica() throws Exception {
		assertThat(name()).isEqualTo(this.replicaJdbc.queryForObject("SELECT name FROM territory WHERE code = '13'", String.class))
			.startsWith("Bouches-du-Rhône, ");
		// A commune the replica has lost (as a replica behind an import of new contours would not have it yet).
		replicate("DELETE FROM territory WHERE kind = 'COMMUNE' AND code = '13001'");
		assertThat(answer("{ territory(code: \"13001\") { name } }").toString()).contains("UNKNOWN_TERRITORY");
		assertThat(new JdbcTemplate(this.primary).queryForObject("SELECT count(*) FROM territory WHERE code = '13001'",
				Integer.class)).isEqualTo(1);
	}

	@Test
	void anAnswerReadWhileTheReplicaLagsIsNotServedOnceItHasCaughtUp() throws Exception {
		String before = name();
		// A change committed on the primary (a statement trigger bumps its version and notifies every instance)…
		JdbcTemplate primaryJdbc = new JdbcTemplate(this.primary);
		primaryJdbc.update("UPDATE territory SET name = name WHERE false");
		long primaryVersion = primaryJdbc.queryForObject("SELECT version FROM data_version", Long.class);
		// …that has not reached the replica yet: the instance still answers what the replica holds.
		Thread.sleep(300);
		assertThat(name()).isEqualTo(before);
		// Replication brings it, in one transaction with the version.
		String after = "Bouches-du-Rhône, version " + primaryVersion;
		replicate("UPDATE territory SET name = '" + after + "' WHERE kind = 'DEPARTMENT' AND code = '13'",
				"UPDATE data_version SET version = " + primaryVersion);
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (!after.equals(name())) {
			assertThat(System.nanoTime()).as("the replica's change is answered within 10 s").isLessThan(deadline);
			Thread.sleep(50);
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void healthReportsTheReplica() {
		Map<String, Object> health = this.client.get().uri("/actuator/health").exchange()
			.expectBody(Map.class).returnResult().getResponseBody();
		assertThat(((Map<String, Map<String, Object>>) health.get("components")).get("replica"))
			.containsEntry("status", "UP");
	}

	/**
	 * Runs these statements on the replica in one transaction, as replication applies the primary's: with the
	 * triggers off (the data version changes only when the primary's version arrives).
	 */
	private void replicate(String... statements) throws Exception {
		try (Connection connection = this.replica.dataSource().getConnection(); Statement statement = connection.createStatement()) {
			connection.setAutoCommit(false);
			statement.execute("SET LOCAL session_replication_role = replica");
			for (String sql : statements) {
				statement.execute(sql);
			}
			connection.commit();
		}
	}

	private String name() {
		Map<String, Object> answer = answer(QUERY);
		Object data = answer.get("data");
		assertThat(answer).as("answer").doesNotContainKey("errors");
		return (String) ((Map<?, ?>) ((Map<?, ?>) data).get("territory")).get("name");
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> answer(String query) {
		return this.client.post().uri("/graphql").bodyValue(Map.of("query", query)).exchange()
			.expectBody(Map.class).returnResult().getResponseBody();
	}

}
