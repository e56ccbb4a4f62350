package fr.pactecarto.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.schema.DataFetchingEnvironment;

import fr.pactecarto.database.DatabaseFaults;

import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.stereotype.Component;

/**
 * Turns every exception of a field into a GraphQL error with a stable {@code extensions.code}: an
 * {@link ApiException} as it says ({@code code}, {@code argument}); no connection free in the pool as
 * {@code OVERLOADED}; the database unreachable as {@code DATABASE_UNAVAILABLE}; a statement past {@code statement_timeout} as {@code TIME_BUDGET_EXCEEDED};
 * anything else is a bug: {@code INTERNAL_ERROR} with the request id, and its stack trace in the log (throttled).
 * Nothing here logs per field otherwise: the request's one line is written by {@link ErrorReporting}.
 */
@Component
class ApiErrorResolver extends DataFetcherExceptionResolverAdapter {

	private static final ThrottledLog bugs = new ThrottledLog(ApiErrorResolver.class, 0.2, 5);

	@Override
	protected List<GraphQLError> resolveToMultipleErrors(Throwable ex, DataFetchingEnvironment env) {
		if (ex instanceof ApiException api) {
			// A mutation's every problem at once, one error each.
			return api.problems().stream().map(problem -> resolveToSingleError(problem, env)).toList();
		}
		GraphQLError error = resolveToSingleError(ex, env);
		return (error != null) ? List.of(error) : null;
	}

	@Override
	protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
		if (ex instanceof ApiException api) {
			Map<String, Object> extensions = new LinkedHashMap<>();
			extensions.put("code", api.code().name());
			if (api.argument() != null) {
				extensions.put("argument", api.argument());
			}
			extensions.putAll(api.details());
			return error(env, api.code(), api.getMessage(), extensions);
		}
		if (ex instanceof CancellationException || ex instanceof AbortExecutionException) {
			// The request's budget ran out, or its client left: its answer is replaced by the budget's error.
			return error(env, ErrorCode.TIME_BUDGET_EXCEEDED, "Cancelled", null);
		}
		if (DatabaseFaults.isStatementTimeout(ex)) {
			return error(env, ErrorCode.TIME_BUDGET_EXCEEDED, "The database took too long to answer this field", null);
		}
		if (DatabaseFaults.isPoolExhausted(ex)) {
			return error(env, ErrorCode.OVERLOADED, "The server has no database connection free: retry in a few seconds", null);
		}
		if (DatabaseFaults.isUnavailable(ex)) {
			return error(env, ErrorCode.DATABASE_UNAVAILABLE,
					"The database is unavailable; the service recovers by itself once it is back: retry in a few seconds", null);
		}
		if (DatabaseFaults.isUnstorableText(ex)) {
			return error(env, ErrorCode.INVALID_ARGUMENT, "An argument holds a character that cannot be stored", null);
		}
		String id = env.getExecutionId().toString();
		bugs.error("Bug in request " + id + " at " + env.getExecutionStepInfo().getPath() + ": " + ex, ex);
		return error(env, ErrorCode.INTERNAL_ERROR, "Internal error (request id " + id + ")", null);
	}

	private static GraphQLError error(DataFetchingEnvironment env, ErrorCode code, String message,
			Map<String, Object> extensions) {
		return GraphqlErrorBuilder.newError(env)
			.errorType(code)
			.message(message)
			.extensions((extensions != null) ? extensions : Map.of("code", code.name()))
			.build();
	}

}
