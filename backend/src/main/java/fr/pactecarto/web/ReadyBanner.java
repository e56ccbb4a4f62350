package fr.pactecarto.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * One line telling where the app answers. Printed once the application is ready — after the start-up runners,
 * so after the first import of the contours — not merely when the port opens.
 */
@Component
class ReadyBanner implements ApplicationListener<ApplicationReadyEvent> {

	private static final Logger logger = LoggerFactory.getLogger(ReadyBanner.class);

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		if (event.getApplicationContext() instanceof WebServerApplicationContext web && web.getWebServer() != null) {
			logger.info("Ready on http://localhost:{}/ — map /, GraphQL /graphql, GraphiQL /graphiql, health /actuator/health",
					web.getWebServer().getPort());
		}
	}

}
