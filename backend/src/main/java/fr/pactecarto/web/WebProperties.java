package fr.pactecarto.web;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * HTTP protections ({@code pacte.web.*}, see README « Limits »).
 *
 * @param maxBodyBytes largest {@code /graphql} body; beyond it {@code 413}
 * @param maxJsonDepth deepest nesting of the JSON body (variables included)
 * @param maxConcurrentRequests GraphQL requests executing at once; beyond it {@code 503} at once, not a queue
 * @param cors origins of the browser apps allowed to call {@code /graphql} (none by default)
 * @param rateLimit requests per client (by address; by token once there are tokens)
 */
@ConfigurationProperties("pacte.web")
public record WebProperties(@DefaultValue("128KB") DataSize maxBodyBytes, @DefaultValue("64") int maxJsonDepth,
		@DefaultValue("128") int maxConcurrentRequests, @DefaultValue Cors cors, @DefaultValue RateLimit rateLimit) {

	/** @param allowedOrigins e.g. {@code https://dashboard.example.org}; empty: no cross-origin call allowed */
	public record Cors(@DefaultValue List<String> allowedOrigins) {
	}

	/**
	 * A token bucket per client: {@code burst} requests at once, refilled at {@code perSecond}.
	 *
	 * @param maxClients clients remembered at once; beyond it the idle ones are forgotten first
	 */
	public record RateLimit(@DefaultValue("true") boolean enabled, @DefaultValue("20") double perSecond,
			@DefaultValue("200") int burst, @DefaultValue("100000") int maxClients) {
	}

}
