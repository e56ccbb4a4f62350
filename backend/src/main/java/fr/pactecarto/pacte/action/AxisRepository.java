package fr.pactecarto.pacte.action;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import fr.pactecarto.database.QueryDatabase;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/** Reads the axes, priorities and themes of the pactes (tables {@code pacte_axis}, {@code pacte_priority}, {@code pacte_theme}). */
@Repository
public class AxisRepository {

	// Archived actions do not count (migration V8).
	static final String ACTION_COUNT = "(SELECT count(*) FROM pacte_action_theme c JOIN pacte_action ca "
			+ "ON ca.pacte_id = c.pacte_id AND ca.id = c.action_id AND ca.archived_at IS NULL "
			+ "WHERE c.pacte_id = t.pacte_id AND c.theme_slug = t.slug)";

	static final String THEME_COLUMNS = "t.pacte_id, t.slug, t.label, t.headline, " + ACTION_COUNT
			+ " AS action_count\n";

	private final DatabaseClient db;

	AxisRepository(QueryDatabase reads) {
		this.db = reads.client();
	}

	Flux<Axis> findAxes(String pacte) {
		return this.db.sql("SELECT * FROM pacte_axis WHERE pacte_id = :pacte ORDER BY number")
			.bind("pacte", pacte)
			.map(AxisRepository::axis)
			.all();
	}

	/** The axes with these keys (other features link to axes, e.g. the national pactes). */
	public Flux<Axis> findAxes(Collection<Axis.Key> keys) {
		return this.db.sql("""
				SELECT a.* FROM unnest(CAST(:pactes AS text[]), CAST(:numbers AS integer[])) AS k(pacte_id, number)
				JOIN pacte_axis a ON a.pacte_id = k.pacte_id AND a.number = k.number
				""")
			.bind("pactes", keys.stream().map(Axis.Key::pacte).toArray(String[]::new))
			.bind("numbers", keys.stream().map(Axis.Key::number).toArray(Integer[]::new))
			.map(AxisRepository::axis)
			.all();
	}

	Flux<Priority> findPrioritiesOfAxes(Collection<Axis.Key> axes) {
		return this.db.sql("""
				SELECT p.* FROM unnest(CAST(:pactes AS text[]), CAST(:numbers AS integer[])) AS k(pacte_id, number)
				JOIN pacte_priority p ON p.pacte_id = k.pacte_id AND p.axis_number = k.number
				ORDER BY p.pacte_id, p.axis_number, p.position
				""")
			.bind("pactes", axes.stream().map(Axis.Key::pacte).toArray(String[]::new))
			.bind("numbers", axes.stream().map(Axis.Key::number).toArray(Integer[]::new))
			.map(AxisRepository::priority)
			.all();
	}

	Flux<Priority> findPriorities(Collection<Priority.Key> keys) {
		return this.db.sql("""
				SELECT p.* FROM unnest(CAST(:pactes AS text[]), CAST(:ids AS text[])) AS k(pacte_id, id)
				JOIN pacte_priority p ON p.pacte_id = k.pacte_id AND p.id = k.id
				""")
			.bind("pactes", keys.stream().map(Priority.Key::pacte).toArray(String[]::new))
			.bind("ids", keys.stream().map(Priority.Key::id).toArray(String[]::new))
			.map(AxisRepository::priority)
			.all();
	}

	Flux<Theme> findThemes(String pacte) {
		return this.db.sql("SELECT " + THEME_COLUMNS + "FROM pacte_theme t WHERE t.pacte_id = :pacte ORDER BY t.position")
			.bind("pacte", pacte)
			.map(AxisRepository::theme)
			.all();
	}

	/** The themes of these actions, as (action, theme) pairs in theme order. */
	Flux<Map.Entry<Action.Key, Theme>> findThemesOfActions(Collection<Action.Key> actions) {
		return this.db.sql("SELECT k.id AS action_id, " + THEME_COLUMNS + """
				FROM unnest(CAST(:pactes AS text[]), CAST(:ids AS text[])) AS k(pacte_id, id)
				JOIN pacte_action_theme at ON at.pacte_id = k.pacte_id AND at.action_id = k.id
				JOIN pacte_theme t ON t.pacte_id = at.pacte_id AND t.slug = at.theme_slug
				ORDER BY t.position
				""")
			.bind("pactes", actions.stream().map(Action.Key::pacte).toArray(String[]::new))
			.bind("ids", actions.stream().map(Action.Key::id).toArray(String[]::new))
			.map(row -> Map.entry(new Action.Key(row.get("pacte_id", String.class), row.get("action_id", String.class)),
					theme(row)))
			.all();
	}

	/** The axis numbers and theme slugs of a pacte, what a question may name. */
	record Terms(List<Integer> axes, List<String> themes) {
	}

	Mono<Terms> findTerms(String pacte) {
		return this.db.sql("""
				SELECT ARRAY(SELECT number FROM pacte_axis WHERE pacte_id = :pacte ORDER BY number) AS numbers,
				       ARRAY(SELECT slug FROM pacte_theme WHERE pacte_id = :pacte ORDER BY slug) AS slugs
				""")
			.bind("pacte", pacte)
			.map(row -> new Terms(List.of(row.get("numbers", Integer[].class)), List.of(row.get("slugs", String[].class))))
			.one();
	}

	private static Axis axis(Readable row) {
		return new Axis(row.get("pacte_id", String.class), row.get("number", Integer.class),
				row.get("short_name", String.class), row.get("title", String.class), row.get("note", String.class));
	}

	private static Priority priority(Readable row) {
		return new Priority(row.get("pacte_id", String.class), row.get("id", String.class),
				row.get("axis_number", Integer.class), row.get("position", Integer.class), row.get("title", String.class));
	}

	static Theme theme(Readable row) {
		return new Theme(row.get("pacte_id", String.class), row.get("slug", String.class), row.get("label", String.class),
				row.get("headline", Boolean.class), row.get("action_count", Long.class).intValue());
	}

}
