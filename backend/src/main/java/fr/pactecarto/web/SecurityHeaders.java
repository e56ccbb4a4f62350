package fr.pactecarto.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import reactor.core.publisher.Mono;

import fr.pactecarto.map.MapProperties;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Security headers on every answer, and a Content-Security-Policy that lets the pages (the map, GraphiQL) load
 * nothing from outside this server — scripts and styles from here (Leaflet from {@code /webjars}, our ES
 * modules), data only from here — except the basemap's tiles from the configured tile host. Styles may be
 * inline: Leaflet positions the map with style attributes and GraphiQL has one {@code <style>} element. No page
 * may frame ours.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class SecurityHeaders implements WebFilter {

	private static final Pattern ORIGIN = Pattern.compile("^(https?://[^/?#]+)");

	private final String policy;

	SecurityHeaders(MapProperties map) {
		this.policy = policy(tileOrigin(map.tileUrl()));
	}

	static String policy(String tileOrigin) {
		return "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:"
				+ ((tileOrigin != null) ? " " + tileOrigin : "")
				+ "; connect-src 'self'; font-src 'self' data:; manifest-src 'self'; base-uri 'none'; form-action 'self';"
				+ " frame-ancestors 'none'";
	}

	/** {@code https://{s}.tile.example.org/{z}/{x}/{y}.png} → {@code https://*.tile.example.org}; null for none. */
	static String tileOrigin(String tileUrl) {
		if (tileUrl == null) {
			return null;
		}
		Matcher matcher = ORIGIN.matcher(tileUrl.strip());
		return matcher.find() ? matcher.group(1).replaceAll("\\{[^}]*}", "*") : null;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		exchange.getResponse().beforeCommit(() -> {
			HttpHeaders headers = exchange.getResponse().getHeaders();
			headers.set("Content-Security-Policy", this.policy);
			headers.set("X-Content-Type-Options", "nosniff");
			headers.set("X-Frame-Options", "DENY");
			// The tile servers' usage policies ask for the origin as Referer; nothing more leaves.
			headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
			headers.set("Cross-Origin-Opener-Policy", "same-origin");
			headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()");
			return Mono.empty();
		});
		return chain.filter(exchange);
	}

}
