package fr.pactecarto.database;

import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How the command-line commands ({@code import}, {@code import-pacte}, {@code export-pacte}, {@code user}) start
 * the application: without the web server, and creating only the beans the command uses. The service's other
 * beans (GraphQL schema, security, live stream…) took half of an import's start-up (about 5 of 10 s).
 */
@Configuration(proxyBeanMethods = false)
public class Commands {

	/** A builder for a command's application context; close the context when the command is done. */
	public static SpringApplicationBuilder application(Class<?> application) {
		return new SpringApplicationBuilder(application).web(WebApplicationType.NONE).lazyInitialization(true);
	}

	// Created lazily, the migrations would run only if some bean asked for them: a command on a new database would
	// then find no tables.
	@Bean
	static LazyInitializationExcludeFilter migrationsRunFirst() {
		return LazyInitializationExcludeFilter.forBeanTypes(FlywayMigrationInitializer.class);
	}

}
