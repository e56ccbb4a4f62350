package fr.pactecarto.database;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The read replica ({@code PACTE_REPLICA_*}, README « Read replicas »): when {@code host} names one, every query
 * reads there, and writes, sign-ins and the change listener stay on the primary ({@code PACTE_DB_*}). Port,
 * database, user and password default to the primary's. {@code maxWait} bounds how long a writer waits, after
 * its commit, for the replica to show its change (its answer is then read from the replica too).
 */
@ConfigurationProperties("pacte.replica")
public record ReplicaProperties(String host, int port, String name, String user, String password, Duration maxWait) {

	public ReplicaProperties {
		host = (host == null || host.isBlank()) ? null : host.strip();
		if (port < 1 || port > 65535) {
			throw new IllegalArgumentException("PACTE_REPLICA_PORT (pacte.replica.port) must be a port number "
					+ "(1-65535); got " + port);
		}
		if (maxWait == null || maxWait.isNegative()) {
			maxWait = Duration.ofSeconds(2);
		}
	}

	/** Whether queries read from a replica. */
	public boolean enabled() {
		return this.host != null;
	}

}
