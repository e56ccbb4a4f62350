package fr.pactecarto.database;

import io.r2dbc.pool.ConnectionPool;

import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Where queries read: the read replica when one is configured ({@link ReplicaProperties}), else the primary.
 * Repositories that answer GraphQL queries take their {@link DatabaseClient} from here; whatever writes, or must
 * see the latest commit (a mutation's checks, sign-in, the change listener), uses the primary's.
 *
 * @param client the client queries read through
 * @param replicaPool the replica's own pool, closed with the context; {@code null} when queries read the primary
 */
public record QueryDatabase(DatabaseClient client, ConnectionPool replicaPool) {

	/** Whether queries read a replica (then its data may lag the primary's by the replication delay). */
	public boolean isReplica() {
		return this.replicaPool != null;
	}

	/** Closes the replica's connections (the bean's inferred destroy method). */
	public void close() {
		if (this.replicaPool != null) {
			this.replicaPool.dispose();
		}
	}

}
