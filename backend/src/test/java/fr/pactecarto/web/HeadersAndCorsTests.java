package fr.pactecarto.web;

import java.util.List;

import org.junit.jupiter.api.Test;

import fr.pactecarto.support.PacteIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.unit.DataSize;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.server.WebHandler;

import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/** Security headers and CSP on the page, request ids, and CORS: none by default, the listed origins when configured. */
@PacteIntegrationTest
class HeadersAndCorsTests {

	@Autowired
	WebTestClient web;

	@Test
	void thePageCarriesTheSecurityHeadersAndAPolicyThatLoadsNothingFromOutside() {
		this.web.get().uri("/").exchange()
			.expectStatus().isOk()
			.expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
			.expectHeader().valueEquals("X-Frame-Options", "DENY")
			.expectHeader().value("Content-Security-Policy", policy -> assertThat(policy)
				.contains("default-src 'none'", "script-src 'self'", "connect-src 'self'", "frame-ancestors 'none'")
				.doesNotContain("http", "unsafe-eval"));
	}

	@Test
	void theTileHostIsTheOnlyOutsideSource() {
		assertThat(SecurityHeaders.tileOrigin("https://tile.openstreetmap.org/{z}/{x}/{y}.png")).isEqualTo("https://tile.openstreetmap.org");
		assertThat(SecurityHeaders.tileOrigin("https://{s}.tile.example.org:8443/{z}/{x}/{y}.png")).isEqualTo("https://*.tile.example.org:8443");
		assertThat(SecurityHeaders.tileOrigin("none")).isNull();
		assertThat(SecurityHeaders.policy("https://tile.openstreetmap.org")).contains("img-src 'self' data: blob: https://tile.openstreetmap.org;");
	}

	@Test
	void aRequestIdIsGivenOrKept() {
		this.web.get().uri("/actuator/health").header("X-Request-Id", "probe-42").exchange()
			.expectHeader().valueEquals("X-Request-Id", "probe-42");
		this.web.get().uri("/actuator/health").header("X-Request-Id", "bad id with spaces").exchange()
			.expectHeader().value("X-Request-Id", id -> assertThat(id).doesNotContain(" ").isNotBlank());
	}

	@Test
	void noOriginIsAllowedByDefault() {
		this.web.options().uri("/graphql").header("Origin", "https://elsewhere.example").header("Access-Control-Request-Method", "POST")
			.exchange().expectHeader().doesNotExist("Access-Control-Allow-Origin");
	}

	@Test
	void theConfiguredOriginsAreAllowed() {
		WebProperties properties = new WebProperties(DataSize.ofKilobytes(128), 64, 64,
				new WebProperties.Cors(List.of("https://dashboard.example.org")), new WebProperties.RateLimit(false, 1, 1, 1));
		CorsWebFilter cors = new CorsOrigins().corsFilter(properties);
		WebHandler ok = exchange -> Mono.empty();
		WebTestClient client = WebTestClient.bindToWebHandler(ok).webFilter(cors).build();
		client.options().uri("http://api.example.org/graphql").header("Origin", "https://dashboard.example.org").header("Access-Control-Request-Method", "POST")
			.exchange().expectHeader().valueEquals("Access-Control-Allow-Origin", "https://dashboard.example.org");
		client.options().uri("http://api.example.org/graphql").header("Origin", "https://elsewhere.example").header("Access-Control-Request-Method", "POST")
			.exchange().expectStatus().isForbidden();
	}

}
