package fr.pactecarto.web;

import java.util.concurrent.Semaphore;

import reactor.core.publisher.Mono;

import fr.pactecarto.api.ErrorCode;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * At most {@code pacte.web.max-concurrent-requests} GraphQL requests execute at once; the next ones are refused
 * at once ({@code 503}, {@code Retry-After: 1}, {@code OVERLOADED}) instead of queueing, so that an overload
 * costs the excess requests, not the memory and latency of all of them.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 4)
class Overload implements WebFilter {

	private final int limit;

	private final Semaphore permits;

	Overload(WebProperties properties) {
		this.limit = properties.maxConcurrentRequests();
		this.permits = new Semaphore(this.limit);
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (!GraphQlBodies.isGraphQlPost(exchange)) {
			return chain.filter(exchange);
		}
		if (!this.permits.tryAcquire()) {
			exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
			return JsonErrors.write(exchange.getResponse(), HttpStatus.SERVICE_UNAVAILABLE,
					"The server is at its limit of " + this.limit + " requests at once: retry in a second",
					JsonErrors.limit(ErrorCode.OVERLOADED, "maxConcurrentRequests", this.limit));
		}
		return chain.filter(exchange).doFinally(signal -> this.permits.release());
	}

}
