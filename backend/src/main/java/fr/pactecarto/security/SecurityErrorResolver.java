package fr.pactecarto.security;

import java.util.List;
import java.util.Map;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import reactor.core.publisher.Mono;

import fr.pactecarto.api.ErrorCode;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.DataFetcherExceptionResolver;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

/**
 * A field refused by method security ({@code @PreAuthorize}) becomes a GraphQL error with the stable code
 * {@code UNAUTHENTICATED} (anonymous request) or {@code FORBIDDEN} (signed in, wrong role) and the field in
 * {@code extensions.field}; before Spring for GraphQL's own resolver, which has no stable code.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SecurityErrorResolver implements DataFetcherExceptionResolver {

	@Override
	public Mono<List<GraphQLError>> resolveException(Throwable ex, DataFetchingEnvironment env) {
		if (!(ex instanceof AccessDeniedException) && !(ex instanceof AuthenticationException)) {
			return Mono.empty();
		}
		String field = env.getField().getName();
		return PacteUser.current()
			.map(user -> error(env, ErrorCode.FORBIDDEN, field, "The account '" + user.login() + "' (" + user.role()
					+ ") may not use '" + field + "'" + (user.isAdmin() ? "" : ": administrators only")))
			.defaultIfEmpty(error(env, ErrorCode.UNAUTHENTICATED, field, "'" + field
					+ "' needs a signed-in account: sign in on the map page, or send an API token as 'Authorization: Bearer …'"))
			.map(List::of);
	}

	private static GraphQLError error(DataFetchingEnvironment env, ErrorCode code, String field, String message) {
		return GraphqlErrorBuilder.newError(env)
			.errorType(code)
			.message(message)
			.extensions(Map.of("code", code.name(), "field", field))
			.build();
	}

}
