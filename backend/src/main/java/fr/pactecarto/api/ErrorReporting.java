package fr.pactecarto.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.ExecutionId;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * The outermost step of every GraphQL request: the execution id is the request id (the {@code X-Request-Id} the
 * client sent or the one we made, see {@code fr.pactecarto.web.RequestIds}); every error gets a stable
 * {@code extensions.code} (graphql-java's parse and validation errors included); the database or the server
 * being unavailable adds {@code Retry-After}; and a failed request is logged in one line: id, codes, time.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ErrorReporting implements WebGraphQlInterceptor {

	private static final ThrottledLog failures = new ThrottledLog(ErrorReporting.class, 20, 100);

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		long start = System.nanoTime();
		request.executionId(ExecutionId.from(request.getId()));
		return chain.next(request).map(response -> {
			List<GraphQLError> errors = response.getExecutionResult().getErrors();
			if (errors.isEmpty()) {
				return response;
			}
			List<GraphQLError> coded = new ArrayList<>(errors.size());
			Map<String, Integer> counts = new TreeMap<>();
			for (GraphQLError error : errors) {
				GraphQLError withCode = withCode(error);
				coded.add(withCode);
				counts.merge(String.valueOf(withCode.getExtensions().get("code")), 1, Integer::sum);
			}
			long ms = (System.nanoTime() - start) / 1_000_000;
			String line = "GraphQL request " + request.getId() + " failed in " + ms + " ms: " + counts;
			if (counts.containsKey(ErrorCode.INTERNAL_ERROR.name()) || counts.containsKey(ErrorCode.DATABASE_UNAVAILABLE.name())) {
				failures.warn(line);
			}
			else {
				failures.info(line);
			}
			WebGraphQlResponse result = response.transform(builder -> builder.errors(coded));
			if (counts.containsKey(ErrorCode.DATABASE_UNAVAILABLE.name()) || counts.containsKey(ErrorCode.OVERLOADED.name())) {
				result.getResponseHeaders().set(HttpHeaders.RETRY_AFTER, "2");
			}
			return result;
		});
	}

	static GraphQLError withCode(GraphQLError error) {
		Map<String, Object> extensions = (error.getExtensions() != null) ? error.getExtensions() : Map.of();
		if (extensions.get("code") != null) {
			return error;
		}
		Map<String, Object> withCode = new LinkedHashMap<>();
		withCode.put("code", code(error.getErrorType()).name());
		withCode.putAll(extensions);
		return GraphqlErrorBuilder.newError()
			.message(error.getMessage())
			.locations(error.getLocations())
			.path(error.getPath())
			.errorType(error.getErrorType())
			.extensions(withCode)
			.build();
	}

	private static ErrorCode code(ErrorClassification type) {
		if (type instanceof ErrorCode code) {
			return code;
		}
		if (type == ErrorType.InvalidSyntax) {
			return ErrorCode.GRAPHQL_PARSE_FAILED;
		}
		if (type == ErrorType.ValidationError) {
			return ErrorCode.GRAPHQL_VALIDATION_FAILED;
		}
		if (type == ErrorType.OperationNotSupported) {
			return ErrorCode.OPERATION_NOT_SUPPORTED;
		}
		if (type != null && type.toString().contains("BadFaith")) {
			return ErrorCode.MAX_COMPLEXITY_EXCEEDED;
		}
		if (type == org.springframework.graphql.execution.ErrorType.BAD_REQUEST) {
			return ErrorCode.BAD_REQUEST;
		}
		if (type == org.springframework.graphql.execution.ErrorType.NOT_FOUND) {
			return ErrorCode.NOT_FOUND;
		}
		return ErrorCode.INTERNAL_ERROR;
	}

}
