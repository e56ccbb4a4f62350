package fr.pactecarto.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.MediaTypes;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * {@code GET /graphql?query=…&operationName=…&variables=…&extensions=…} (GraphQL over HTTP), for queries only,
 * with APQ ({@link PersistedQueries}) and HTTP caching: a successful answer carries an {@code ETag}
 * ({@link ETags}) and {@code Cache-Control} ({@code pacte.http.cache-control}), and {@code If-None-Match} with
 * that tag answers {@code 304}. Answers with errors are {@code no-store}. POST is left to Spring for GraphQL,
 * uncached at HTTP level; a GET without query nor extensions still gets its {@code 405}.
 */
@Configuration(proxyBeanMethods = false)
// Not in the jar's commands (import, import-pacte…), which run without a web server.
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
class GraphQlGet {

	private static final List<MediaType> MEDIA_TYPES = List.of(MediaTypes.APPLICATION_GRAPHQL_RESPONSE,
			MediaType.APPLICATION_JSON);

	private static final String VARY = "Accept, Accept-Encoding";

	private final WebGraphQlHandler graphQl;

	private final PersistedQueries persisted;

	private final ETags etags;

	private final JsonMapper json;

	private final String cacheControl;

	// Operation types of the documents sent by GET, to refuse mutations before running anything.
	private final Cache<String, List<OperationDefinition>> operations = Caffeine.newBuilder().maximumSize(1000).build();

	GraphQlGet(WebGraphQlHandler graphQl, PersistedQueries persisted, ETags etags, JsonMapper json,
			@Value("${pacte.http.cache-control:public, max-age=0, must-revalidate}") String cacheControl) {
		this.graphQl = graphQl;
		this.persisted = persisted;
		this.etags = etags;
		this.json = json;
		this.cacheControl = cacheControl;
	}

	// Ahead of Boot's GraphQL routes, whose GET answers 405.
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	RouterFunction<ServerResponse> graphQlGetRoute(@Value("${spring.graphql.path:/graphql}") String path) {
		return RouterFunctions.route(RequestPredicates.GET(path)
			.and(request -> request.queryParam("query").isPresent() || request.queryParam("extensions").isPresent()),
				this::handle);
	}

	Mono<ServerResponse> handle(ServerRequest request) {
		MediaType mediaType = mediaType(request);
		Map<String, Object> variables;
		Map<String, Object> extensions;
		try {
			variables = jsonObject(request, "variables");
			extensions = jsonObject(request, "extensions");
		}
		catch (IllegalArgumentException ex) {
			return error(mediaType, ErrorCode.BAD_REQUEST, ex.getMessage(), HttpStatus.BAD_REQUEST);
		}
		String operationName = request.queryParam("operationName").filter(name -> !name.isEmpty()).orElse(null);
		PersistedQueries.Resolution resolution = this.persisted.resolve(request.queryParam("query").orElse(null), extensions);
		if (resolution instanceof PersistedQueries.Failed failed) {
			return error(mediaType, failed.code(), failed.message(), HttpStatus.valueOf(failed.status()));
		}
		String document = ((PersistedQueries.Found) resolution).document();
		Optional<OperationDefinition.Operation> operation = operation(document, operationName);
		if (operation.isPresent() && operation.get() != OperationDefinition.Operation.QUERY) {
			return error(mediaType, ErrorCode.OPERATION_NOT_SUPPORTED,
					"GET runs queries only: send a " + operation.get().name().toLowerCase() + " by POST",
					HttpStatus.METHOD_NOT_ALLOWED);
		}
		ETags.Key key = this.etags.key(document, operationName, variables, mediaType.toString());
		String known = this.etags.known(key);
		List<String> ifNoneMatch = ifNoneMatch(request);
		if (known != null && ETags.matches(ifNoneMatch, known)) {
			return notModified(known);
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("query", document);
		body.put("operationName", operationName);
		body.put("variables", variables);
		WebGraphQlRequest graphQlRequest = new WebGraphQlRequest(request.uri(), request.headers().asHttpHeaders(),
				request.cookies(), request.remoteAddress().orElse(null), request.attributes(), body,
				request.exchange().getRequest().getId(), request.exchange().getLocaleContext().getLocale());
		return this.graphQl.handleRequest(graphQlRequest).flatMap(response -> answer(response, mediaType, key, ifNoneMatch));
	}

	private Mono<ServerResponse> answer(WebGraphQlResponse response, MediaType mediaType, ETags.Key key,
			List<String> ifNoneMatch) {
		byte[] bytes = this.json.writeValueAsBytes(response.toMap());
		if (!response.getErrors().isEmpty() || !response.getExecutionResult().isDataPresent()) {
			HttpStatus status = (!response.getExecutionResult().isDataPresent()
					&& mediaType.equals(MediaTypes.APPLICATION_GRAPHQL_RESPONSE)) ? HttpStatus.BAD_REQUEST : HttpStatus.OK;
			return ServerResponse.status(status).contentType(mediaType).headers(this::noStore).bodyValue(bytes);
		}
		String known = this.etags.known(key);
		String tag = (known != null) ? known : this.etags.tag(key, bytes);
		if (ETags.matches(ifNoneMatch, tag)) {
			return notModified(tag);
		}
		return ServerResponse.ok().contentType(mediaType).headers(headers -> cacheable(headers, tag)).bodyValue(bytes);
	}

	private Mono<ServerResponse> notModified(String tag) {
		return ServerResponse.status(HttpStatus.NOT_MODIFIED).headers(headers -> cacheable(headers, tag)).build();
	}

	private void cacheable(HttpHeaders headers, String tag) {
		headers.set(HttpHeaders.ETAG, tag);
		headers.set(HttpHeaders.CACHE_CONTROL, this.cacheControl);
		headers.set(HttpHeaders.VARY, VARY);
	}

	private void noStore(HttpHeaders headers) {
		headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
		headers.set(HttpHeaders.VARY, VARY);
	}

	private Mono<ServerResponse> error(MediaType mediaType, ErrorCode code, String message, HttpStatus status) {
		Map<String, Object> error = Map.of("message", message, "extensions", Map.of("code", code.name()));
		ServerResponse.BodyBuilder builder = ServerResponse.status(status).contentType(mediaType).headers(this::noStore);
		if (status == HttpStatus.METHOD_NOT_ALLOWED) {
			builder.allow(org.springframework.http.HttpMethod.POST);
		}
		return builder.bodyValue(this.json.writeValueAsBytes(Map.of("errors", List.of(error))));
	}

	/** The operation {@code operationName} names (or the only one), when the document parses; empty otherwise. */
	private Optional<OperationDefinition.Operation> operation(String document, String operationName) {
		List<OperationDefinition> all = this.operations.get(document, GraphQlGet::parse);
		return all.stream()
			.filter(op -> (operationName == null) ? all.size() == 1 : operationName.equals(op.getName()))
			.map(OperationDefinition::getOperation)
			.findFirst();
	}

	// A document that does not parse runs anyway: the execution reports its syntax error.
	private static List<OperationDefinition> parse(String document) {
		try {
			Document parsed = Parser.parse(document);
			return parsed.getDefinitionsOfType(OperationDefinition.class);
		}
		catch (InvalidSyntaxException ex) {
			return List.of();
		}
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> jsonObject(ServerRequest request, String name) {
		Optional<String> text = request.queryParam(name).filter(value -> !value.isBlank());
		if (text.isEmpty()) {
			return null;
		}
		Object value;
		try {
			value = this.json.readValue(text.get(), Object.class);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("The '" + name + "' parameter is not JSON");
		}
		if (value != null && !(value instanceof Map)) {
			throw new IllegalArgumentException("The '" + name + "' parameter must be a JSON object");
		}
		return (Map<String, Object>) value;
	}

	private static List<String> ifNoneMatch(ServerRequest request) {
		List<String> tags = new ArrayList<>();
		for (String header : request.headers().header(HttpHeaders.IF_NONE_MATCH)) {
			for (String tag : header.split(",")) {
				if (!tag.isBlank()) {
					tags.add(tag.trim());
				}
			}
		}
		return tags;
	}

	// As Spring for GraphQL's POST handler: the first accepted of ours, else application/json.
	private static MediaType mediaType(ServerRequest request) {
		try {
			for (MediaType accepted : request.headers().accept()) {
				for (MediaType ours : MEDIA_TYPES) {
					if (ours.equalsTypeAndSubtype(accepted) && accepted.getParameters().isEmpty()) {
						return ours;
					}
				}
			}
		}
		catch (InvalidMediaTypeException ex) {
			// An unreadable Accept header: answer the legacy JSON.
		}
		return MediaType.APPLICATION_JSON;
	}

}
