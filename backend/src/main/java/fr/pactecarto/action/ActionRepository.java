package fr.pactecarto.action;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.r2dbc.spi.Parameters;
import io.r2dbc.spi.R2dbcType;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/** Reads the Pacte's axes, priorities, themes and actions (tables {@code pacte_*}, migration V4). */
@Repository
public class ActionRepository {

	private static final String ACTIONS = """
			SELECT a.id, a.position, p.axis_number, a.priority_id, a.parent_id, a.label, a.category, a.instrument,
			       a.cited_as, a.note
			FROM pacte_action a JOIN pacte_priority p ON p.id = a.priority_id
			""";

	// Every criterion is optional: a null parameter lets all actions through.
	private static final String MATCHING = ACTIONS + """
			WHERE (CAST(:axis AS integer) IS NULL OR p.axis_number = :axis)
			  AND (CAST(:themes AS text[]) IS NULL OR EXISTS (
			        SELECT 1 FROM pacte_action_theme at
			        WHERE at.action_id = a.id AND at.theme_slug = ANY(CAST(:themes AS text[]))))
			  AND (CAST(:codes AS text[]) IS NULL OR a.cited_as && CAST(:codes AS text[]))
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

	private static final String THEME_COLUMNS = """
			t.slug, t.label, t.headline,
			(SELECT count(*) FROM pacte_action_theme c WHERE c.theme_slug = t.slug) AS action_count
			""";

	private final DatabaseClient db;

	// The axes and themes are versioned data (migrations): read once, to check arguments without a statement.
	private final Mono<Set<Integer>> axisNumbers;

	private final Mono<Set<String>> themeSlugs;

	ActionRepository(DatabaseClient db) {
		this.db = db;
		this.axisNumbers = cacheValue(db.sql("SELECT number FROM pacte_axis")
			.map(row -> row.get("number", Integer.class)).all().collect(Collectors.toSet()));
		this.themeSlugs = cacheValue(db.sql("SELECT slug FROM pacte_theme")
			.map(row -> row.get("slug", String.class)).all().collect(Collectors.toSet()));
	}

	private static <T> Mono<T> cacheValue(Mono<T> source) {
		return source.cache(value -> Duration.ofMillis(Long.MAX_VALUE), error -> Duration.ZERO, () -> Duration.ZERO);
	}

	Mono<Set<Integer>> axisNumbers() {
		return this.axisNumbers;
	}

	Mono<Set<String>> themeSlugs() {
		return this.themeSlugs;
	}

	Flux<Axis> findAxes() {
		return this.db.sql("SELECT * FROM pacte_axis ORDER BY number").map(ActionRepository::axis).all();
	}

	/** The axes with these numbers (other features link to axes, e.g. the national pactes). */
	public Flux<Axis> findAxes(Collection<Integer> numbers) {
		return this.db.sql("SELECT * FROM pacte_axis WHERE number = ANY(CAST(:numbers AS integer[]))")
			.bind("numbers", numbers.toArray(Integer[]::new))
			.map(ActionRepository::axis)
			.all();
	}

	Flux<Priority> findPrioritiesOfAxes(Collection<Integer> axisNumbers) {
		return this.db.sql("""
				SELECT * FROM pacte_priority WHERE axis_number = ANY(CAST(:numbers AS integer[]))
				ORDER BY axis_number, position
				""")
			.bind("numbers", axisNumbers.toArray(Integer[]::new))
			.map(ActionRepository::priority)
			.all();
	}

	Flux<Priority> findPriorities(Collection<String> ids) {
		return this.db.sql("SELECT * FROM pacte_priority WHERE id = ANY(CAST(:ids AS text[]))")
			.bind("ids", ids.toArray(String[]::new))
			.map(ActionRepository::priority)
			.all();
	}

	Flux<Theme> findThemes() {
		return this.db.sql("SELECT " + THEME_COLUMNS + "FROM pacte_theme t ORDER BY t.position").map(ActionRepository::theme).all();
	}

	/** The themes of these actions, as (action id, theme) pairs in theme order. */
	Flux<Map.Entry<String, Theme>> findThemesOfActions(Collection<String> actionIds) {
		return this.db.sql("SELECT at.action_id, " + THEME_COLUMNS + """
				FROM pacte_theme t JOIN pacte_action_theme at ON at.theme_slug = t.slug
				WHERE at.action_id = ANY(CAST(:ids AS text[]))
				ORDER BY t.position
				""").bind("ids", actionIds.toArray(String[]::new))
			.map(row -> Map.entry(row.get("action_id", String.class), theme(row)))
			.all();
	}

	/** The themes of the actions citing any of these codes, as (cited codes, theme) pairs in theme order. */
	Flux<Map.Entry<List<String>, Theme>> findThemesCiting(Collection<String> codes) {
		return this.db.sql("SELECT a.cited_as, " + THEME_COLUMNS + """
				FROM pacte_theme t JOIN pacte_action_theme at ON at.theme_slug = t.slug
				JOIN pacte_action a ON a.id = at.action_id
				WHERE a.cited_as && CAST(:codes AS text[])
				ORDER BY t.position
				""").bind("codes", codes.toArray(String[]::new))
			.map(row -> Map.entry(Arrays.asList(row.get("cited_as", String[].class)), theme(row)))
			.all();
	}

	Flux<Action> findActions(Collection<String> ids) {
		return this.db.sql(ACTIONS + "WHERE a.id = ANY(CAST(:ids AS text[]))")
			.bind("ids", ids.toArray(String[]::new))
			.map(ActionRepository::action)
			.all();
	}

	/** The top-level actions of these priorities (with {@code byParent}: the sub-actions of these actions). */
	Flux<Action> findChildren(Collection<String> ids, boolean byParent) {
		String where = byParent ? "WHERE a.parent_id = ANY(CAST(:ids AS text[]))"
				: "WHERE a.parent_id IS NULL AND a.priority_id = ANY(CAST(:ids AS text[]))";
		return this.db.sql(ACTIONS + where + " ORDER BY a.position")
			.bind("ids", ids.toArray(String[]::new))
			.map(ActionRepository::action)
			.all();
	}

	/** The actions matching all the given criteria (each may be null), in the document's order. */
	Flux<Action> findMatching(Integer axis, List<String> themes, Collection<String> codes) {
		return bindCriteria(this.db.sql(MATCHING + "ORDER BY a.position"), axis, themes, codes, null)
			.map(ActionRepository::action)
			.all();
	}

	/** A page of the matching actions after position {@code after}, with the counts a Relay page needs. */
	Mono<Page> findPage(Integer axis, List<String> themes, Collection<String> codes, String text, int after, int limit) {
		return bindCriteria(this.db.sql(PAGE), axis, themes, codes, text)
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

	private static DatabaseClient.GenericExecuteSpec bindCriteria(DatabaseClient.GenericExecuteSpec spec,
			Integer axis, List<String> themes, Collection<String> codes, String text) {
		return spec.bind("axis", Parameters.in(R2dbcType.INTEGER, axis))
			.bind("themes", Parameters.in(R2dbcType.VARCHAR, (themes != null) ? themes.toArray(String[]::new) : null))
			.bind("codes", Parameters.in(R2dbcType.VARCHAR, (codes != null) ? codes.toArray(String[]::new) : null))
			.bind("text", Parameters.in(R2dbcType.VARCHAR, text));
	}

	private static Axis axis(Readable row) {
		return new Axis(row.get("number", Integer.class), row.get("short_name", String.class),
				row.get("title", String.class), row.get("note", String.class));
	}

	private static Priority priority(Readable row) {
		return new Priority(row.get("id", String.class), row.get("axis_number", Integer.class),
				row.get("position", Integer.class), row.get("title", String.class));
	}

	private static Theme theme(Readable row) {
		return new Theme(row.get("slug", String.class), row.get("label", String.class),
				row.get("headline", Boolean.class), row.get("action_count", Long.class).intValue());
	}

	private static Action action(Readable row) {
		return new Action(row.get("id", String.class), row.get("position", Integer.class),
				row.get("axis_number", Integer.class), row.get("priority_id", String.class),
				row.get("parent_id", String.class), row.get("label", String.class), row.get("category", String.class),
				row.get("instrument", String.class), Arrays.asList(row.get("cited_as", String[].class)),
				row.get("note", String.class));
	}

}
