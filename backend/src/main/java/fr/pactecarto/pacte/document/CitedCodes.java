package fr.pactecarto.pacte.document;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import fr.pactecarto.pacte.document.PacteDocument.Alias;

/**
 * Checks the codes a document cites against its aliases and the imported territories, the way the view
 * {@code pacte_cited_territory} will resolve them: an alias of the pacte (case-insensitive), else an official
 * code. A code naming nothing is an error once territories of the kinds it could be are imported, and a
 * warning (once per code) while none are: a pacte may be loaded before its contours. A code that has the
 * shape of no official code and is no alias is always an error.
 */
final class CitedCodes {

	private static final String IMPORTED_KINDS = "SELECT kind, count(*) FROM territory GROUP BY kind";

	private static final String EXISTING = "SELECT kind, code FROM territory WHERE code = ANY (?)";

	private CitedCodes() {
	}

	static void check(ReadDocument read, Connection connection) throws SQLException {
		PacteDocument document = read.document();
		Problems problems = read.problems();
		Map<String, Long> imported = importedKinds(connection);
		Set<String> codes = new HashSet<>();
		codes.add(document.region());
		for (Citation citation : read.citations()) {
			codes.add(citation.code().toUpperCase(Locale.ROOT));
		}
		Set<String> existing = new HashSet<>(); // "KIND code" and plain codes
		try (PreparedStatement statement = connection.prepareStatement(EXISTING)) {
			statement.setArray(1, connection.createArrayOf("text", codes.toArray()));
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					existing.add(rows.getString(1) + " " + rows.getString(2));
					existing.add(rows.getString(2));
				}
			}
		}
		Map<String, Alias> aliases = new HashMap<>();
		for (Alias alias : document.aliases()) {
			aliases.putIfAbsent(alias.alias().toLowerCase(Locale.ROOT), alias);
		}
		Map<String, Unchecked> unchecked = new LinkedHashMap<>();
		if (!existing.contains("REGION " + document.region())) {
			problems.warning("region", 0, imported.containsKey("REGION")
					? "region " + document.region() + " is not among the imported regions: the map will have no outline for it"
					: "no region imported yet: region " + document.region() + " not checked");
		}
		for (Citation citation : read.citations()) {
			if (citation.isAliasTarget()) {
				if (existing.contains(citation.kind() + " " + citation.code())) {
					continue;
				}
				if (imported.containsKey(citation.kind())) {
					problems.error(citation.path(), citation.line(), citation.kind() + " " + citation.code()
							+ " is not among the imported territories");
				}
				else {
					unchecked.computeIfAbsent(citation.kind() + " " + citation.code(),
							key -> new Unchecked(citation, Set.of(citation.kind()))).count++;
				}
				continue;
			}
			if (aliases.containsKey(citation.code().toLowerCase(Locale.ROOT))) {
				continue;
			}
			String code = citation.code().toUpperCase(Locale.ROOT);
			Set<String> kinds = DocumentBinder.CODE_FORMATS.entrySet()
				.stream()
				.filter(format -> format.getValue().matcher(code).matches())
				.map(Map.Entry::getKey)
				.collect(Collectors.toCollection(TreeSet::new));
			if (kinds.isEmpty()) {
				problems.error(citation.path(), citation.line(),
						"'" + citation.code() + "' is neither an alias of this pacte nor a territory code");
			}
			else if (existing.contains(code)) {
				continue;
			}
			else if (kinds.stream().anyMatch(imported::containsKey)) {
				problems.error(citation.path(), citation.line(), "'" + citation.code()
						+ "' names no imported territory (" + String.join(" or ", kinds) + ") and no alias of this pacte");
			}
			else {
				unchecked.computeIfAbsent(code, key -> new Unchecked(citation, kinds)).count++;
			}
		}
		for (Map.Entry<String, Unchecked> entry : unchecked.entrySet()) {
			Unchecked first = entry.getValue();
			problems.warning(first.citation.path(), first.citation.line(), "'" + entry.getKey()
					+ "' not checked: no " + String.join(" or ", first.kinds) + " imported yet"
					+ ((first.count > 1) ? " (cited " + first.count + " times)" : ""));
		}
	}

	private static Map<String, Long> importedKinds(Connection connection) throws SQLException {
		Map<String, Long> kinds = new HashMap<>();
		try (PreparedStatement statement = connection.prepareStatement(IMPORTED_KINDS);
				ResultSet rows = statement.executeQuery()) {
			while (rows.next()) {
				kinds.put(rows.getString(1), rows.getLong(2));
			}
		}
		return kinds;
	}

	private static final class Unchecked {

		final Citation citation;

		final Set<String> kinds;

		int count;

		Unchecked(Citation citation, Set<String> kinds) {
			this.citation = citation;
			this.kinds = kinds;
		}

	}

}
