package fr.pactecarto.api;

import java.util.Map;

import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * APQ over POST: a query sent with {@code extensions.persistedQuery} (an APQ client's retry after
 * {@link ErrorCode#PERSISTED_QUERY_NOT_FOUND}) is checked against its hash and remembered, so that the next
 * GET with the hash alone finds it. GET requests are resolved before they get here ({@link GraphQlGet}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class PersistedQueryInterceptor implements WebGraphQlInterceptor {

	private final PersistedQueries queries;

	PersistedQueryInterceptor(PersistedQueries queries) {
		this.queries = queries;
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		if (!request.getExtensions().containsKey("persistedQuery")) {
			return chain.next(request);
		}
		if (this.queries.resolve(request.getDocument(), request.getExtensions()) instanceof PersistedQueries.Failed failed) {
			ExecutionResult result = ExecutionResult.newExecutionResult()
				.addError(GraphqlErrorBuilder.newError()
					.errorType(failed.code())
					.message(failed.message())
					.extensions(Map.of("code", failed.code().name()))
					.build())
				.build();
			return Mono.just(new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result)));
		}
		return chain.next(request);
	}

}
