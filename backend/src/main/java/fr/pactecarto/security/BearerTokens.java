package fr.pactecarto.security;

import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.web.server.ServerWebExchange;

/** The {@code Authorization: Bearer …} header of partner apps' requests, before it is checked. */
final class BearerTokens {

	private static final String SCHEME = "bearer ";

	private BearerTokens() {
	}

	static boolean present(ServerHttpRequest request) {
		String header = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
		return header != null && header.regionMatches(true, 0, SCHEME, 0, SCHEME.length());
	}

	/** The token the request presents, for the authentication manager; empty without a bearer header. */
	static Mono<Authentication> convert(ServerWebExchange exchange) {
		if (!present(exchange.getRequest())) {
			return Mono.empty();
		}
		String token = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION).substring(SCHEME.length()).strip();
		return Mono.just(new Presented(token));
	}

	/** A presented, unchecked token. */
	static final class Presented extends AbstractAuthenticationToken {

		private final String token;

		Presented(String token) {
			super(List.of());
			this.token = token;
		}

		@Override
		public Object getCredentials() {
			return this.token;
		}

		@Override
		public Object getPrincipal() {
			return null;
		}

	}

}
