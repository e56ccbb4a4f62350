package fr.pactecarto.database;

import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Where queries read: the read replica when one is configured ({@link ReplicaProperties}), else the primary.
 * Repositories that answer GraphQL queries take their {@link DatabaseClient} from here; whatever writes, or must
 * see the latest commit (a mutation's checks, sign-in, the change listener), uses the primary's.
 */
public final class QueryDatabase {

	private final DatabaseClient client;

	private final boolean replica;

	QueryDatabase(DatabaseClient client, boolean replica) {
		this.client = client;
		this.replica = replica;
	}

	/** The client queries read through. */
	public DatabaseClient client() {
		return this.client;
	}

	/** Whether that client reads a replica (then its data may lag the primary's by the replication delay). */
	public boolean isReplica() {
		return this.replica;
	}

}
