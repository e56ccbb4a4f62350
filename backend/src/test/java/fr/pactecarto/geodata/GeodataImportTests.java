package fr.pactecarto.geodata;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import fr.pactecarto.support.TestTerritories;
import fr.pactecarto.support.PacteIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@PacteIntegrationTest
class GeodataImportTests {

	// Everything the import writes, as one fingerprint.
	private static final String FINGERPRINT = """
			SELECT md5(string_agg(concat_ws('|', t.kind, t.code, t.name, t.parent_kind, t.parent_code, t.population,
			       ST_AsEWKB(t.geom), ST_AsEWKB(t.label_point),
			       (SELECT string_agg(o.max_zoom || o.geojson, ',' ORDER BY o.max_zoom) FROM territory_outline o
			        WHERE o.kind = t.kind AND o.code = t.code),
			       (SELECT string_agg(md5(ST_AsEWKB(p.geom)), ',' ORDER BY md5(ST_AsEWKB(p.geom))) FROM territory_piece p
			        WHERE p.kind = t.kind AND p.code = t.code)), ',' ORDER BY t.kind, t.code))
			FROM territory t
			""";

	@Autowired
	GeodataImporter importer;

	@Autowired
	JdbcTemplate jdbc;

	@TempDir
	Path directory;

	@BeforeEach
	void pacaImported() {
		TestTerritories.ensureImported(this.importer);
	}

	@Test
	void theTestContoursAreFrancesRegionsAndDepartmentsWithPacasEpciAndCommunes() {
		Map<String, Long> counts = this.jdbc.queryForList("SELECT kind, count(*) AS n FROM territory GROUP BY kind")
			.stream()
			.collect(Collectors.toMap(row -> (String) row.get("kind"), row -> (Long) row.get("n")));
		assertThat(counts).containsExactlyInAnyOrderEntriesOf(
				Map.of("REGION", 13L, "DEPARTMENT", 101L, "EPCI", 52L, "COMMUNE", 946L));
		assertThat(this.jdbc.queryForList("SELECT code FROM territory WHERE epci_nature = 'METRO' ORDER BY code",
				String.class))
			.containsExactly("200030195", "200054807", "248300543");
	}

	@Test
	void everyTerritoryHasAValidOutlineItsLabelPointAndOneOutlinePerZoomBand() {
		assertThat(this.jdbc.queryForObject("""
				SELECT count(*) FROM territory
				WHERE NOT ST_IsValid(geom) OR NOT ST_Intersects(geom, label_point)
				   OR (SELECT count(*) FROM territory_outline o WHERE o.kind = territory.kind AND o.code = territory.code) <> 6
				""", Long.class)).isZero();
	}

	@Test
	void everyTerritorysPiecesAreSmallAndCoverExactlyItsOutline() {
		// The pieces territoriesAt tests points on (migration V9): at most 255 vertices, together the whole outline.
		assertThat(this.jdbc.queryForObject("""
				SELECT count(*) FROM territory t
				WHERE NOT EXISTS (SELECT 1 FROM territory_piece p WHERE p.kind = t.kind AND p.code = t.code)
				   OR EXISTS (SELECT 1 FROM territory_piece p WHERE p.kind = t.kind AND p.code = t.code AND ST_NPoints(p.geom) > 255)
				   OR abs(ST_Area(t.geom) - (SELECT sum(ST_Area(p.geom)) FROM territory_piece p
				                              WHERE p.kind = t.kind AND p.code = t.code)) > 1e-9 * greatest(ST_Area(t.geom), 1e-9)
				""", Long.class)).isZero();
		assertThat(this.jdbc.queryForObject("SELECT count(*) > count(DISTINCT (kind, code)) FROM territory_piece",
				Boolean.class)).as("large outlines are cut").isTrue();
	}

	@Test
	void aSecondImportChangesNothing() {
		String before = fingerprint();
		List<FileReport> reports = this.importer.importAll();
		assertThat(reports).extracting(FileReport::read).containsExactly(13, 101, 52, 946);
		assertThat(reports).allSatisfy(report -> {
			assertThat(report.stored()).as(report.file()).isZero();
			assertThat(report.deleted()).as(report.file()).isZero();
		});
		assertThat(fingerprint()).isEqualTo(before);
	}

	// The importer hands PostGIS hex EWKB written from the parsed file, not the GeoJSON text: the same doubles as
	// PostGIS reading the GeoJSON itself, a third coordinate dropped.
	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			polygon with a hole   | {"type": "Polygon", "coordinates": [[[5.1, 43.2], [5.9, 43.2], [5.9, 43.8], [5.1, 43.2]], [[5.5, 43.3], [5.6, 43.3], [5.6, 43.4], [5.5, 43.3]]]}
			three coordinates     | {"type": "Polygon", "coordinates": [[[5.123456789012345, 43.1, 120.5], [6, 43, 7], [6.00000000000000044, 44.99999999999999, 0], [5.123456789012345, 43.1, 120.5]]]}
			multipolygon          | {"type": "MultiPolygon", "coordinates": [[[[-61.5, 16.2], [-61.2, 16.2], [-61.2, 16.5], [-61.5, 16.2]]], [[[45.1, -12.9], [45.3, -12.9], [45.3, -12.7], [45.1, -12.7], [45.1, -12.9]]]]}
			""")
	void aGeometryReachesPostgisExactlyAsItsGeoJsonSays(String what, String geoJson) {
		String wkb = ContourWkb.hex(tools.jackson.databind.json.JsonMapper.builder().build().readTree(geoJson));
		assertThat(this.jdbc.queryForObject("""
				SELECT ST_AsEWKB(CAST(? AS geometry)) = ST_AsEWKB(ST_Force2D(ST_SetSRID(ST_GeomFromGeoJSON(?), 4326)))
				""", Boolean.class, wkb, geoJson)).as(what).isTrue();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			malformed code          | "code": "13"      | "code": "1x3"        | feature #4 (code 1x3): malformed code '1x3'
			coordinates outside     | [ 5.67604, 44.19143 ] | [ 567.604, 44.19143 ] | feature #1 (code 04): coordinates outside WGS84
			wrong geometry type     | "type": "Polygon" | "type": "LineString" | feature #1 (code 04): wrong geometry type 'LineString'
			missing code            | "code": "84"      | "kode": "84"         | feature #6: missing property "code"
			not GeoJSON             | "FeatureCollection" | "Feature"          | not GeoJSON
			""")
	void aCorruptFileIsRejectedNamingTheFeatureAndTheDataStaysAsItWas(String corruption, String original,
			String replacement, String message) throws IOException {
		String content = Files.readString(pacaFile("departements.geojson"), StandardCharsets.UTF_8);
		assertThat(content).contains(original);
		assertRejected(write("departements.geojson", content.replaceFirst(java.util.regex.Pattern.quote(original),
				java.util.regex.Matcher.quoteReplacement(replacement))), message);
	}

	@Test
	void aTruncatedGzipIsRejectedAndTheDataStaysAsItWas() throws IOException {
		ByteArrayOutputStream gzip = new ByteArrayOutputStream();
		try (GZIPOutputStream out = new GZIPOutputStream(gzip)) {
			out.write(Files.readAllBytes(pacaFile("communes.geojson")));
		}
		byte[] truncated = Arrays.copyOf(gzip.toByteArray(), gzip.size() / 2);
		Path file = this.directory.resolve("communes.geojson.gz");
		Files.write(file, truncated);
		assertRejected(file, "truncated or corrupt gzip");
	}

	private void assertRejected(Path file, String message) {
		String before = fingerprint();
		GeodataLayer layer = Arrays.stream(GeodataLayer.values())
			.filter(l -> file.getFileName().toString().startsWith(l.fileName()))
			.findFirst()
			.orElseThrow();
		assertThatExceptionOfType(GeodataImportException.class).isThrownBy(() -> {
			try (GeodataSource.Input input = new GeodataSource(this.directory.toString()).open(layer)) {
				this.importer.importFile(layer, input);
			}
		}).withMessageContaining(file.toString()).withMessageContaining(message);
		assertThat(fingerprint()).isEqualTo(before);
	}

	private Path write(String name, String content) throws IOException {
		return Files.writeString(this.directory.resolve(name), content, StandardCharsets.UTF_8);
	}

	// The corrupted copies start from PACA's uncompressed files (../shared/geodata/paca beside the project).
	private static Path pacaFile(String name) {
		return Path.of("..", "..", "shared", "geodata", "paca", name);
	}

	private String fingerprint() {
		return this.jdbc.queryForObject(FINGERPRINT, String.class);
	}

}
