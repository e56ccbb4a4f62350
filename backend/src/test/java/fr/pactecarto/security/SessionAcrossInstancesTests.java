package fr.pactecarto.security;

import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import fr.pactecarto.PacteCartoApplication;
import fr.pactecarto.support.Browser;
import fr.pactecarto.support.PacteIntegrationTest;
import fr.pactecarto.support.TestAccounts;
import fr.pactecarto.support.TestData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

import static fr.pactecarto.support.TestAccounts.EDITOR_2A;
import static fr.pactecarto.support.TestAccounts.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A session is nothing but a row of PostgreSQL: a second instance of the application on the same database
 * (started after the sign-in, as after a restart or behind a balancer) knows it, and a sign-out on the first
 * ends it on the second.
 */
@PacteIntegrationTest
@ExtendWith(TestData.class)
class SessionAcrossInstancesTests {

	@Autowired
	WebTestClient client;

	@Autowired
	ApplicationContext context;

	@BeforeEach
	void accounts() {
		TestAccounts.ensureCreated(this.context);
	}

	@Test
	@SuppressWarnings("unchecked")
	void aSessionOpenedOnOneInstanceWorksOnAnotherStartedLaterAndEndsOnBoth() {
		Browser first = new Browser(this.client).signIn(EDITOR_2A, PASSWORD);
		// The database the first instance uses (a Testcontainers one, or the one `make test` prepared).
		HikariDataSource db = this.context.getBean(HikariDataSource.class);
		String password = (db.getPassword() != null) ? db.getPassword() : "";
		try (ConfigurableApplicationContext second = new SpringApplicationBuilder(PacteCartoApplication.class).run(
				"--server.port=0", "--pacte.geodata.import-on-start=false", "--pacte.documents.load-on-start=false",
				"--spring.datasource.url=" + db.getJdbcUrl(), "--spring.datasource.username=" + db.getUsername(),
				"--spring.datasource.password=" + password,
				"--spring.r2dbc.url=" + db.getJdbcUrl().replaceFirst("^jdbc:", "r2dbc:"),
				"--spring.r2dbc.username=" + db.getUsername(), "--spring.r2dbc.password=" + password)) {
			int port = ((WebServerApplicationContext) second).getWebServer().getPort();
			Browser other = new Browser(WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build());
			other.cookies().putAll(first.cookies());
			assertThat(other.session()).containsEntry("signedIn", true).containsEntry("login", EDITOR_2A);
			assertThat(other.graphQl("{ viewer { login } }", Map.of()).toString()).contains("login=" + EDITOR_2A);

			assertThat(first.post("/auth/sign-out", Map.of(), true).getStatus()).isEqualTo(HttpStatus.NO_CONTENT);
			assertThat(other.session()).containsEntry("signedIn", false);
		}
	}

}
