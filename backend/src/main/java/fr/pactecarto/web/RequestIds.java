package fr.pactecarto.web;

import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Every request gets an id: the client's {@code X-Request-Id} when it is a short plain token (a balancer's or a
 * partner app's, to follow one request across systems), otherwise one of ours. It is the request's id for
 * Spring (so the GraphQL execution id), it is sent back in {@code X-Request-Id}, and every error line in the log
 * and every {@code INTERNAL_ERROR} message names it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIds implements WebFilter {

	static final String HEADER = "X-Request-Id";

	private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

	private static final String PREFIX = Long.toString(System.currentTimeMillis() / 1000 % 100_000, 36) + "-";

	private final AtomicLong counter = new AtomicLong();

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String given = exchange.getRequest().getHeaders().getFirst(HEADER);
		String id = (given != null && PLAIN.matcher(given).matches()) ? given
				: PREFIX + Long.toString(this.counter.incrementAndGet(), 36);
		exchange.getResponse().getHeaders().set(HEADER, id);
		ServerHttpRequest request = new ServerHttpRequestDecorator(exchange.getRequest()) {

			@Override
			public String getId() {
				return id;
			}

		};
		return chain.filter(exchange.mutate().request(request).build());
	}

}
