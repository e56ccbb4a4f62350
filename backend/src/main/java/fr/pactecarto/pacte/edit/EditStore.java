package fr.pactecarto.pacte.edit;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import io.r2dbc.spi.Parameters;
import io.r2dbc.spi.R2dbcType;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of the edits, run inside the mutation's transaction: the pacte's lock, the current state of what is
 * edited (locked), what names may refer to (priorities, themes, territories), and the writes. Versions come
 * from the sequence {@code pacte_row_version} (V8).
 */
@Repository
class EditStore {

	/** The importer's lock too: edits and imports of one pacte never interleave. */
	private static final String LOCK = "SELECT pg_advisory_xact_lock(hashtext('pacte-carto pacte ' || :pacte))";

	private static final String ACTION_STATE = """
			SELECT a.id, a.priority_id, a.parent_id, a.label, a.category, a.instrument, a.cited_as, a.note,
			       a.archived_at IS NOT NULL AS archived, a.version, a.updated_at, a.updated_by,
			       ARRAY(SELECT at.theme_slug FROM pacte_action_theme at
			             JOIN pacte_theme t ON t.pacte_id = at.pacte_id AND t.slug = at.theme_slug
			             WHERE at.pacte_id = a.pacte_id AND at.action_id = a.id ORDER BY t.position) AS themes,
			       EXISTS (SELECT 1 FROM pacte_action s WHERE s.pacte_id = a.pacte_id AND s.parent_id = a.id) AS has_subs,
			       EXISTS (SELECT 1 FROM pacte_action s WHERE s.pacte_id = a.pacte_id AND s.parent_id = a.id
			               AND s.archived_at IS NULL) AS has_live_subs
			FROM pacte_action a
			""";

	private final DatabaseClient db;

	EditStore(DatabaseClient db) {
		this.db = db;
	}

	/** Takes the pacte's lock for the transaction; true when the pacte exists. */
	Mono<Boolean> lock(String pacte) {
		return this.db.sql(LOCK)
			.bind("pacte", pacte)
			.then()
			.then(this.db.sql("SELECT EXISTS (SELECT 1 FROM pacte WHERE id = :pacte) AS found")
				.bind("pacte", pacte)
				.map(row -> row.get("found", Boolean.class))
				.one());
	}

	/** The action as stored, its row locked; empty when there is none. */
	Mono<ActionState> action(String pacte, String id) {
		return this.db.sql(ACTION_STATE + "WHERE a.pacte_id = :pacte AND a.id = :id FOR UPDATE OF a")
			.bind("pacte", pacte)
			.bind("id", id)
			.map(EditStore::actionState)
			.one();
	}

	/** What the references of an action may name in this pacte. */
	record Names(Set<String> priorities, Set<String> themes) {
	}

	Mono<Names> names(String pacte) {
		return this.db.sql("""
				SELECT ARRAY(SELECT id FROM pacte_priority WHERE pacte_id = :pacte) AS priorities,
				       ARRAY(SELECT slug FROM pacte_theme WHERE pacte_id = :pacte) AS themes
				""")
			.bind("pacte", pacte)
			.map(row -> new Names(Set.of(row.get("priorities", String[].class)), Set.of(row.get("themes", String[].class))))
			.one();
	}

	/**
	 * The territory each code names in the pacte ({@code pacte_resolve}, V5: an alias of the pacte, else an
	 * imported territory's code), as {@code KIND:code}, or {@code null} where it names none; in the codes' order.
	 */
	Mono<List<String>> resolve(String pacte, List<String> codes) {
		if (codes.isEmpty()) {
			return Mono.just(List.of());
		}
		return this.db.sql("""
				SELECT c.n, r.kind || ':' || r.code AS territory
				FROM unnest(CAST(:codes AS text[])) WITH ORDINALITY AS c(code, n)
				LEFT JOIN LATERAL pacte_resolve(:pacte, c.code) r ON true
				ORDER BY c.n
				""")
			.bind("codes", codes.toArray(String[]::new))
			.bind("pacte", pacte)
			.map(row -> new String[] { row.get("territory", String.class) })
			.all()
			.map(cell -> cell[0] == null ? "" : cell[0])
			.collectList()
			.map(found -> found.stream().map(territory -> territory.isEmpty() ? null : territory).toList());
	}

	/** The ids of the pacte's actions (archived too) that are {@code id} or start with {@code prefix}. */
	Mono<Set<String>> idsLike(String pacte, String id, String prefix) {
		return this.db.sql("SELECT id FROM pacte_action WHERE pacte_id = :pacte AND (id = :id OR starts_with(id, :prefix))")
			.bind("pacte", pacte)
			.bind("id", id)
			.bind("prefix", prefix)
			.map(row -> row.get("id", String.class))
			.all()
			.collect(java.util.stream.Collectors.toSet());
	}

	/** Writes a new action last in the pacte (positions are put in order by {@link #renumber}); its version. */
	Mono<Stamp> insertAction(String pacte, ActionState action, String by) {
		return bindState(this.db.sql("""
				INSERT INTO pacte_action (pacte_id, id, position, priority_id, parent_id, label, category, instrument,
				                          cited_as, note, updated_at, updated_by)
				VALUES (:pacte, :id, (SELECT coalesce(max(position), 0) + 1 FROM pacte_action WHERE pacte_id = :pacte),
				        :priority, :parent, :label, :category, :instrument, :citedAs, :note, now(), :by)
				RETURNING version, updated_at
				"""), pacte, action)
			.bind("by", by)
			.map(EditStore::stamp)
			.one()
			.flatMap(stamp -> setThemes(pacte, action.id(), action.themes()).thenReturn(stamp));
	}

	// The state an insert and an update of an action write alike.
	private static DatabaseClient.GenericExecuteSpec bindState(DatabaseClient.GenericExecuteSpec spec, String pacte,
			ActionState action) {
		return spec
			.bind("pacte", pacte)
			.bind("id", action.id())
			.bind("priority", action.priority())
			.bind("parent", text(action.parent()))
			.bind("label", action.label())
			.bind("category", text(action.category()))
			.bind("instrument", text(action.instrument()))
			.bind("citedAs", action.citedAs().toArray(String[]::new))
			.bind("note", text(action.note()));
	}

	/** The version and time a write gave a row. */
	record Stamp(long version, OffsetDateTime at) {
	}

	/**
	 * Writes an action's new state with a new version; {@code moved}: it goes last among its new siblings (its
	 * position is renumbered by the caller).
	 */
	Mono<Stamp> updateAction(String pacte, ActionState action, boolean moved, String by) {
		return bindState(this.db.sql("""
				UPDATE pacte_action SET priority_id = :priority, parent_id = :parent, label = :label, category = :category,
				       instrument = :instrument, cited_as = :citedAs, note = :note,
				       archived_at = CASE WHEN :archived THEN coalesce(archived_at, now()) END,
				       position = CASE WHEN :moved
				                  THEN (SELECT max(position) + 1 FROM pacte_action WHERE pacte_id = :pacte) ELSE position END,
				       version = nextval('pacte_row_version'), updated_at = now(), updated_by = :by
				WHERE pacte_id = :pacte AND id = :id
				RETURNING version, updated_at
				"""), pacte, action)
			.bind("archived", action.archived())
			.bind("moved", moved)
			.bind("by", by)
			.map(EditStore::stamp)
			.one()
			.flatMap(stamp -> setThemes(pacte, action.id(), action.themes()).thenReturn(stamp));
	}

	/** The sub-actions of an action, locked. */
	Mono<List<ActionState>> subActions(String pacte, String parent) {
		return this.db.sql(ACTION_STATE + "WHERE a.pacte_id = :pacte AND a.parent_id = :parent ORDER BY a.position FOR UPDATE OF a")
			.bind("pacte", pacte)
			.bind("parent", parent)
			.map(EditStore::actionState)
			.all()
			.collectList();
	}

	private Mono<Void> setThemes(String pacte, String action, List<String> themes) {
		return this.db.sql("""
				WITH gone AS (
				    DELETE FROM pacte_action_theme WHERE pacte_id = :pacte AND action_id = :action
				    AND NOT (theme_slug = ANY(CAST(:themes AS text[])))
				)
				INSERT INTO pacte_action_theme (pacte_id, action_id, theme_slug)
				SELECT :pacte, :action, slug FROM unnest(CAST(:themes AS text[])) AS slug
				ON CONFLICT DO NOTHING
				""")
			.bind("pacte", pacte)
			.bind("action", action)
			.bind("themes", themes.toArray(String[]::new))
			.then();
	}

	/**
	 * Puts the pacte's actions back in reading order — by axis, priority, then each top-level action followed by
	 * its sub-actions — keeping the relative order of the rest: an action given the last position goes last among
	 * its siblings. Two statements, through negative positions, as the positions are unique at every row.
	 */
	Mono<Void> renumber(String pacte) {
		return this.db.sql("""
				WITH ordered AS (
				    SELECT a.id, row_number() OVER (ORDER BY p.axis_number, p.position, coalesce(parent.position, a.position),
				                                             a.parent_id IS NOT NULL, a.position) AS n
				    FROM pacte_action a
				    JOIN pacte_priority p ON p.pacte_id = a.pacte_id AND p.id = a.priority_id
				    LEFT JOIN pacte_action parent ON parent.pacte_id = a.pacte_id AND parent.id = a.parent_id
				    WHERE a.pacte_id = :pacte
				)
				UPDATE pacte_action a SET position = -o.n FROM ordered o WHERE a.pacte_id = :pacte AND a.id = o.id
				""")
			.bind("pacte", pacte)
			.then()
			.then(this.db.sql("UPDATE pacte_action SET position = -position WHERE pacte_id = :pacte AND position < 0")
				.bind("pacte", pacte)
				.then());
	}

	private static Stamp stamp(Readable row) {
		return new Stamp(row.get("version", Long.class), row.get("updated_at", OffsetDateTime.class));
	}

	private static Object text(String value) {
		return Parameters.in(R2dbcType.VARCHAR, value);
	}

	private static ActionState actionState(Readable row) {
		return new ActionState(row.get("id", String.class), row.get("priority_id", String.class),
				row.get("parent_id", String.class), row.get("label", String.class), row.get("category", String.class),
				row.get("instrument", String.class), List.of(row.get("themes", String[].class)),
				new ArrayList<>(Arrays.asList(row.get("cited_as", String[].class))), row.get("note", String.class),
				row.get("archived", Boolean.class), row.get("version", Long.class),
				row.get("updated_at", OffsetDateTime.class), row.get("updated_by", String.class),
				row.get("has_subs", Boolean.class), row.get("has_live_subs", Boolean.class));
	}

}
