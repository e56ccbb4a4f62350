package fr.pactecarto.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;

import org.springframework.graphql.execution.SubscriptionExceptionResolverAdapter;
import org.springframework.stereotype.Component;

/**
 * Turns an {@link ApiException} ending a subscription's stream (an unknown pacte, theme or axis found while it
 * starts) into the same GraphQL error as for a query: {@code extensions.code} and {@code extensions.argument}.
 */
@Component
class ApiSubscriptionErrorResolver extends SubscriptionExceptionResolverAdapter {

	@Override
	protected List<GraphQLError> resolveToMultipleErrors(Throwable ex) {
		if (!(ex instanceof ApiException api)) {
			return null;
		}
		Map<String, Object> extensions = new LinkedHashMap<>();
		extensions.put("code", api.code().name());
		if (api.argument() != null) {
			extensions.put("argument", api.argument());
		}
		return List.of(GraphqlErrorBuilder.newError().errorType(api.code()).message(api.getMessage()).extensions(extensions).build());
	}

}
