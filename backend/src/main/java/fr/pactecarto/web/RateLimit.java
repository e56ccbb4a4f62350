package fr.pactecarto.web;

import reactor.core.publisher.Mono;

import fr.pactecarto.api.ErrorCode;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Per-client rate limit ({@code pacte.web.rate-limit.*}): past its burst, a client's requests are refused with
 * {@code 429}, {@code Retry-After} and a {@code RATE_LIMITED} error until its bucket refills. Health and info
 * ({@code /actuator/*}) are never limited: a probe must always get its answer.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
class RateLimit implements WebFilter {

	private final WebProperties.RateLimit settings;

	private final ClientKey clientKey;

	private final TokenBuckets buckets;

	RateLimit(WebProperties properties, ObjectProvider<ClientKey> clientKey) {
		this.settings = properties.rateLimit();
		this.clientKey = clientKey.getIfAvailable(ClientKey::byAddress);
		this.buckets = new TokenBuckets(this.settings.perSecond(), this.settings.burst(), this.settings.maxClients(),
				System::nanoTime);
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (!this.settings.enabled() || exchange.getRequest().getPath().value().startsWith("/actuator/")) {
			return chain.filter(exchange);
		}
		String key = this.clientKey.of(exchange);
		long wait = (key != null) ? this.buckets.take(key) : 0;
		if (wait == 0) {
			return chain.filter(exchange);
		}
		exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(wait));
		return JsonErrors.write(exchange.getResponse(), HttpStatus.TOO_MANY_REQUESTS,
				"Too many requests from this client: at most " + this.settings.burst() + " at once and "
						+ this.settings.perSecond() + " a second; retry after " + wait + " s",
				JsonErrors.limit(ErrorCode.RATE_LIMITED, "perSecond", this.settings.perSecond()));
	}

}
