package fr.pactecarto.database;

import java.util.Map;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Option;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The {@link QueryDatabase}: the primary's client, or a pool on the read replica with the primary's pool
 * settings and connection properties (timeouts, statement timeout, keep-alive), so that a query behaves the
 * same on either.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReplicaProperties.class)
class ReplicaConfiguration {

	/** The {@code application_name} of the replica's connections, as {@code pg_stat_activity} shows it. */
	static final String APPLICATION_NAME = "pacte-carto queries";

	@Bean
	QueryDatabase queryDatabase(DatabaseClient primary, ReplicaProperties replica, R2dbcProperties r2dbc) {
		if (!replica.enabled()) {
			return new QueryDatabase(primary, null);
		}
		ConnectionPool pool = replicaPool(replica, r2dbc);
		return new QueryDatabase(DatabaseClient.create(pool), pool);
	}

	private static ConnectionPool replicaPool(ReplicaProperties replica, R2dbcProperties r2dbc) {
		ConnectionFactoryOptions.Builder options = ConnectionFactoryOptions.builder()
			.option(ConnectionFactoryOptions.DRIVER, "postgresql")
			.option(ConnectionFactoryOptions.HOST, replica.host())
			.option(ConnectionFactoryOptions.PORT, replica.port())
			.option(ConnectionFactoryOptions.DATABASE, replica.name())
			.option(Option.valueOf("applicationName"), APPLICATION_NAME);
		if (replica.user() != null && !replica.user().isEmpty()) {
			options.option(ConnectionFactoryOptions.USER, replica.user());
		}
		if (replica.password() != null && !replica.password().isEmpty()) {
			options.option(ConnectionFactoryOptions.PASSWORD, replica.password());
		}
		for (Map.Entry<String, String> property : r2dbc.getProperties().entrySet()) {
			options.option(Option.valueOf(property.getKey()), property.getValue());
		}
		ConnectionFactory connections = ConnectionFactories.get(options.build());
		R2dbcProperties.Pool settings = r2dbc.getPool();
		ConnectionPoolConfiguration.Builder pool = ConnectionPoolConfiguration.builder(connections)
			.name("replica")
			.initialSize(settings.getInitialSize())
			.maxSize(settings.getMaxSize())
			.maxIdleTime(settings.getMaxIdleTime());
		if (settings.getValidationQuery() != null) {
			pool.validationQuery(settings.getValidationQuery());
		}
		if (settings.getMaxAcquireTime() != null) {
			pool.maxAcquireTime(settings.getMaxAcquireTime());
		}
		if (settings.getMaxCreateConnectionTime() != null) {
			pool.maxCreateConnectionTime(settings.getMaxCreateConnectionTime());
		}
		if (settings.getMaxValidationTime() != null) {
			pool.maxValidationTime(settings.getMaxValidationTime());
		}
		if (settings.getMaxLifeTime() != null) {
			pool.maxLifeTime(settings.getMaxLifeTime());
		}
		return new ConnectionPool(pool.build());
	}

}
