package fr.pactecarto.pacte.action;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.r2dbc.spi.Parameters;
import io.r2dbc.spi.R2dbcType;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import fr.pactecarto.database.QueryDatabase;
import fr.pactecarto.pacte.NamedTerritories;
import fr.pactecarto.territory.TerritoryKey;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the actions of the pactes (tables {@code pacte_action}, {@code pacte_action_theme}). Each action comes
 * with the territories its cited codes name, resolved in the same statement by {@code pacte_resolve}
 * (migration V5): an import of contours or of a pacte is seen by the next read.
 */
@Repository
public class ActionRepository {

	// Archived actions (migration V8) are left out of every read but the look-up by id (ACTIONS_ARCHIVED_TOO).
	private static final String ACTIONS_ARCHIVED_TOO = """
			SELECT a.pacte_id, a.id, a.position, p.axis_number, a.priority_id, a.parent_id, a.label, a.category,
			       a.instrument, a.cited_as, a.note, named.kinds AS territory_kinds, named.codes AS territory_codes
			FROM pacte_action a
			JOIN pacte_priority p ON p.pacte_id = a.pacte_id AND p.id = a.priority_id
			""" + NamedTerritories.lateral("a.pacte_id", "a.cited_as");

	private static final String ACTIONS = ACTIONS_ARCHIVED_TOO.replace("AND p.id = a.priority_id",
			"AND p.id = a.priority_id AND a.archived_at IS NULL");

	// Every criterion but the pacte is optional: a null parameter lets all actions through.
	private static final String MATCHING = ACTIONS + """
			WHERE a.pacte_id = :pacte
			  AND (CAST(:axis AS integer) IS NULL OR p.axis_number = :axis)
			  AND (CAST(:themes AS text[]) IS NULL OR EXISTS (
			        SELECT 1 FROM pacte_action_theme at
			        WHERE at.pacte_id = a.pacte_id AND at.action_id = a.id AND at.theme_slug = ANY(CAST(:themes AS text[]))))
			  AND (CAST(:territoryKind AS text) IS NULL OR a.cited_as && ARRAY(
			        SELECT ct.cited FROM pacte_cited_territory ct
			        WHERE ct.pacte_id = a.pacte_id AND ct.kind = :territoryKind AND ct.code = :territoryCode))
			  AND (CAST(:text AS text) IS NULL OR strpos(lower(unaccent(concat_ws(' ', a.label, a.category, p.title))),
			                                            lower(unaccent(:text))) > 0)
			""";

	// One row even for an empty page, so that the total is always known.
	private static final String PAGE = """
			WITH matching AS (%s)
			SELECT counts.total, counts.before, page.*
			FROM (SELECT count(*) AS total, count(*) FILTER (WHERE position <= :after) AS before FROM matching) counts
			LEFT JOIN LATERAL (
			    SELECT * FROM matching WHERE position > :after ORDER BY position LIMIT :limit
			) page ON true
			ORDER BY page.position
			""".formatted(MATCHING);

	private final DatabaseClient db;

	ActionRepository(QueryDatabase reads) {
		this.db = reads.client();
	}

	/** One action by id, archived or not; empty when the pacte has none with this id. */
	public Mono<Action> findAction(String pacte, String id) {
		return findActions(List.of(new Action.Key(pacte, id))).next();
	}

	/** The actions with these keys, archived ones included (an action's parent, {@code action(id:)}). */
	Flux<Action> findActions(Collection<Action.Key> keys) {
		return this.db.sql(ACTIONS_ARCHIVED_TOO + """
				JOIN unnest(CAST(:pactes AS text[]), CAST(:ids AS text[])) AS k(pacte_id, id)
				  ON a.pacte_id = k.pacte_id AND a.id = k.id
				""")
			.bind("pactes", keys.stream().map(Action.Key::pacte).toArray(String[]::new))
			.bind("ids", keys.stream().map(Action.Key::id).toArray(String[]::new))
			.map(ActionRepository::action)
			.all();
	}

	/** The top-level actions of these priorities, in the document's order. */
	Flux<Action> findOfPriorities(Collection<Priority.Key> priorities) {
		return this.db.sql(ACTIONS + """
				JOIN unnest(CAST(:pactes AS text[]), CAST(:ids AS text[])) AS k(pacte_id, id)
				  ON a.pacte_id = k.pacte_id AND a.priority_id = k.id
				WHERE a.parent_id IS NULL
				ORDER BY a.position
				""")
			.bind("pactes", priorities.stream().map(Priority.Key::pacte).toArray(String[]::new))
			.bind("ids", priorities.stream().map(Priority.Key::id).toArray(String[]::new))
			.map(ActionRepository::action)
			.all();
	}

	/** The sub-actions of these actions, in the document's order. */
	Flux<Action> findSubActions(Collection<Action.Key> parents) {
		return this.db.sql(ACTIONS + """
				JOIN unnest(CAST(:pactes AS text[]), CAST(:ids AS text[])) AS k(pacte_id, id)
				  ON a.pacte_id = k.pacte_id AND a.parent_id = k.id
				ORDER BY a.position
				""")
			.bind("pactes", parents.stream().map(Action.Key::pacte).toArray(String[]::new))
			.bind("ids", parents.stream().map(Action.Key::id).toArray(String[]::new))
			.map(ActionRepository::action)
			.all();
	}

	/** The actions of the pacte matching the question (axis and themes, each may be null), in the document's order. */
	Flux<Action> findMatching(String pacte, Integer axis, List<String> themes) {
		return bind(this.db.sql(MATCHING + "ORDER BY a.position"), pacte, axis, themes, null, null)
			.map(ActionRepository::action)
			.all();
	}

	/**
	 * A page of the pacte's actions matching all the given criteria (each may be null; {@code territory}: cited
	 * for it) after position {@code after}, with the counts a Relay page needs.
	 */
	Mono<Page> findPage(String pacte, Integer axis, List<String> themes, TerritoryKey territory, String text, int after,
			int limit) {
		return bind(this.db.sql(PAGE), pacte, axis, themes, territory, text)
			.bind("after", after)
			.bind("limit", limit)
			.map(row -> new Page(row.get("total", Long.class).intValue(), row.get("before", Long.class).intValue(),
					(row.get("id", String.class) != null) ? List.of(action(row)) : List.of()))
			.all()
			.reduce((a, b) -> new Page(a.total(), a.before(),
					Stream.concat(a.actions().stream(), b.actions().stream()).toList()));
	}

	/** Matching actions of a page, with the number of all matching actions and of those before the page. */
	record Page(int total, int before, List<Action> actions) {

	}

	/** The themes of the pacte's actions, as (territories the action names, theme) pairs in theme order. */
	Flux<Map.Entry<List<TerritoryKey>, Theme>> findThemesWithTerritories(String pacte) {
		return this.db.sql("WITH action AS (" + ACTIONS + "WHERE a.pacte_id = :pacte) SELECT "
				+ "a.territory_kinds, a.territory_codes, " + AxisRepository.THEME_COLUMNS + """
				FROM action a
				JOIN pacte_action_theme at ON at.pacte_id = a.pacte_id AND at.action_id = a.id
				JOIN pacte_theme t ON t.pacte_id = at.pacte_id AND t.slug = at.theme_slug
				WHERE cardinality(a.territory_codes) > 0
				ORDER BY t.position
				""")
			.bind("pacte", pacte)
			.map(row -> Map.entry(territories(row), AxisRepository.theme(row)))
			.all();
	}

	private static DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec spec, String pacte,
			Integer axis, List<String> themes, TerritoryKey territory, String text) {
		return spec.bind("pacte", pacte)
			.bind("axis", Parameters.in(R2dbcType.INTEGER, axis))
			.bind("themes", Parameters.in(R2dbcType.VARCHAR, (themes != null) ? themes.toArray(String[]::new) : null))
			.bind("territoryKind", Parameters.in(R2dbcType.VARCHAR, (territory != null) ? territory.kind().name() : null))
			.bind("territoryCode", Parameters.in(R2dbcType.VARCHAR, (territory != null) ? territory.code() : null))
			.bind("text", Parameters.in(R2dbcType.VARCHAR, text));
	}

	private static List<TerritoryKey> territories(Readable row) {
		return NamedTerritories.of(row, "territory_kinds", "territory_codes");
	}

	private static Action action(Readable row) {
		return new Action(row.get("pacte_id", String.class), row.get("id", String.class),
				row.get("position", Integer.class), row.get("axis_number", Integer.class),
				row.get("priority_id", String.class), row.get("parent_id", String.class), row.get("label", String.class),
				row.get("category", String.class), row.get("instrument", String.class),
				Arrays.asList(row.get("cited_as", String[].class)), territories(row), row.get("note", String.class));
	}

}
