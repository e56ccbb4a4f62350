package fr.pactecarto.web;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import reactor.core.publisher.Mono;

import fr.pactecarto.api.ErrorCode;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;

/**
 * Writes an HTTP refusal as a GraphQL-shaped JSON body, {@code {"errors":[{"message":…,"extensions":{"code":…}}]}},
 * so that clients read every error the same way, whatever refused the request.
 */
final class JsonErrors {

	private JsonErrors() {
	}

	/** The extensions of a refusal by a limit: code, limit name and value. */
	static Map<String, Object> limit(ErrorCode code, String limit, Object value) {
		Map<String, Object> extensions = new LinkedHashMap<>();
		extensions.put("code", code.name());
		extensions.put("limit", limit);
		extensions.put("value", value);
		return extensions;
	}

	static Mono<Void> write(ServerHttpResponse response, HttpStatus status, String message, ErrorCode code) {
		return write(response, status, message, Map.of("code", code.name()));
	}

	static Mono<Void> write(ServerHttpResponse response, HttpStatus status, String message, Map<String, Object> extensions) {
		if (response.isCommitted()) {
			return Mono.empty();
		}
		response.setStatusCode(status);
		HttpHeaders headers = response.getHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.remove(HttpHeaders.CONTENT_LENGTH);
		StringBuilder json = new StringBuilder("{\"errors\":[{\"message\":").append(quote(message)).append(",\"extensions\":{");
		String separator = "";
		for (Map.Entry<String, Object> entry : extensions.entrySet()) {
			json.append(separator).append(quote(entry.getKey())).append(':');
			json.append((entry.getValue() instanceof Number number) ? number.toString() : quote(String.valueOf(entry.getValue())));
			separator = ",";
		}
		json.append("}}]}");
		DataBuffer body = response.bufferFactory().wrap(json.toString().getBytes(StandardCharsets.UTF_8));
		return response.writeWith(Mono.just(body));
	}

	static String quote(String text) {
		StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> quoted.append("\\\"");
				case '\\' -> quoted.append("\\\\");
				case '\n' -> quoted.append("\\n");
				case '\r' -> quoted.append("\\r");
				case '\t' -> quoted.append("\\t");
				default -> {
					if (c < 0x20) {
						quoted.append(String.format("\\u%04x", (int) c));
					}
					else {
						quoted.append(c);
					}
				}
			}
		}
		return quoted.append('"').toString();
	}

}
