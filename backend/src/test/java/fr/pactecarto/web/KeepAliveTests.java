package fr.pactecarto.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import fr.pactecarto.support.PacteIntegrationTest;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Health on kept-alive connections: with Reactor Netty 1.3.6 about 1 request in 700 never got an answer
 * (reactor-netty#4361). 3,000 in a row on one connection, each with a short timeout: none may hang.
 */
@PacteIntegrationTest
class KeepAliveTests {

	@LocalServerPort
	int port;

	@Test
	void healthAlwaysAnswersOnAKeptAliveConnection() throws Exception {
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/health"))
			.timeout(Duration.ofSeconds(2)).GET().build();
		int up = 0;
		int hung = 0;
		for (int i = 0; i < 3000; i++) {
			try {
				HttpResponse<String> response = client.send(health, HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
					up++;
				}
			}
			catch (HttpTimeoutException ex) {
				hung++;
			}
		}
		assertThat(hung).as("requests that never got an answer").isZero();
		assertThat(up).isEqualTo(3000);
	}

}
