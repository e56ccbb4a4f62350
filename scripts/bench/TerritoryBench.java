import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * The map's first view (6 departments, 3 metropolises, the City of Marseille, outlines at zoom 8): its size,
 * its latency over HTTP beside the raw SQL round trip returning the same rows, and a keep-alive run against
 * /actuator/health. Run by scripts/bench/territory.sh: java -cp postgresql.jar TerritoryBench.java URL JDBC_URL.
 */
public class TerritoryBench {

	static final String QUERY = """
			{ territories(filter: {codes: ["04", "05", "06", "13", "83", "84", "AMP", "NCA", "TPM", "VdM"]}) {
			    code name kind labelPoint { lon lat } geometry(zoom: 8) } }""";

	// The same rows straight from PostGIS: what the HTTP figure is compared with.
	static final String SQL = """
			SELECT t.code, t.name, t.kind, ST_X(t.label_point) AS lon, ST_Y(t.label_point) AS lat, o.geojson
			FROM territory t
			JOIN LATERAL (SELECT geojson FROM territory_outline o WHERE o.kind = t.kind AND o.code = t.code
			              AND o.max_zoom >= 8 ORDER BY o.max_zoom LIMIT 1) o ON true
			WHERE (t.kind = 'DEPARTMENT' AND t.code IN ('04', '05', '06', '13', '83', '84'))
			   OR (t.kind = 'EPCI' AND t.code IN ('200054807', '200030195', '248300543'))
			   OR (t.kind = 'COMMUNE' AND t.code = '13055')
			""";

	static final int WARMUP = 2000;

	static final int RUNS = 2000;

	public static void main(String[] args) throws Exception {
		String base = args[0];
		String jdbcUrl = args[1];
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		String body = "{\"query\":" + jsonString(QUERY) + "}";
		HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/graphql"))
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(10))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();

		String json = client.send(request, HttpResponse.BodyHandlers.ofString()).body();
		if (!json.contains("\"geometry\"") || json.contains("\"errors\"")) {
			throw new IllegalStateException("unexpected answer: " + json.substring(0, Math.min(300, json.length())));
		}
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(gzipped)) {
			gzip.write(bytes);
		}
		System.out.printf(Locale.ROOT, "first view: %d territories, %.1f KB of JSON, %.1f KB gzipped (target <= 50 KB)%n",
				json.split("\"code\"").length - 1, bytes.length / 1024.0, gzipped.size() / 1024.0);

		HttpRequest typename = HttpRequest.newBuilder(URI.create(base + "/graphql"))
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(10))
			.POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ __typename }\"}"))
			.build();
		// The three are interleaved, so that they share the machine's load and the JIT's state.
		long[] http = new long[RUNS];
		long[] sql = new long[RUNS];
		long[] empty = new long[RUNS];
		try (Connection connection = DriverManager.getConnection(jdbcUrl);
				PreparedStatement statement = connection.prepareStatement(SQL)) {
			for (int i = -WARMUP; i < RUNS; i++) {
				long start = System.nanoTime();
				HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
				long httpNanos = System.nanoTime() - start;
				if (response.statusCode() != 200 || response.body().length != bytes.length) {
					throw new IllegalStateException("run " + i + ": status " + response.statusCode());
				}
				start = System.nanoTime();
				int rows = 0;
				try (ResultSet result = statement.executeQuery()) {
					while (result.next()) {
						rows++;
						result.getString("code");
						result.getString("name");
						result.getString("kind");
						result.getDouble("lon");
						result.getDouble("lat");
						result.getString("geojson");
					}
				}
				long sqlNanos = System.nanoTime() - start;
				if (rows != 10) {
					throw new IllegalStateException("raw SQL returned " + rows + " rows, not 10");
				}
				start = System.nanoTime();
				client.send(typename, HttpResponse.BodyHandlers.ofByteArray());
				long emptyNanos = System.nanoTime() - start;
				if (i >= 0) {
					http[i] = httpNanos;
					sql[i] = sqlNanos;
					empty[i] = emptyNanos;
				}
			}
		}
		double httpP50 = percentile(http, 50);
		double sqlP50 = percentile(sql, 50);
		System.out.printf(Locale.ROOT, "first view over HTTP (keep-alive, %d runs): p50 %.2f ms, p99 %.2f ms%n", RUNS,
				httpP50, percentile(http, 99));
		System.out.printf(Locale.ROOT, "same rows by raw SQL (JDBC, %d runs):     p50 %.2f ms, p99 %.2f ms%n", RUNS, sqlP50,
				percentile(sql, 99));
		System.out.printf(Locale.ROOT, "HTTP p50 / SQL p50 = %.2f (target <= 1.5)%n", httpP50 / sqlP50);
		System.out.printf(Locale.ROOT, "{ __typename } over HTTP (floor of the stack): p50 %.2f ms, p99 %.2f ms%n",
				percentile(empty, 50), percentile(empty, 99));

		health(client, base);
	}

	// A previous attempt saw /actuator/health hang after 50–300 keep-alive requests: count any that do.
	static void health(HttpClient client, String base) throws Exception {
		HttpRequest health = HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
			.timeout(Duration.ofSeconds(5))
			.GET()
			.build();
		int ok = 0;
		int hung = 0;
		int firstHang = -1;
		for (int i = 0; i < 1000; i++) {
			try {
				HttpResponse<String> response = client.send(health, HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
					ok++;
				}
			}
			catch (HttpTimeoutException ex) {
				hung++;
				if (firstHang < 0) {
					firstHang = i;
				}
				if (hung >= 3) {
					break;
				}
			}
		}
		System.out.printf("/actuator/health, 1000 keep-alive requests: %d UP, %d hung (> 5 s)%s%n", ok, hung,
				(firstHang >= 0) ? ", first at request " + firstHang : "");
	}

	static double percentile(long[] nanos, int percentile) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, index)] / 1e6;
	}

	static String jsonString(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
	}

}
