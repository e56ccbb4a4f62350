package fr.pactecarto.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;

import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.stereotype.Component;

/** Turns {@link ApiException} into a GraphQL error with {@code extensions.code} and {@code extensions.argument}. */
@Component
class ApiErrorResolver extends DataFetcherExceptionResolverAdapter {

	@Override
	protected List<GraphQLError> resolveToMultipleErrors(Throwable ex, DataFetchingEnvironment env) {
		if (!(ex instanceof ApiException api)) {
			return null;
		}
		return api.problems().stream().map(problem -> resolveToSingleError(problem, env)).toList();
	}

	@Override
	protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
		if (!(ex instanceof ApiException api)) {
			return null;
		}
		Map<String, Object> extensions = new LinkedHashMap<>();
		extensions.put("code", api.code().name());
		if (api.argument() != null) {
			extensions.put("argument", api.argument());
		}
		extensions.putAll(api.details());
		return GraphqlErrorBuilder.newError(env)
			.errorType(api.code())
			.message(api.getMessage())
			.extensions(extensions)
			.build();
	}

}
