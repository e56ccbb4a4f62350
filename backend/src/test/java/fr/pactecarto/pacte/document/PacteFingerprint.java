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
			// imported_at is left out: a replaced pacte has a new one; so are the bookkeeping of edits (V8: versions
			// come from a sequence, updated_at/updated_by), and archived_at counts only as archived or not.
			String row = "(to_jsonb(t) - 'imported_at' - 'version' - 'updated_at' - 'updated_by' - 'archived_at' "
					+ "|| CASE WHEN to_jsonb(t) ? 'archived_at' THEN jsonb_build_object('archived', "
					+ "to_jsonb(t) -> 'archived_at' <> 'null'::jsonb) ELSE '{}'::jsonb END)::text";
			all.append(table)
				.append('=')
				.append(jdbc.queryForObject("SELECT coalesce(md5(string_agg(" + row + ", '|' ORDER BY " + row + ")), '-') FROM "
						+ table + " t", String.class))
				.append(' ');
		}
		return all.toString();
	}

}
