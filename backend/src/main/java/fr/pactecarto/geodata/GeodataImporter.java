package fr.pactecarto.geodata;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import fr.pactecarto.territory.TerritoryKind;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Imports the official contours into {@code territory}: each file is streamed feature by feature into a
 * staging table with COPY, then merged in one transaction (insert new, update only what changed, delete
 * what vanished, repair invalid outlines, simplify the outlines per zoom band). A file that fails leaves the
 * previous data as it was; running it twice changes nothing the second time.
 */
@Component
public class GeodataImporter {

	private static final Logger logger = LoggerFactory.getLogger(GeodataImporter.class);

	private static final int MAX_LISTED_REJECTIONS = 5;

	// Serialises imports (the app at start, the import command, tests) on the same database.
	private static final String LOCK = "SELECT pg_advisory_xact_lock(hashtext('pacte-carto geodata import'))";

	private static final String STAGING = """
			CREATE TEMP TABLE geodata_staging (
			    number integer, code text, name text, nature text, region text, department text, epci text,
			    population integer, geometry text
			) ON COMMIT DROP;
			CREATE TEMP TABLE geodata_changed (code text PRIMARY KEY) ON COMMIT DROP
			""";

	private static final String DUPLICATE_CODES = """
			SELECT code, string_agg('#' || number, ', ' ORDER BY number) AS features
			FROM geodata_staging GROUP BY code HAVING count(*) > 1 ORDER BY code LIMIT 5
			""";

	// Invalid outlines are repaired (ST_MakeValid keeps their area) and counted, never dropped.
	private static final String PREPARE = """
			CREATE TEMP TABLE geodata_prepared ON COMMIT DROP AS
			SELECT s.*, NOT v.valid AS repaired,
			       ST_Multi(CASE WHEN v.valid THEN g.geom ELSE ST_CollectionExtract(ST_MakeValid(g.geom), 3) END) AS geom
			FROM geodata_staging s
			CROSS JOIN LATERAL (SELECT ST_Force2D(ST_SetSRID(ST_GeomFromGeoJSON(s.geometry), 4326)) AS geom) g
			CROSS JOIN LATERAL (SELECT ST_IsValid(g.geom) AS valid) v
			""";

	private static final String EMPTY_AFTER_REPAIR = """
			SELECT number, code FROM geodata_prepared WHERE ST_IsEmpty(geom) ORDER BY number LIMIT 5
			""";

	// Parents: commune -> EPCI (or department when it has none) -> department -> region. The EPCI files name
	// no department: an EPCI hangs under the department holding its label point.
	private static String rows(TerritoryKind kind) {
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

	private static final String UPSERT = """
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

	// Outlines of what changed, and of any territory that lacks them, are rebuilt.
	private static final String OUTLINES_TO_BUILD = """
			INSERT INTO geodata_changed
			SELECT t.code FROM territory t
			WHERE t.kind = ? AND NOT EXISTS (SELECT 1 FROM territory_outline o WHERE o.kind = t.kind AND o.code = t.code)
			ON CONFLICT DO NOTHING
			""";

	private static final String DELETE_OUTLINES = """
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
	private static final String OUTLINES = """
			INSERT INTO territory_outline (kind, code, max_zoom, geom, geojson)
			SELECT t.kind, t.code, b.max_zoom, b.geom, ST_AsGeoJSON(b.geom, ceil(log(256 * 2 ^ b.max_zoom / 360.0))::int)
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

	private static final String DELETE_VANISHED = """
			DELETE FROM territory t
			WHERE t.kind = ? AND NOT EXISTS (SELECT 1 FROM geodata_staging s WHERE s.code = t.code)
			""";

	private final DataSource dataSource;

	private final String source;

	GeodataImporter(DataSource dataSource, @Value("${pacte.geodata.source}") String source) {
		this.dataSource = dataSource;
		this.source = source;
	}

	/** Imports the four files of {@code pacte.geodata.source} ({@code PACTE_GEODATA}). */
	public List<FileReport> importAll() {
		return importAll(new GeodataSource(this.source));
	}

	/** Imports the four files of this source in order, each in its own transaction; stops at the first failure. */
	public List<FileReport> importAll(GeodataSource source) {
		logger.info("Importing territories from {}", source.location());
		List<FileReport> reports = new ArrayList<>();
		for (GeodataLayer layer : GeodataLayer.values()) {
			try (GeodataSource.Input input = source.open(layer)) {
				reports.add(importFile(layer, input));
			}
			catch (IOException ex) {
				throw new GeodataImportException(layer.fileName() + ": " + ex.getMessage(), ex);
			}
		}
		return reports;
	}

	/** Imports one file of a layer in one transaction: all of it, or nothing. */
	public FileReport importFile(GeodataLayer layer, GeodataSource.Input input) {
		long start = System.nanoTime();
		String kind = layer.kind().name();
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try {
				execute(connection, LOCK);
				execute(connection, STAGING);
				// A whole file of bad features must not fill the memory: count them all, list the first few.
				int[] rejected = { 0 };
				List<String> listed = new ArrayList<>();
				int read = copy(connection, layer, input, reason -> {
					if (rejected[0]++ < MAX_LISTED_REJECTIONS) {
						listed.add(reason);
					}
				});
				if (rejected[0] > 0) {
					throw new GeodataImportException(input.name() + ": " + rejected[0]
							+ " feature(s) rejected, nothing stored: " + String.join("; ", listed));
				}
				if (read == 0) {
					throw new GeodataImportException(input.name() + ": no features (refusing to delete every "
							+ layer.kind() + ")");
				}
				failIfAny(connection, DUPLICATE_CODES, input.name() + ": the same code on several features: ",
						row -> row.getString("code") + " (features " + row.getString("features") + ")");
				execute(connection, PREPARE);
				failIfAny(connection, EMPTY_AFTER_REPAIR, input.name() + ": outline empty once repaired: ",
						row -> "feature #" + row.getInt("number") + " (code " + row.getString("code") + ")");
				int repaired = count(connection, "SELECT count(*) FROM geodata_prepared WHERE repaired");
				execute(connection, rows(layer.kind()));
				int stored = update(connection, UPSERT);
				update(connection, OUTLINES_TO_BUILD, kind);
				update(connection, DELETE_OUTLINES, kind);
				update(connection, OUTLINES, kind);
				int deleted = update(connection, DELETE_VANISHED, kind);
				connection.commit();
				FileReport report = new FileReport(input.name(), read, stored, repaired, 0, deleted,
						Duration.ofNanos(System.nanoTime() - start));
				logger.info("{}", report);
				return report;
			}
			catch (RuntimeException | SQLException ex) {
				connection.rollback();
				throw ex;
			}
		}
		catch (SQLException ex) {
			throw new GeodataImportException(input.name() + ": the database refused the import (" + ex.getMessage()
					+ "); the previous data is unchanged", ex);
		}
	}

	/** Streams the features into {@code geodata_staging} with COPY, a buffer at a time. */
	private static int copy(Connection connection, GeodataLayer layer, GeodataSource.Input input, Consumer<String> rejected)
			throws SQLException {
		CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY geodata_staging FROM STDIN");
		try {
			StringBuilder buffer = new StringBuilder(1 << 17);
			int read = new ContourFileReader(input.name(), layer).read(input.content(), feature -> {
				appendRow(buffer, feature);
				if (buffer.length() > (1 << 16)) {
					flush(copy, buffer);
				}
			}, rejected);
			flush(copy, buffer);
			copy.endCopy();
			return read;
		}
		finally {
			if (copy.isActive()) {
				copy.cancelCopy();
			}
		}
	}

	private static void flush(CopyIn copy, StringBuilder buffer) {
		byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
		buffer.setLength(0);
		try {
			copy.writeToCopy(bytes, 0, bytes.length);
		}
		catch (SQLException ex) {
			throw new GeodataImportException("COPY into the staging table failed: " + ex.getMessage(), ex);
		}
	}

	private static void appendRow(StringBuilder row, ContourFeature feature) {
		row.append(feature.number()).append('\t');
		for (String value : new String[] { feature.code(), feature.name(), feature.nature(), feature.region(),
				feature.department(), feature.epci() }) {
			appendText(row, value);
			row.append('\t');
		}
		row.append((feature.population() != null) ? feature.population().toString() : "\\N").append('\t');
		appendText(row, feature.geometry());
		row.append('\n');
	}

	// COPY text format: backslash, tab, newline and carriage return are escaped; \N is NULL.
	private static void appendText(StringBuilder row, String value) {
		if (value == null) {
			row.append("\\N");
			return;
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '\\' -> row.append("\\\\");
				case '\t' -> row.append("\\t");
				case '\n' -> row.append("\\n");
				case '\r' -> row.append("\\r");
				default -> row.append(c);
			}
		}
	}

	private interface RowText {

		String of(ResultSet row) throws SQLException;

	}

	private static void failIfAny(Connection connection, String sql, String message, RowText describe) throws SQLException {
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

	private static void execute(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private static int count(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getInt(1);
		}
	}

	private static int update(Connection connection, String sql, String... parameters) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				statement.setString(i + 1, parameters[i]);
			}
			return statement.executeUpdate();
		}
	}

}
