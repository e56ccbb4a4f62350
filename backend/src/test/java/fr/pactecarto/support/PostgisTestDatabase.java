package fr.pactecarto.support;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The real PostGIS the integration tests run against. Where a Docker engine answers, Testcontainers starts
 * {@code postgis/postgis} and {@code @ServiceConnection} points JDBC (Flyway, import) and R2DBC at it. Where
 * none answers (as on the CI machine), this configuration adds nothing and the tests use the database that
 * {@code make test} prepared, named by the {@code PACTE_DB_*} variables (default {@code pacte_test}).
 */
@TestConfiguration(proxyBeanMethods = false)
public class PostgisTestDatabase {

	@Bean
	@ServiceConnection
	@Conditional(DockerAvailable.class)
	PostgreSQLContainer postgis() {
		return new PostgreSQLContainer(
				DockerImageName.parse("postgis/postgis:16-3.4").asCompatibleSubstituteFor("postgres"));
	}

	static class DockerAvailable implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			if (Boolean.parseBoolean(System.getenv("PACTE_TEST_NO_DOCKER"))) {
				return false;
			}
			try {
				return DockerClientFactory.instance().isDockerAvailable();
			}
			catch (RuntimeException ex) {
				return false;
			}
		}

	}

}
