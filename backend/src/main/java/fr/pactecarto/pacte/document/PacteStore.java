package fr.pactecarto.pacte.document;

import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.pactecarto.pacte.document.PacteDocument.Action;
import fr.pactecarto.pacte.document.PacteDocument.Alias;
import fr.pactecarto.pacte.document.PacteDocument.Axis;
import fr.pactecarto.pacte.document.PacteDocument.Funding;
import fr.pactecarto.pacte.document.PacteDocument.FundingLine;
import fr.pactecarto.pacte.document.PacteDocument.LocalPactFramework;
import fr.pactecarto.pacte.document.PacteDocument.LocalPactSection;
import fr.pactecarto.pacte.document.PacteDocument.MapLayer;
import fr.pactecarto.pacte.document.PacteDocument.NationalMeasure;
import fr.pactecarto.pacte.document.PacteDocument.NationalMeasures;
import fr.pactecarto.pacte.document.PacteDocument.NationalPact;
import fr.pactecarto.pacte.document.PacteDocument.Priority;
import fr.pactecarto.pacte.document.PacteDocument.Source;
import fr.pactecarto.pacte.document.PacteDocument.Theme;

/**
 * A pacte in the {@code pacte*} tables (V5), over a JDBC connection whose transaction the caller holds:
 * written from a {@link PacteDocument} (positions from the document's order), read back into one, deleted
 * (every row of the pacte goes with its {@code pacte} row, ON DELETE CASCADE).
 */
final class PacteStore {

	private static final String INSERT_PACTE = """
			INSERT INTO pacte (id, region_code, year, title, source_title, source_body, source_date, funding_currency,
			                   funding_note, national_announced_count, national_note, local_title, local_reference,
			                   local_regional_credits)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			""";

	private static final String INSERT_ALIAS = "INSERT INTO pacte_alias (pacte_id, alias, kind, code) VALUES (?, ?, ?, ?)";

	private static final String INSERT_LAYER = """
			INSERT INTO pacte_map_layer (pacte_id, key, position, label, item_label, kind, codes) VALUES (?, ?, ?, ?, ?, ?, ?)
			""";

	private static final String INSERT_THEME = """
			INSERT INTO pacte_theme (pacte_id, slug, label, headline, position) VALUES (?, ?, ?, ?, ?)
			""";

	private static final String INSERT_AXIS = """
			INSERT INTO pacte_axis (pacte_id, number, short_name, title, note) VALUES (?, ?, ?, ?, ?)
			""";

	private static final String INSERT_PRIORITY = """
			INSERT INTO pacte_priority (pacte_id, id, axis_number, position, title) VALUES (?, ?, ?, ?, ?)
			""";

	private static final String INSERT_ACTION = """
			INSERT INTO pacte_action (pacte_id, id, position, priority_id, parent_id, label, category, instrument, cited_as, note,
			                          archived_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CASE WHEN ? THEN now() END)
			""";

	private static final String INSERT_ACTION_THEME = """
			INSERT INTO pacte_action_theme (pacte_id, action_id, theme_slug) VALUES (?, ?, ?)
			""";

	private static final String INSERT_FUNDING_LINE = """
			INSERT INTO pacte_funding_line (pacte_id, id, position, instrument, label, partner_kind, contract_count, amount,
			                                partner_codes, note)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			""";

	private static final String INSERT_NATIONAL_PACT = """
			INSERT INTO pacte_national_pact (pacte_id, position, title, axis_number, reforms) VALUES (?, ?, ?, ?, ?)
			""";

	private static final String INSERT_NATIONAL_MEASURE = """
			INSERT INTO pacte_national_measure (pacte_id, pact_position, position, name, note) VALUES (?, ?, ?, ?, ?)
			""";

	private static final String INSERT_SECTION = """
			INSERT INTO pacte_local_pact_section (pacte_id, key, position, title, text, items) VALUES (?, ?, ?, ?, ?, ?)
			""";

	private static final String SELECT_PACTE = "SELECT * FROM pacte WHERE id = ?";

	// Aliases have no position: they come back in code point order (COLLATE "C"), as PacteDocument.canonical() sorts them.
	private static final String SELECT_ALIASES = """
			SELECT alias, kind, code FROM pacte_alias WHERE pacte_id = ? ORDER BY alias COLLATE "C"
			""";

	private static final String SELECT_LAYERS = """
			SELECT key, label, item_label, kind, codes FROM pacte_map_layer WHERE pacte_id = ? ORDER BY position
			""";

	private static final String SELECT_THEMES = """
			SELECT slug, label, headline FROM pacte_theme WHERE pacte_id = ? ORDER BY position
			""";

	private static final String SELECT_AXES = """
			SELECT number, short_name, title, note FROM pacte_axis WHERE pacte_id = ? ORDER BY number
			""";

	private static final String SELECT_PRIORITIES = """
			SELECT id, axis_number, title FROM pacte_priority WHERE pacte_id = ? ORDER BY axis_number, position
			""";

	// An action's themes have no order of their own: the pacte's theme order.
	private static final String SELECT_ACTIONS = """
			SELECT a.id, a.priority_id, a.parent_id, a.label, a.category, a.instrument, a.cited_as, a.note,
			       a.archived_at IS NOT NULL AS archived,
			       ARRAY(SELECT t.slug FROM pacte_action_theme at
			             JOIN pacte_theme t ON t.pacte_id = at.pacte_id AND t.slug = at.theme_slug
			             WHERE at.pacte_id = a.pacte_id AND at.action_id = a.id ORDER BY t.position) AS themes
			FROM pacte_action a WHERE a.pacte_id = ? ORDER BY a.position
			""";

	private static final String SELECT_FUNDING_LINES = """
			SELECT id, instrument, label, partner_kind, contract_count, amount, partner_codes, note
			FROM pacte_funding_line WHERE pacte_id = ? ORDER BY position
			""";

	private static final String SELECT_NATIONAL_PACTS = """
			SELECT position, title, axis_number, reforms FROM pacte_national_pact WHERE pacte_id = ? ORDER BY position
			""";

	private static final String SELECT_NATIONAL_MEASURES = """
			SELECT pact_position, name, note FROM pacte_national_measure WHERE pacte_id = ? ORDER BY pact_position, position
			""";

	private static final String SELECT_SECTIONS = """
			SELECT key, title, text, items FROM pacte_local_pact_section WHERE pacte_id = ? ORDER BY position
			""";

	private PacteStore() {
	}

	static boolean delete(Connection connection, String pacteId) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("DELETE FROM pacte WHERE id = ?")) {
			statement.setString(1, pacteId);
			return statement.executeUpdate() > 0;
		}
	}

	static void insert(Connection connection, PacteDocument document) throws SQLException {
		String id = document.id();
		try (PreparedStatement statement = connection.prepareStatement(INSERT_PACTE)) {
			set(statement, id, document.region(), document.year(), document.title(), document.source().title(),
					document.source().body(), Date.valueOf(document.source().date()), document.funding().currency(),
					document.funding().note(), document.nationalMeasures().announcedCount(),
					document.nationalMeasures().note(), document.localPactFramework().title(),
					document.localPactFramework().reference(), document.localPactFramework().regionalCredits());
			statement.executeUpdate();
		}
		try (Batch batch = new Batch(connection, INSERT_ALIAS)) {
			for (Alias alias : document.aliases()) {
				batch.add(id, alias.alias(), alias.kind(), alias.code());
			}
		}
		try (Batch batch = new Batch(connection, INSERT_LAYER)) {
			int position = 0;
			for (MapLayer layer : document.layers()) {
				batch.add(id, layer.key(), ++position, layer.label(), layer.itemLabel(), layer.kind(),
						batch.texts(layer.codes()));
			}
		}
		try (Batch batch = new Batch(connection, INSERT_THEME)) {
			int position = 0;
			for (Theme theme : document.themes()) {
				batch.add(id, theme.slug(), theme.label(), theme.headline(), ++position);
			}
		}
		try (Batch axes = new Batch(connection, INSERT_AXIS)) {
			for (Axis axis : document.axes()) {
				axes.add(id, axis.number(), axis.shortName(), axis.title(), axis.note());
			}
		}
		try (Batch priorities = new Batch(connection, INSERT_PRIORITY)) {
			for (Axis axis : document.axes()) {
				int position = 0;
				for (Priority priority : axis.priorities()) {
					priorities.add(id, priority.id(), axis.number(), ++position, priority.title());
				}
			}
		}
		try (Batch actions = new Batch(connection, INSERT_ACTION)) {
			int position = 0;
			for (Axis axis : document.axes()) {
				for (Priority priority : axis.priorities()) {
					for (Action action : priority.actions()) {
						actions.add(id, action.id(), ++position, priority.id(), null, action.label(), action.category(),
								action.instrument(), actions.texts(action.citedAs()), action.note(), action.archived());
						for (Action sub : action.subActions()) {
							actions.add(id, sub.id(), ++position, priority.id(), action.id(), sub.label(), sub.category(),
									sub.instrument(), actions.texts(sub.citedAs()), sub.note(), sub.archived());
						}
					}
				}
			}
		}
		try (Batch themes = new Batch(connection, INSERT_ACTION_THEME)) {
			for (Action action : document.actionsInReadingOrder()) {
				for (String slug : action.themes()) {
					themes.add(id, action.id(), slug);
				}
			}
		}
		try (Batch lines = new Batch(connection, INSERT_FUNDING_LINE)) {
			int position = 0;
			for (FundingLine line : document.funding().lines()) {
				lines.add(id, line.id(), ++position, line.instrument(), line.label(), line.partnerKind(),
						line.contractCount(), line.amount(), lines.texts(line.partners()), line.note());
			}
		}
		try (Batch pacts = new Batch(connection, INSERT_NATIONAL_PACT);
				Batch measures = new Batch(connection, INSERT_NATIONAL_MEASURE)) {
			int position = 0;
			for (NationalPact pact : document.nationalMeasures().pacts()) {
				pacts.add(id, ++position, pact.title(), pact.axis(), pacts.texts(pact.reforms()));
				int measurePosition = 0;
				for (NationalMeasure measure : pact.measures()) {
					measures.add(id, position, ++measurePosition, measure.name(), measure.note());
				}
			}
			pacts.flush();
		}
		try (Batch sections = new Batch(connection, INSERT_SECTION)) {
			int position = 0;
			for (LocalPactSection section : document.localPactFramework().sections()) {
				sections.add(id, section.key(), ++position, section.title(), section.text(),
						sections.texts(section.items()));
			}
		}
	}

	/** The stored pacte, in the canonical order; empty when there is none with this id. */
	static Optional<PacteDocument> load(Connection connection, String pacteId) throws SQLException {
		Map<String, Object> pacte;
		try (PreparedStatement statement = connection.prepareStatement(SELECT_PACTE)) {
			statement.setString(1, pacteId);
			try (ResultSet row = statement.executeQuery()) {
				if (!row.next()) {
					return Optional.empty();
				}
				pacte = new LinkedHashMap<>();
				for (int i = 1; i <= row.getMetaData().getColumnCount(); i++) {
					pacte.put(row.getMetaData().getColumnName(i), row.getObject(i));
				}
			}
		}
		List<Alias> aliases = query(connection, SELECT_ALIASES, pacteId,
				row -> new Alias(row.getString(1), row.getString(2), row.getString(3)));
		List<MapLayer> layers = query(connection, SELECT_LAYERS, pacteId, row -> new MapLayer(row.getString(1),
				row.getString(2), row.getString(3), row.getString(4), texts(row.getArray(5))));
		List<Theme> themes = query(connection, SELECT_THEMES, pacteId,
				row -> new Theme(row.getString(1), row.getString(2), row.getBoolean(3)));
		List<ActionRow> actionRows = query(connection, SELECT_ACTIONS, pacteId,
				row -> new ActionRow(row.getString(2), row.getString(3),
						new Action(row.getString(1), row.getString(4), row.getString(5), row.getString(6),
								texts(row.getArray(10)), texts(row.getArray(7)), row.getString(8), new ArrayList<>(),
								row.getBoolean(9))));
		Map<String, List<Action>> actionsByPriority = new LinkedHashMap<>();
		Map<String, Action> byId = new LinkedHashMap<>();
		for (ActionRow row : actionRows) {
			if (row.parentId() == null) {
				actionsByPriority.computeIfAbsent(row.priorityId(), key -> new ArrayList<>()).add(row.action());
				byId.put(row.action().id(), row.action());
			}
			else {
				byId.get(row.parentId()).subActions().add(row.action());
			}
		}
		List<PriorityRow> priorityRows = query(connection, SELECT_PRIORITIES, pacteId,
				row -> new PriorityRow(row.getInt(2), new Priority(row.getString(1), row.getString(3),
						actionsByPriority.getOrDefault(row.getString(1), List.of()))));
		List<Axis> axes = query(connection, SELECT_AXES, pacteId, row -> {
			int number = row.getInt(1);
			return new Axis(number, row.getString(2), row.getString(3), row.getString(4),
					priorityRows.stream().filter(p -> p.axisNumber() == number).map(PriorityRow::priority).toList());
		});
		List<FundingLine> lines = query(connection, SELECT_FUNDING_LINES, pacteId,
				row -> new FundingLine(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
						(Integer) row.getObject(5), row.getLong(6), texts(row.getArray(7)), row.getString(8)));
		Map<Integer, List<NationalMeasure>> measuresByPact = new LinkedHashMap<>();
		for (MeasureRow row : query(connection, SELECT_NATIONAL_MEASURES, pacteId,
				row -> new MeasureRow(row.getInt(1), new NationalMeasure(row.getString(2), row.getString(3))))) {
			measuresByPact.computeIfAbsent(row.pactPosition(), key -> new ArrayList<>()).add(row.measure());
		}
		List<NationalPact> pacts = query(connection, SELECT_NATIONAL_PACTS, pacteId,
				row -> new NationalPact(row.getString(2), (Integer) row.getObject(3), texts(row.getArray(4)),
						measuresByPact.getOrDefault(row.getInt(1), List.of())));
		List<LocalPactSection> sections = query(connection, SELECT_SECTIONS, pacteId, row -> new LocalPactSection(
				row.getString(1), row.getString(2), row.getString(3), texts(row.getArray(4))));
		PacteDocument document = new PacteDocument((String) pacte.get("region_code"), (Integer) pacte.get("year"),
				(String) pacte.get("title"),
				new Source((String) pacte.get("source_title"), (String) pacte.get("source_body"),
						((Date) pacte.get("source_date")).toLocalDate()),
				aliases, layers, themes, immutable(axes),
				new Funding((String) pacte.get("funding_currency"), (String) pacte.get("funding_note"), lines),
				new NationalMeasures((Integer) pacte.get("national_announced_count"), (String) pacte.get("national_note"),
						pacts),
				new LocalPactFramework((String) pacte.get("local_title"), (String) pacte.get("local_reference"),
						(Long) pacte.get("local_regional_credits"), sections));
		return Optional.of(document.canonical());
	}

	// The sub-action lists were filled while reading; the document handed out is immutable throughout.
	private static List<Axis> immutable(List<Axis> axes) {
		return axes.stream()
			.map(axis -> new Axis(axis.number(), axis.shortName(), axis.title(), axis.note(), axis.priorities()
				.stream()
				.map(priority -> new Priority(priority.id(), priority.title(), priority.actions()
					.stream()
					.map(action -> new Action(action.id(), action.label(), action.category(), action.instrument(),
							action.themes(), action.citedAs(), action.note(), List.copyOf(action.subActions()),
							action.archived()))
					.toList()))
				.toList()))
			.toList();
	}

	private record ActionRow(String priorityId, String parentId, Action action) {
	}

	private record PriorityRow(int axisNumber, Priority priority) {
	}

	private record MeasureRow(int pactPosition, NationalMeasure measure) {
	}

	private interface RowMapper<T> {

		T map(ResultSet row) throws SQLException;

	}

	private static <T> List<T> query(Connection connection, String sql, String pacteId, RowMapper<T> mapper)
			throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, pacteId);
			try (ResultSet rows = statement.executeQuery()) {
				List<T> result = new ArrayList<>();
				while (rows.next()) {
					result.add(mapper.map(rows));
				}
				return result;
			}
		}
	}

	private static List<String> texts(Array array) throws SQLException {
		return (array != null) ? List.of((String[]) array.getArray()) : List.of();
	}

	private static void set(PreparedStatement statement, Object... values) throws SQLException {
		for (int i = 0; i < values.length; i++) {
			Object value = values[i];
			if (value == null) {
				statement.setNull(i + 1, Types.OTHER);
			}
			else {
				statement.setObject(i + 1, value);
			}
		}
	}

	/** A prepared statement run as one batch when closed. */
	private static final class Batch implements AutoCloseable {

		private final Connection connection;

		private final PreparedStatement statement;

		private boolean flushed;

		Batch(Connection connection, String sql) throws SQLException {
			this.connection = connection;
			this.statement = connection.prepareStatement(sql);
		}

		void add(Object... values) throws SQLException {
			set(this.statement, values);
			this.statement.addBatch();
		}

		Array texts(List<String> values) throws SQLException {
			return this.connection.createArrayOf("text", values.toArray());
		}

		void flush() throws SQLException {
			if (!this.flushed) {
				this.flushed = true;
				this.statement.executeBatch();
			}
		}

		@Override
		public void close() throws SQLException {
			try {
				flush();
			}
			finally {
				this.statement.close();
			}
		}

	}

}
