package fr.pactecarto.live;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import io.r2dbc.postgresql.api.Notification;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.r2dbc.spi.Option;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.context.Context;
import reactor.util.retry.Retry;

import fr.pactecarto.database.QueryDatabase;
import fr.pactecarto.database.ReplicaProperties;

import org.springframework.boot.r2dbc.autoconfigure.R2dbcProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * The version of the data (table {@code data_version}, migration V6) as this instance last heard of it. One
 * dedicated connection LISTENs to channel {@code pacte_data}, on which every committed change of contours or
 * pactes is announced, whichever instance or command made it. While that connection is down the version is
 * {@link #UNKNOWN} (caches must not answer); it reconnects by itself and reads the version again.
 * <p>
 * With a read replica ({@link QueryDatabase#isReplica}) the version is the replica's, since answers are read
 * there: the listener stays on the primary (a standby cannot LISTEN) and, for each version announced, reads the
 * replica's until it has caught up (or {@code pacte.replica.max-wait} has passed). A cached answer is thus never
 * keyed by a version newer than the data it was read from.
 */
@Component
public class DataVersion implements SmartLifecycle {

	/** No version known: the listening connection is not (yet) up. */
	public static final long UNKNOWN = -1;

	private static final Logger logger = LoggerFactory.getLogger(DataVersion.class);

	private static final String CHANNEL = "pacte_data";

	/** The {@code application_name} of the listening connection, as {@code pg_stat_activity} shows it. */
	public static final String APPLICATION_NAME = "pacte-carto data listener";

	// Also a keep-alive: a connection the server dropped is noticed within this period.
	private static final Duration RECHECK = Duration.ofSeconds(5);

	private static final String READ = "SELECT version FROM data_version";

	// Reactor's key for a subscription's own handler of errors raised after it was cancelled. stop() cancels the
	// listening, which closes its connection: the statement then in flight on it fails, and Reactor logged that
	// error, which nobody listens to any more, at ERROR with its stack ("Operator called default onErrorDropped"),
	// into the output of commands as they end (a run of make test failed on it in PacteCommandsTests).
	private static final String ON_ERROR_DROPPED = "reactor.onErrorDropped.local";

	// How often the replica is read again while it has not caught up.
	private static final Duration REPLICA_POLL = Duration.ofMillis(10);

	private final ConnectionFactory connections;

	private final AtomicLong version = new AtomicLong(UNKNOWN);

	// Each new version, as heard; a version heard again after a reconnection is emitted too (subscribers then
	// look again: whatever was missed while deaf is covered by what the data is now).
	private final Sinks.Many<Long> changes = Sinks.many().multicast().directBestEffort();

	private volatile Disposable listening;

	private final DatabaseClient db;

	private final QueryDatabase reads;

	private final Duration maxWait;

	DataVersion(R2dbcProperties properties, DatabaseClient db, QueryDatabase reads, ReplicaProperties replica) {
		this.db = db;
		this.reads = reads;
		this.maxWait = replica.maxWait();
		ConnectionFactoryOptions.Builder options = ConnectionFactoryOptions.parse(properties.getUrl()).mutate()
			.option(Option.valueOf("applicationName"), APPLICATION_NAME);
		if (properties.getUsername() != null) {
			options.option(ConnectionFactoryOptions.USER, properties.getUsername());
		}
		if (properties.getPassword() != null) {
			options.option(ConnectionFactoryOptions.PASSWORD, properties.getPassword());
		}
		this.connections = ConnectionFactories.get(options.build());
	}

	/** The current version of the data, or {@link #UNKNOWN}. */
	public long current() {
		return this.version.get();
	}

	/** The versions heard from now on: one element per change announced, and one after each reconnection. */
	public Flux<Long> changes() {
		return this.changes.asFlux();
	}

	/**
	 * Reads the version on a pooled connection and records it: a writer calls it after its commit, so that its
	 * own next answers are never from before its change (the notification may arrive a moment later). With a
	 * replica, waits (at most {@code max-wait}) for the replica to show that version. Nothing is recorded while
	 * the listening connection is down (the version stays {@link #UNKNOWN}).
	 */
	public Mono<Long> refresh() {
		return this.db.sql(READ)
			.map(row -> row.get("version", Long.class))
			.one()
			.flatMap(this::visible)
			.doOnNext(read -> {
				if (this.version.get() != UNKNOWN) {
					heard(read);
				}
			})
			.map(read -> this.version.get());
	}

	@Override
	public void start() {
		this.listening = Mono.usingWhen(Mono.from(this.connections.create()), this::listen, Connection::close)
			.doOnError(error -> {
				if (this.version.getAndSet(UNKNOWN) != UNKNOWN) {
					logger.warn("Lost the connection listening to data changes ({}); reconnecting", error.getMessage());
				}
			})
			.retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(200)).maxBackoff(Duration.ofSeconds(5)))
			.contextWrite(Context.of(ON_ERROR_DROPPED, (Consumer<Throwable>) error -> logger.debug("After stop: {}", error.toString())))
			.subscribe();
	}

	private Mono<Void> listen(Connection connection) {
		PostgresqlConnection postgres = (PostgresqlConnection) connection;
		Flux<Long> notified = postgres.getNotifications().map(Notification::getParameter).map(Long::valueOf);
		Flux<Long> read = Flux.interval(Duration.ZERO, RECHECK)
			.concatMap(tick -> Mono.from(postgres.createStatement(READ).execute())
				.flatMap(result -> Mono.from(result.map((row, meta) -> row.get("version", Long.class)))));
		return Mono.from(postgres.createStatement("LISTEN " + CHANNEL).execute())
			.flatMap(result -> Mono.from(result.getRowsUpdated()))
			.thenMany(Flux.merge(notified, read).concatMap(this::visible))
			.doOnNext(this::heard)
			.then(Mono.error(() -> new IllegalStateException("the listening connection closed")));
	}

	/**
	 * The version answers can be read at, once the primary is at {@code version}: that one, or with a replica
	 * the replica's, read until it reaches {@code version} or {@code max-wait} has passed.
	 */
	private Mono<Long> visible(long version) {
		long known = this.version.get();
		if (!this.reads.isReplica() || known >= version) {
			return Mono.just(Math.max(known, version));
		}
		Mono<Long> replica = this.reads.client().sql(READ).map(row -> row.get("version", Long.class)).one();
		return replica.filter(read -> read >= version)
			.repeatWhenEmpty(attempts -> attempts.delayElements(REPLICA_POLL))
			.timeout(this.maxWait, replica);
	}

	private synchronized void heard(long version) {
		long before = this.version.getAndAccumulate(version, Math::max);
		if (before == UNKNOWN) {
			logger.info("Listening to data changes (version {})", version);
		}
		if (version > before) {
			this.changes.tryEmitNext(version);
		}
	}

	@Override
	public void stop() {
		Disposable disposable = this.listening;
		if (disposable != null) {
			disposable.dispose();
		}
		this.version.set(UNKNOWN);
	}

	@Override
	public boolean isRunning() {
		Disposable disposable = this.listening;
		return disposable != null && !disposable.isDisposed();
	}

}
