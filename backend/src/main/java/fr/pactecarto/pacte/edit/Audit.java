package fr.pactecarto.pacte.edit;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.r2dbc.spi.Parameters;
import io.r2dbc.spi.R2dbcType;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import fr.pactecarto.api.ApiException;
import fr.pactecarto.api.ErrorCode;
import fr.pactecarto.database.QueryDatabase;
import fr.pactecarto.security.PacteUser;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * The audit trail (table {@code pacte_change}): appended to in the transaction of each change, read by
 * {@code changes} and {@code Action.history}. The table refuses UPDATE, DELETE and TRUNCATE (trigger, V8), and
 * nothing here could do either.
 */
@Repository
public class Audit {

	static final int HISTORY_SIZE = 100;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<LinkedHashMap<String, Object>> OBJECT = new TypeReference<>() {
	};

	private static final String COLUMNS = "c.id, c.pacte_id, c.entity, c.entity_id, c.operation, c.actor, c.via, c.at, "
			+ "c.before::text AS before_json, c.after::text AS after_json ";

	private static final String CURSOR_PREFIX = "change:";

	private final DatabaseClient db;

	// Where the trail is read for queries and subscriptions (the replica, if any); appends go to the primary.
	private final DatabaseClient reads;

	Audit(DatabaseClient db, QueryDatabase reads) {
		this.db = db;
		this.reads = reads.client();
	}

	/** Appends one change made by {@code user}; call it inside the change's transaction. */
	Mono<Void> append(String pacte, String entity, String entityId, String operation, PacteUser user,
			Map<String, Object> before, Map<String, Object> after) {
		return this.db.sql("""
				INSERT INTO pacte_change (pacte_id, entity, entity_id, operation, actor, via, before, after)
				VALUES (:pacte, :entity, :entityId, :operation, :actor, :via, CAST(:before AS jsonb), CAST(:after AS jsonb))
				""")
			.bind("pacte", pacte)
			.bind("entity", entity)
			.bind("entityId", entityId)
			.bind("operation", operation)
			.bind("actor", user.login())
			.bind("via", user.via())
			.bind("before", Parameters.in(R2dbcType.VARCHAR, (before != null) ? JSON.writeValueAsString(before) : null))
			.bind("after", Parameters.in(R2dbcType.VARCHAR, (after != null) ? JSON.writeValueAsString(after) : null))
			.then();
	}

	/** The id of the last change of the trail (0 for none). */
	public Mono<Long> lastId() {
		return this.reads.sql("SELECT coalesce(max(id), 0) AS last FROM pacte_change").map(row -> row.get("last", Long.class)).one();
	}

	/** The changes after the change {@code id}, oldest first, at most {@code limit}. */
	public Flux<Change> findAfter(long id, int limit) {
		return this.reads.sql("SELECT " + COLUMNS + "FROM pacte_change c WHERE c.id > :id ORDER BY c.id LIMIT :limit")
			.bind("id", id)
			.bind("limit", limit)
			.map(Audit::change)
			.all();
	}

	/** The last {@value #HISTORY_SIZE} changes of each of these objects, newest first. */
	Flux<Change> findHistories(String entity, Collection<Map.Entry<String, String>> objects) {
		return this.reads.sql("SELECT " + COLUMNS + """
				FROM unnest(CAST(:pactes AS text[]), CAST(:ids AS text[])) AS k(pacte_id, id)
				CROSS JOIN LATERAL (
				    SELECT * FROM pacte_change c
				    WHERE c.pacte_id = k.pacte_id AND c.entity = :entity AND c.entity_id = k.id
				    ORDER BY c.id DESC LIMIT :limit
				) c
				ORDER BY c.id DESC
				""")
			.bind("pactes", objects.stream().map(Map.Entry::getKey).toArray(String[]::new))
			.bind("ids", objects.stream().map(Map.Entry::getValue).toArray(String[]::new))
			.bind("entity", entity)
			.bind("limit", HISTORY_SIZE)
			.map(Audit::change)
			.all();
	}

	/** A page of a pacte's changes at or after {@code since} (null: all), oldest first, after the cursor's change. */
	Mono<ChangeConnection> findPage(String pacte, OffsetDateTime since, long afterId, int size) {
		return this.reads.sql("SELECT count(*) AS total FROM pacte_change c WHERE c.pacte_id = :pacte "
				+ "AND (CAST(:since AS timestamptz) IS NULL OR c.at >= :since)")
			.bind("pacte", pacte)
			.bind("since", Parameters.in(R2dbcType.TIMESTAMP_WITH_TIME_ZONE, since))
			.map(row -> row.get("total", Long.class))
			.one()
			.zipWith(this.reads.sql("SELECT " + COLUMNS + """
					FROM pacte_change c WHERE c.pacte_id = :pacte AND c.id > :after
					AND (CAST(:since AS timestamptz) IS NULL OR c.at >= :since)
					ORDER BY c.id LIMIT :limit
					""")
				.bind("pacte", pacte)
				.bind("since", Parameters.in(R2dbcType.TIMESTAMP_WITH_TIME_ZONE, since))
				.bind("after", afterId)
				.bind("limit", size + 1)
				.map(Audit::change)
				.all()
				.collectList())
			.map(both -> {
				List<Change> found = both.getT2();
				List<ChangeConnection.Edge> edges = found.subList(0, Math.min(size, found.size()))
					.stream()
					.map(change -> new ChangeConnection.Edge(cursor(change), change))
					.toList();
				return new ChangeConnection(edges, new fr.pactecarto.api.PageInfo(found.size() > size, afterId > 0,
						edges.isEmpty() ? null : edges.get(0).cursor(),
						edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor()), both.getT1().intValue());
			});
	}

	static String cursor(Change change) {
		return Base64.getUrlEncoder().withoutPadding()
			.encodeToString((CURSOR_PREFIX + change.id()).getBytes(StandardCharsets.UTF_8));
	}

	/** The change id a cursor stands for; {@code BAD_CURSOR} naming {@code argument} otherwise. */
	static long cursorId(String cursor, String argument) {
		try {
			String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
			if (decoded.startsWith(CURSOR_PREFIX)) {
				long id = Long.parseLong(decoded.substring(CURSOR_PREFIX.length()));
				if (id >= 0) {
					return id;
				}
			}
		}
		catch (IllegalArgumentException notOurs) {
			// reported below
		}
		throw new ApiException(ErrorCode.BAD_CURSOR, argument, "Argument '" + argument
				+ "' is not a cursor of the changes: '" + cursor + "'; pass pageInfo.endCursor from a previous page");
	}

	private static Change change(Readable row) {
		return new Change(row.get("id", Long.class), row.get("pacte_id", String.class), row.get("entity", String.class),
				row.get("entity_id", String.class), row.get("operation", String.class), row.get("actor", String.class),
				row.get("via", String.class), row.get("at", OffsetDateTime.class), object(row.get("before_json", String.class)),
				object(row.get("after_json", String.class)));
	}

	private static Map<String, Object> object(String json) {
		return (json != null) ? JSON.readValue(json, OBJECT) : null;
	}

}
