package fr.pactecarto.web;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;

import fr.pactecarto.api.ErrorCode;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Checks the body of {@code POST /graphql} before Spring for GraphQL reads it: at most
 * {@code pacte.web.max-body-bytes} ({@code 413} otherwise, as soon as the length is known), not empty, one JSON
 * object (an array is a batch, which we do not run), JSON nested at most {@code max-json-depth}, with a
 * {@code query} string and {@code variables}/{@code extensions} objects. Each refusal is a {@code 4xx} with a
 * GraphQL-shaped error, never a framework error page.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class GraphQlBodies implements WebFilter {

	private final long maxBytes;

	private final JsonFactory json;

	GraphQlBodies(WebProperties properties) {
		this.maxBytes = properties.maxBodyBytes().toBytes();
		this.json = JsonFactory.builder()
			.streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(properties.maxJsonDepth()).build())
			.build();
	}

	static boolean isGraphQlPost(ServerWebExchange exchange) {
		return exchange.getRequest().getMethod() == HttpMethod.POST
				&& "/graphql".equals(exchange.getRequest().getPath().pathWithinApplication().value());
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (!isGraphQlPost(exchange)) {
			return chain.filter(exchange);
		}
		if (exchange.getRequest().getHeaders().getContentLength() > this.maxBytes) {
			return tooLarge(exchange);
		}
		boolean isJson;
		try {
			isJson = isJson(exchange);
		}
		catch (InvalidMediaTypeException ex) {
			return JsonErrors.write(exchange.getResponse(), HttpStatus.UNSUPPORTED_MEDIA_TYPE,
					"Unreadable Content-Type: send application/json", ErrorCode.BAD_REQUEST);
		}
		return DataBufferUtils.join(exchange.getRequest().getBody(), (int) Math.min(this.maxBytes, Integer.MAX_VALUE))
			.map(buffer -> {
				byte[] bytes = new byte[buffer.readableByteCount()];
				buffer.read(bytes);
				DataBufferUtils.release(buffer);
				return bytes;
			})
			.defaultIfEmpty(new byte[0])
			.flatMap(bytes -> {
				String problem = isJson ? problem(bytes) : ((bytes.length == 0) ? "empty" : null);
				if (problem != null) {
					return refuse(exchange, problem);
				}
				DataBuffer body = exchange.getResponse().bufferFactory().wrap(bytes);
				ServerHttpRequestDecorator request = new ServerHttpRequestDecorator(exchange.getRequest()) {

					@Override
					public Flux<DataBuffer> getBody() {
						return Flux.just(body);
					}

				};
				return chain.filter(exchange.mutate().request(request).build());
			})
			.onErrorResume(DataBufferLimitException.class, ex -> tooLarge(exchange));
	}

	private static boolean isJson(ServerWebExchange exchange) {
		MediaType type = exchange.getRequest().getHeaders().getContentType();
		return type == null || type.getSubtype().equals("json") || type.getSubtype().endsWith("+json");
	}

	private Mono<Void> tooLarge(ServerWebExchange exchange) {
		return JsonErrors.write(exchange.getResponse(), HttpStatus.PAYLOAD_TOO_LARGE,
				"The request body is larger than " + this.maxBytes + " bytes",
				JsonErrors.limit(ErrorCode.REQUEST_TOO_LARGE, "maxBodyBytes", this.maxBytes));
	}

	private static Mono<Void> refuse(ServerWebExchange exchange, String problem) {
		ErrorCode code = problem.equals("batch") ? ErrorCode.BATCH_NOT_SUPPORTED : ErrorCode.BAD_REQUEST;
		String message = switch (problem) {
			case "empty" -> "The request body is empty: send a JSON object {\"query\": \"…\", \"variables\": {…}}";
			case "batch" -> "Batched (array) bodies are not supported: send one JSON object per request";
			case "deep" -> "The JSON body nests too deep";
			default -> "The request body is not a GraphQL request: " + problem;
		};
		return JsonErrors.write(exchange.getResponse(), HttpStatus.BAD_REQUEST, message, code);
	}

	// null when the body is one JSON object with a query; otherwise what is wrong with it.
	String problem(byte[] body) {
		try (JsonParser parser = this.json.createParser(ObjectReadContext.empty(), body)) {
			JsonToken first = parser.nextToken();
			if (first == null) {
				return "empty";
			}
			if (first == JsonToken.START_ARRAY) {
				return "batch";
			}
			if (first != JsonToken.START_OBJECT) {
				return "the JSON must be an object, not " + describe(first);
			}
			boolean query = false;
			for (JsonToken token = parser.nextToken(); token == JsonToken.PROPERTY_NAME; token = parser.nextToken()) {
				String name = parser.currentName();
				JsonToken value = parser.nextToken();
				switch (name) {
					case "query" -> {
						if (value != JsonToken.VALUE_STRING || parser.getString().isBlank()) {
							return "'query' must be a non-empty string";
						}
						query = true;
					}
					case "operationName" -> {
						if (value != JsonToken.VALUE_STRING && value != JsonToken.VALUE_NULL) {
							return "'operationName' must be a string";
						}
					}
					case "variables", "extensions" -> {
						if (value != JsonToken.START_OBJECT && value != JsonToken.VALUE_NULL) {
							return "'" + name + "' must be a JSON object";
						}
					}
					default -> {
					}
				}
				parser.skipChildren();
			}
			if (parser.nextToken() != null) {
				return "more than one JSON value";
			}
			return query ? null : "no 'query'";
		}
		catch (StreamConstraintsException ex) {
			return "deep";
		}
		catch (JacksonException ex) {
			return (ex.getLocation() != null)
					? "malformed JSON at line " + ex.getLocation().getLineNr() + ", column " + ex.getLocation().getColumnNr()
					: "malformed JSON";
		}
	}

	private static String describe(JsonToken token) {
		return switch (token) {
			case VALUE_NULL -> "null";
			case VALUE_STRING -> "a string";
			case VALUE_TRUE, VALUE_FALSE -> "a boolean";
			default -> "a number";
		};
	}

}
