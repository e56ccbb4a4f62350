package fr.pactecarto.security;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;

/**
 * The body of a request refused before GraphQL runs (bad token, missing CSRF token, sign-in errors): a JSON object
 * with a stable {@code code} and a {@code message}, and the same as a GraphQL error in {@code errors}, so that a
 * GraphQL client finds {@code errors[0].extensions.code} as usual.
 */
final class AuthResponses {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private AuthResponses() {
	}

	static Map<String, Object> body(String code, String message) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("code", code);
		body.put("message", message);
		body.put("errors", List.of(Map.of("message", message, "extensions", Map.of("code", code))));
		return body;
	}

	static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String code, String message,
			String wwwAuthenticate) {
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(status);
		response.getHeaders().setContentType(new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8));
		if (wwwAuthenticate != null) {
			response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, wwwAuthenticate);
		}
		byte[] bytes = JSON.writeValueAsBytes(body(code, message));
		return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
	}

}
