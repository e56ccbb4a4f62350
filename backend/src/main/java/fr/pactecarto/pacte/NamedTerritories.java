package fr.pactecarto.pacte;

import java.util.ArrayList;
import java.util.List;

import io.r2dbc.spi.Readable;

import fr.pactecarto.territory.TerritoryKey;
import fr.pactecarto.territory.TerritoryKind;

/**
 * The territories a list of cited codes names (actions' {@code cited_as}, funding lines' {@code partner_codes}),
 * resolved by the database in the statement that reads the list: distinct, in the order first cited, imported
 * territories only ({@code pacte_resolve}, migration V5).
 */
public final class NamedTerritories {

	private NamedTerritories() {
	}

	/**
	 * A {@code CROSS JOIN LATERAL} giving columns {@code named.kinds} and {@code named.codes} for the codes of
	 * column {@code codes} cited in the pacte of column {@code pacte}.
	 */
	public static String lateral(String pacte, String codes) {
		return """
				CROSS JOIN LATERAL (
				    SELECT coalesce(array_agg(r.kind ORDER BY r.first), '{}') AS kinds,
				           coalesce(array_agg(r.code ORDER BY r.first), '{}') AS codes
				    FROM (SELECT t.kind, t.code, min(c.n) AS first
				          FROM unnest(%2$s) WITH ORDINALITY AS c(cited, n)
				          CROSS JOIN LATERAL pacte_resolve(%1$s, c.cited) t
				          GROUP BY t.kind, t.code) r
				) named
				""".formatted(pacte, codes);
	}

	/** The territories of a row's columns {@code kinds} and {@code codes} (as selected from {@link #lateral}). */
	public static List<TerritoryKey> of(Readable row, String kinds, String codes) {
		String[] kindValues = row.get(kinds, String[].class);
		String[] codeValues = row.get(codes, String[].class);
		List<TerritoryKey> keys = new ArrayList<>(kindValues.length);
		for (int i = 0; i < kindValues.length; i++) {
			keys.add(new TerritoryKey(TerritoryKind.valueOf(kindValues[i]), codeValues[i]));
		}
		return List.copyOf(keys);
	}

}
