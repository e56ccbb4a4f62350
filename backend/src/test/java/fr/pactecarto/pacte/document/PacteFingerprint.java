package fr.pactecarto.pacte.document;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/** Every row of every pacte table, as one md5: equal fingerprints, identical stored pactes. */
final class PacteFingerprint {

	static final List<String> TABLES = List.of("pacte", "pacte_alias", "pacte_map_layer", "pacte_axis",
			"pacte_priority", "pacte_theme", "pacte_action", "pacte_action_theme", "pacte_funding_line",
			"pacte_national_pact", "pacte_national_measure", "pacte_local_pact_section");

	private PacteFingerprint() {
	}

	static String of(JdbcTemplate jdbc) {
		StringBuilder all = new StringBuilder();
		for (String table : TABLES) {
			// imported_at is left out: a replaced pacte has a new one; everything else must be the same.
			String row = "(to_jsonb(t) - 'imported_at')::text";
			all.append(table)
				.append('=')
				.append(jdbc.queryForObject("SELECT coalesce(md5(string_agg(" + row + ", '|' ORDER BY " + row + ")), '-') FROM "
						+ table + " t", String.class))
				.append(' ');
		}
		return all.toString();
	}

}
