package fr.pactecarto.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

/**
 * Serves our offline GraphiQL page at {@code /graphiql}. Spring's built-in page is disabled because it loads
 * its scripts from a CDN; this one uses the copies vendored into the frontend jar.
 */
@Configuration(proxyBeanMethods = false)
class GraphiQlRoutes {

	@Bean
	RouterFunction<ServerResponse> graphiQlPage(@Value("classpath:/static/graphiql/index.html") Resource page) {
		return route(GET("/graphiql").or(GET("/graphiql/")),
				request -> ServerResponse.ok().contentType(MediaType.TEXT_HTML).bodyValue(page));
	}

}
