package fr.pactecarto.web;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/** The per-client rate limit and the bound on concurrent GraphQL requests, on their own. */
class RateLimitTests {

	final AtomicLong now = new AtomicLong();

	@Test
	void aClientGetsItsBurstThenItsRate() {
		TokenBuckets buckets = new TokenBuckets(2, 5, 100, this.now::get);
		for (int i = 0; i < 5; i++) {
			assertThat(buckets.take("a")).isZero();
		}
		assertThat(buckets.take("a")).isEqualTo(1);
		assertThat(buckets.take("b")).as("another client has its own bucket").isZero();
		this.now.addAndGet(500_000_000L); // half a second: one token at 2 a second
		assertThat(buckets.take("a")).isZero();
		assertThat(buckets.take("a")).isEqualTo(1);
	}

	@Test
	void idleClientsAreForgottenPastTheBound() {
		TokenBuckets buckets = new TokenBuckets(10, 10, 3, this.now::get);
		buckets.take("a");
		buckets.take("b");
		buckets.take("c");
		this.now.addAndGet(5_000_000_000L);
		buckets.take("d");
		assertThat(buckets.size()).isLessThanOrEqualTo(3);
	}

	@Test
	void pastItsBurstAClientGets429WithRetryAfter() {
		RateLimit filter = new RateLimit(properties(new WebProperties.RateLimit(true, 1, 2, 100), 64), clientKey());
		assertThat(status(filter, "/graphql")).isEqualTo(200);
		assertThat(status(filter, "/graphql")).isEqualTo(200);
		MockServerWebExchange refused = exchange("/graphql");
		filter.filter(refused, ok -> Mono.empty()).block();
		assertThat(refused.getResponse().getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(refused.getResponse().getHeaders().getFirst("Retry-After")).isEqualTo("1");
		assertThat(refused.getResponse().getBodyAsString().block()).contains("\"code\":\"RATE_LIMITED\"", "\"limit\":\"perSecond\"");
		assertThat(status(filter, "/actuator/health")).as("probes are never limited").isEqualTo(200);
	}

	@Test
	void beyondTheConcurrentRequestsTheNextIsRefusedAtOnce() {
		Overload filter = new Overload(properties(new WebProperties.RateLimit(false, 1, 1, 1), 2));
		MockServerWebExchange first = post();
		MockServerWebExchange second = post();
		filter.filter(first, exchange -> Mono.never()).subscribe();
		filter.filter(second, exchange -> Mono.never()).subscribe();
		MockServerWebExchange third = post();
		filter.filter(third, exchange -> Mono.empty()).block();
		assertThat(third.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(third.getResponse().getHeaders().getFirst("Retry-After")).isEqualTo("1");
		assertThat(third.getResponse().getBodyAsString().block()).contains("\"code\":\"OVERLOADED\"", "\"value\":2");
	}

	static WebProperties properties(WebProperties.RateLimit rateLimit, int maxConcurrent) {
		return new WebProperties(DataSize.ofKilobytes(128), 64, maxConcurrent, new WebProperties.Cors(List.of()), rateLimit);
	}

	static org.springframework.beans.factory.ObjectProvider<ClientKey> clientKey() {
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		return beans.getBeanProvider(ClientKey.class);
	}

	static int status(RateLimit filter, String path) {
		MockServerWebExchange exchange = exchange(path);
		filter.filter(exchange, ok -> Mono.empty()).block();
		HttpStatus status = (HttpStatus) exchange.getResponse().getStatusCode();
		return (status != null) ? status.value() : 200;
	}

	static MockServerWebExchange exchange(String path) {
		return MockServerWebExchange.from(MockServerHttpRequest.get(path).remoteAddress(new java.net.InetSocketAddress("192.0.2.1", 4000)));
	}

	static MockServerWebExchange post() {
		return MockServerWebExchange.from(MockServerHttpRequest.post("/graphql").body("{}"));
	}

}
