package fr.pactecarto.api;

import java.util.Set;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.webflux.GraphQlHttpHandler;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * The HTTP status of a GraphQL answer: as Spring for GraphQL decides (GraphQL over HTTP), except that a request
 * that could not execute because the database or the server is unavailable answers {@code 503} (with
 * {@code Retry-After}, see {@link ErrorReporting}), so that balancers and clients see it without reading the body.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
class GraphQlHttpStatus {

	private static final Set<String> UNAVAILABLE = Set.of(ErrorCode.DATABASE_UNAVAILABLE.name(), ErrorCode.OVERLOADED.name());

	@Bean
	GraphQlHttpHandler graphQlHttpHandler(WebGraphQlHandler webGraphQlHandler) {
		return new GraphQlHttpHandler(webGraphQlHandler) {

			@Override
			protected HttpStatus selectResponseStatus(WebGraphQlResponse response, MediaType mediaType) {
				boolean unavailable = response.getErrors().stream()
					.anyMatch(error -> UNAVAILABLE.contains(String.valueOf(error.getExtensions().get("code"))));
				return unavailable ? HttpStatus.SERVICE_UNAVAILABLE : super.selectResponseStatus(response, mediaType);
			}

		};
	}

}
