package fr.pactecarto.database;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The JDBC side of the database: Flyway migrations and the bulk geodata import. Boot's own DataSource
 * auto-configuration backs off as soon as R2DBC is configured, so it is declared here, from the same
 * {@code PACTE_DB_*} settings as R2DBC (or from a Testcontainers service connection in tests).
 */
@Configuration(proxyBeanMethods = false)
class JdbcDataSourceConfiguration {

	@Bean
	HikariDataSource dataSource(ObjectProvider<JdbcConnectionDetails> serviceConnection,
			@Value("${spring.datasource.url}") String url, @Value("${spring.datasource.username}") String user,
			@Value("${spring.datasource.password:}") String password) {
		JdbcConnectionDetails details = serviceConnection.getIfAvailable();
		HikariDataSource dataSource = DataSourceBuilder.create()
			.type(HikariDataSource.class)
			.url((details != null) ? details.getJdbcUrl() : url)
			.username((details != null) ? details.getUsername() : user)
			.password((details != null) ? details.getPassword() : password)
			.build();
		dataSource.setPoolName("jdbc");
		dataSource.setMaximumPoolSize(3);
		dataSource.setMinimumIdle(0);
		// Fail fast with one clear line (DatabaseFailureAnalyzer) rather than hang for 30 s; and, once running,
		// let the health check say DOWN within a second when PostgreSQL is gone (DatabaseHealth).
		dataSource.setConnectionTimeout(1000);
		dataSource.setValidationTimeout(500);
		dataSource.addDataSourceProperty("connectTimeout", "2");
		return dataSource;
	}

}
