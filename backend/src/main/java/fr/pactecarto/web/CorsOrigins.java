package fr.pactecarto.web;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * Browser apps of partners may call {@code /graphql} from the origins listed in
 * {@code pacte.web.cors.allowed-origins} ({@code PACTE_CORS_ORIGINS}, comma-separated); none by default, so a
 * page elsewhere cannot read our answers in its visitors' browsers. No cookies are involved (no credentials).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebProperties.class)
class CorsOrigins {

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 2)
	CorsWebFilter corsFilter(WebProperties properties) {
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		List<String> origins = properties.cors().allowedOrigins().stream().map(String::strip).filter(o -> !o.isEmpty()).toList();
		if (!origins.isEmpty()) {
			CorsConfiguration cors = new CorsConfiguration();
			cors.setAllowedOrigins(origins);
			cors.setAllowedMethods(List.of("POST", "OPTIONS"));
			cors.setAllowedHeaders(List.of("Content-Type", "Accept", "Authorization", RequestIds.HEADER));
			cors.setExposedHeaders(List.of(RequestIds.HEADER, "Retry-After"));
			cors.setAllowCredentials(false);
			cors.setMaxAge(Duration.ofHours(1));
			source.registerCorsConfiguration("/graphql", cors);
		}
		return new CorsWebFilter(source);
	}

}
