package fr.pactecarto.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/** One line telling where the app answers, once the server listens. */
@Component
class ReadyBanner implements ApplicationListener<WebServerInitializedEvent> {

	private static final Logger logger = LoggerFactory.getLogger(ReadyBanner.class);

	@Override
	public void onApplicationEvent(WebServerInitializedEvent event) {
		int port = event.getWebServer().getPort();
		logger.info("Listening on http://localhost:{}/ — map /, GraphQL /graphql, GraphiQL /graphiql, health /actuator/health",
				port);
	}

}
