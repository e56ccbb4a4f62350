package fr.pactecarto.database;

import java.sql.Connection;
import java.time.Duration;

import javax.sql.DataSource;

import io.r2dbc.spi.ConnectionFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The {@code r2dbc}, {@code db} (and {@code replica}, when there is one) parts of {@code /actuator/health}, in place of Spring Boot's, which wait as
 * long as a connection does: each check is a {@code SELECT 1} bounded by {@value #TIMEOUT_MS} ms, so that with
 * PostgreSQL gone health says DOWN within a second — a probe never sees a hang — and UP again as soon as the
 * database answers (the pools reconnect by themselves).
 */
@Configuration(proxyBeanMethods = false)
class DatabaseHealth {

	static final long TIMEOUT_MS = 800;

	private static final Duration TIMEOUT = Duration.ofMillis(TIMEOUT_MS);

	@Bean
	ReactiveHealthIndicator r2dbcHealthIndicator(ConnectionFactory connectionFactory) {
		return check(DatabaseClient.create(connectionFactory));
	}

	/** {@code replica} in health, when queries read a replica: DOWN while it does not answer. */
	@Bean
	@ConditionalOnExpression("'${pacte.replica.host:}'.trim() != ''")
	ReactiveHealthIndicator replicaHealthIndicator(QueryDatabase reads) {
		return check(reads.client());
	}

	private static ReactiveHealthIndicator check(DatabaseClient db) {
		return () -> db.sql("SELECT 1 AS one")
			.map(row -> row.get("one", Integer.class))
			.one()
			.map(one -> Health.up().withDetail("database", "PostgreSQL").build())
			.timeout(TIMEOUT)
			.onErrorResume(ex -> Mono.just(down(ex)));
	}

	@Bean
	ReactiveHealthIndicator dbHealthIndicator(DataSource dataSource) {
		return () -> Mono.fromCallable(() -> {
			try (Connection connection = dataSource.getConnection()) {
				return connection.isValid(1) ? Health.up().withDetail("database", "PostgreSQL").build()
						: Health.down().withDetail("error", "connection not valid").build();
			}
		}).subscribeOn(Schedulers.boundedElastic()).timeout(TIMEOUT).onErrorResume(ex -> Mono.just(down(ex)));
	}

	private static Health down(Throwable ex) {
		String reason = (ex instanceof java.util.concurrent.TimeoutException) ? "no answer within " + TIMEOUT_MS + " ms"
				: "unreachable";
		return Health.down().withDetail("error", reason).build();
	}

}
