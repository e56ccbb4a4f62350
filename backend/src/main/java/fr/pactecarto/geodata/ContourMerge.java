package fr.pactecarto.geodata;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import fr.pactecarto.territory.TerritoryKind;

/**
 * The SQL of a contour file's import, in the order {@link GeodataImporter} runs it on one transaction: staging
 * tables, checks, repair, then the merge into {@code territory} (insert new, update only what changed, delete
 * what vanished) and the outlines per zoom band.
 */
final class ContourMerge {

	/** How many rejected features an error lists (all are counted). */
	static final int MAX_LISTED_REJECTIONS = 5;

	// Serialises imports (the app at start, the import command, tests) on the same database.
	static final String LOCK = "SELECT pg_advisory_xact_lock(hashtext('pacte-carto geodata import'))";

	static final String STAGING = """
			CREATE TEMP TABLE geodata_staging (
			    number integer, code text, name text, nature text, region text, department text, epci text,
			    population integer, geometry text
			) ON COMMIT DROP;
			CREATE TEMP TABLE geodata_changed (code text PRIMARY KEY) ON COMMIT DROP
			""";

	static final String DUPLICATE_CODES = """
			SELECT code, string_agg('#' || number, ', ' ORDER BY number) AS features
			FROM geodata_staging GROUP BY code HAVING count(*) > 1 ORDER BY code LIMIT 5
			""";

	/*
	 * For the statements of a whole file: JIT compilation took 0.3-0.4 s per statement and speeds up none of this
	 * PostGIS work (the 13 regions took 2.1 s), and memoizing each simplified outline by its bytes cost more than
	 * it saved (the communes' outlines: 13.2 s with both, 10.5 s without). Undone at the transaction's end.
	 */
	static final String SETTINGS = "SET LOCAL jit = off; SET LOCAL enable_memoize = off";

	/*
	 * Invalid outlines are repaired (ST_MakeValid keeps their area) and counted, never dropped. OFFSET 0 keeps
	 * each geometry read and checked once: inlined, it was read three times and checked twice per feature (the
	 * 34,868 communes: 10.9 s, against 5.1 s; 2.8 s once read from EWKB rather than GeoJSON).
	 */
	static final String PREPARE = """
			CREATE TEMP TABLE geodata_prepared ON COMMIT DROP AS
			SELECT s.*, NOT v.valid AS repaired,
			       ST_Multi(CASE WHEN v.valid THEN g.geom ELSE ST_CollectionExtract(ST_MakeValid(g.geom), 3) END) AS geom
			FROM geodata_staging s
			CROSS JOIN LATERAL (SELECT CAST(s.geometry AS geometry) AS geom OFFSET 0) g
			CROSS JOIN LATERAL (SELECT ST_IsValid(g.geom) AS valid OFFSET 0) v
			""";

	static final String EMPTY_AFTER_REPAIR = """
			SELECT number, code FROM geodata_prepared WHERE ST_IsEmpty(geom) ORDER BY number LIMIT 5
			""";

	// Parents: commune -> EPCI (or department when it has none) -> department -> region. The EPCI files name
	// no department: an EPCI hangs under the department holding its label point.
	static String rows(TerritoryKind kind) {
		// region_code, department_code, epci_code, parent_kind, parent_code
		String parents = switch (kind) {
			case REGION -> "p.code, NULL, NULL, NULL, NULL";
			case DEPARTMENT -> "p.region, p.code, NULL, CASE WHEN p.region IS NOT NULL THEN 'REGION' END, p.region";
			case EPCI -> "d.region_code, d.code, p.code, CASE WHEN d.code IS NOT NULL THEN 'DEPARTMENT' END, d.code";
			case COMMUNE -> "p.region, p.department, p.epci, "
					+ "CASE WHEN p.epci IS NOT NULL THEN 'EPCI' WHEN p.department IS NOT NULL THEN 'DEPARTMENT' END, "
					+ "coalesce(p.epci, p.department)";
		};
		return """
				CREATE TEMP TABLE geodata_rows ON COMMIT DROP AS
				SELECT '%s'::text AS kind, p.code, p.name, p.nature AS epci_nature, parents.*,
				       p.population, p.geom, p.label_point,
				       ST_XMin(p.geom) AS west, ST_YMin(p.geom) AS south, ST_XMax(p.geom) AS east, ST_YMax(p.geom) AS north
				FROM (SELECT *, ST_PointOnSurface(geom) AS label_point FROM geodata_prepared) p
				LEFT JOIN LATERAL (
				    SELECT t.code, t.region_code FROM territory t
				    WHERE '%1$s' = 'EPCI' AND t.kind = 'DEPARTMENT' AND ST_Intersects(t.geom, p.label_point)
				    ORDER BY t.code LIMIT 1
				) d ON true
				CROSS JOIN LATERAL (SELECT %s) AS parents(region_code, department_code, epci_code, parent_kind, parent_code)
				""".formatted(kind.name(), parents);
	}

	static final String UPSERT = """
			WITH upserted AS (
			    INSERT INTO territory AS t (kind, code, name, epci_nature, region_code, department_code, epci_code,
			                                parent_kind, parent_code, population, geom, label_point, west, south, east, north)
			    SELECT * FROM geodata_rows
			    ON CONFLICT (kind, code) DO UPDATE SET
			        name = EXCLUDED.name, epci_nature = EXCLUDED.epci_nature, region_code = EXCLUDED.region_code,
			        department_code = EXCLUDED.department_code, epci_code = EXCLUDED.epci_code,
			        parent_kind = EXCLUDED.parent_kind, parent_code = EXCLUDED.parent_code,
			        population = EXCLUDED.population, geom = EXCLUDED.geom, label_point = EXCLUDED.label_point,
			        west = EXCLUDED.west, south = EXCLUDED.south, east = EXCLUDED.east, north = EXCLUDED.north
			    WHERE (t.name, t.epci_nature, t.region_code, t.department_code, t.epci_code, t.parent_kind,
			           t.parent_code, t.population, ST_AsEWKB(t.geom))
			          IS DISTINCT FROM
			          (EXCLUDED.name, EXCLUDED.epci_nature, EXCLUDED.region_code, EXCLUDED.department_code,
			           EXCLUDED.epci_code, EXCLUDED.parent_kind, EXCLUDED.parent_code, EXCLUDED.population,
			           ST_AsEWKB(EXCLUDED.geom))
			    RETURNING t.code
			)
			INSERT INTO geodata_changed SELECT code FROM upserted
			""";

	// Outlines and pieces of what changed, and of any territory that lacks them, are rebuilt.
	static final String OUTLINES_TO_BUILD = """
			INSERT INTO geodata_changed
			SELECT t.code FROM territory t
			WHERE t.kind = ?
			  AND (NOT EXISTS (SELECT 1 FROM territory_outline o WHERE o.kind = t.kind AND o.code = t.code)
			       OR NOT EXISTS (SELECT 1 FROM territory_piece p WHERE p.kind = t.kind AND p.code = t.code))
			ON CONFLICT DO NOTHING
			""";

	static final String DELETE_OUTLINES = """
			DELETE FROM territory_outline o USING geodata_changed c WHERE o.kind = ? AND o.code = c.code
			""";

	/*
	 * One outline per band of web-map zooms, for the band's deepest zoom z: simplified to one pixel there
	 * (360° / (256 · 2^z) degrees) and its GeoJSON rounded to the decimals a pixel needs; the last band (13–20)
	 * keeps every vertex. Each band is simplified from the next finer one, not from the full outline: far
	 * fewer vertices to go through, for an error under 1.4 pixel. The GeoJSON text is stored so that a map
	 * request does no geometry work. (OFFSET 0 keeps PostgreSQL from inlining each band into the next, which
	 * would simplify the finer bands again for every coarser one.)
	 */
	static final String OUTLINES = """
			INSERT INTO territory_outline (kind, code, max_zoom, geojson)
			SELECT t.kind, t.code, b.max_zoom, ST_AsGeoJSON(b.geom, ceil(log(256 * 2 ^ b.max_zoom / 360.0))::int)
			FROM territory t
			JOIN geodata_changed c ON t.kind = ? AND t.code = c.code
			CROSS JOIN LATERAL (SELECT ST_Multi(ST_SimplifyPreserveTopology(t.geom, 360.0 / (256 * 2 ^ 12))) AS geom OFFSET 0) z12
			CROSS JOIN LATERAL (SELECT ST_Multi(ST_SimplifyPreserveTopology(z12.geom, 360.0 / (256 * 2 ^ 10))) AS geom OFFSET 0) z10
			CROSS JOIN LATERAL (SELECT ST_Multi(ST_SimplifyPreserveTopology(z10.geom, 360.0 / (256 * 2 ^ 8))) AS geom OFFSET 0) z8
			CROSS JOIN LATERAL (SELECT ST_Multi(ST_SimplifyPreserveTopology(z8.geom, 360.0 / (256 * 2 ^ 6))) AS geom OFFSET 0) z6
			CROSS JOIN LATERAL (SELECT ST_Multi(ST_SimplifyPreserveTopology(z6.geom, 360.0 / (256 * 2 ^ 4))) AS geom OFFSET 0) z4
			CROSS JOIN LATERAL (VALUES (4, z4.geom), (6, z6.geom), (8, z8.geom), (10, z10.geom), (12, z12.geom), (20, t.geom))
			    AS b(max_zoom, geom)
			""";

	// Columns that the joins on changed territories use: no statistics on the outlines, whose sampling takes longer.
	static final String ANALYZE_CHANGED = "ANALYZE territory (kind, code), geodata_changed";

	static final String DELETE_PIECES = """
			DELETE FROM territory_piece p USING geodata_changed c WHERE p.kind = ? AND p.code = c.code
			""";

	// The full outline in pieces of at most 255 vertices, for point look-ups (migration V9).
	static final String PIECES = """
			INSERT INTO territory_piece (kind, code, geom)
			SELECT t.kind, t.code, ST_Subdivide(t.geom, 255)
			FROM territory t
			JOIN geodata_changed c ON t.kind = ? AND t.code = c.code
			""";

	static final String DELETE_VANISHED = """
			DELETE FROM territory t
			WHERE t.kind = ? AND NOT EXISTS (SELECT 1 FROM geodata_staging s WHERE s.code = t.code)
			""";

	private ContourMerge() {
	}

	interface RowText {

		String of(ResultSet row) throws SQLException;

	}

	static void failIfAny(Connection connection, String sql, String message, RowText describe) throws SQLException {
		List<String> found = new ArrayList<>();
		try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
			while (rows.next()) {
				found.add(describe.of(rows));
			}
		}
		if (!found.isEmpty()) {
			throw new GeodataImportException(message + String.join(", ", found) + "; nothing stored");
		}
	}

	static void execute(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	static int count(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getInt(1);
		}
	}

	static int update(Connection connection, String sql, String... parameters) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				statement.setString(i + 1, parameters[i]);
			}
			return statement.executeUpdate();
		}
	}

}
