package fr.pactecarto.map;

import java.time.Duration;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.reactive.config.ResourceHandlerRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;

/**
 * Cache headers of the page's files. Webjar paths carry their version, so Leaflet is cached for a year; our own
 * modules keep their names across releases, so the browser revalidates them (a cheap 304 with Last-Modified).
 * Registering these patterns here makes Boot skip its own, uncached, handlers for them.
 */
@Configuration(proxyBeanMethods = false)
class StaticResourceCaching implements WebFluxConfigurer {

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		registry.addResourceHandler("/webjars/**")
			.addResourceLocations("classpath:/META-INF/resources/webjars/")
			.setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
		registry.addResourceHandler("/**")
			.addResourceLocations("classpath:/static/")
			.setCacheControl(CacheControl.noCache());
	}

}
