import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Phaser;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Issue 11: the app beside the raw SQL of the same rows and beside PostGraphile on the same database, measured in
 * one run, printed as a table with ratios. Run by scripts/bench/faster.sh:
 * java -cp postgresql.jar FasterBench.java key=value… (keys: app, app2, replica, france, postgraphile, jdbc, jdbcFrance,
 * pid, pid2, pidReplica, pidFrance, firstView, seconds, rounds, warmup, postgraphileError). Every loop is bounded by a count and a time; traffic goes to 127.0.0.1
 * only. The HTTP client is a minimal HTTP/1.1 client over one kept-alive socket per connection, so that on a small
 * machine the client takes as little CPU as possible from the servers it measures.
 */
public class FasterBench {

	// The map's first view as a partner app asks it: ten aliased look-ups.
	static final String[] FIRST_TEN = { "04", "05", "06", "13", "83", "84", "AMP", "NCA", "TPM", "VdM" };

	// The same ten rows for the SQL and PostGraphile, by kind and official code (the aliases resolved).
	static final String[][] FIRST_TEN_ROWS = { { "DEPARTMENT", "04" }, { "DEPARTMENT", "05" }, { "DEPARTMENT", "06" },
			{ "DEPARTMENT", "13" }, { "DEPARTMENT", "83" }, { "DEPARTMENT", "84" }, { "EPCI", "200054807" },
			{ "EPCI", "200030195" }, { "EPCI", "248300543" }, { "COMMUNE", "13055" } };

	// Copy of frontend/src/main/resources/static/queries/first-view.graphql, used only if that file is missing.
	static final String FIRST_VIEW_FALLBACK = """
			query FirstView($pacte: ID, $theme: String, $axis: Int) {
			  pacte(id: $pacte) {
			    id title year source { title body date }
			    region { ...Shape }
			    mapLayers { key label itemLabel territories { ...Shape } }
			    themes { slug label headline }
			    axes { number shortName title }
			    coverage(theme: $theme, axis: $axis) { ...Count }
			  }
			}
			fragment Shape on Territory { code name kind aliases labelPoint { lon lat } geometry(zoom: 8) }
			fragment Count on TerritoryCoverage { territory { code name kind } actionCount }
			""";

	static final String OUTLINE_SQL = """
			SELECT t.code, t.name, o.geojson FROM territory t
			JOIN territory_outline o ON o.kind = t.kind AND o.code = t.code AND o.max_zoom = ?
			WHERE (t.kind, t.code) IN (SELECT * FROM unnest(?::text[], ?::text[]))""";

	static final String BBOX_SQL = """
			SELECT t.code, t.name, (SELECT o.geojson FROM territory_outline o WHERE o.kind = t.kind AND o.code = t.code
			  AND o.max_zoom >= ? ORDER BY o.max_zoom LIMIT 1) FROM territory t
			WHERE t.kind = 'COMMUNE' AND t.geom && ST_MakeEnvelope(?, ?, ?, ?, 4326)
			  AND ((t.west >= ? AND t.east <= ? AND t.south >= ? AND t.north <= ?)
			       OR ST_Intersects(t.geom, ST_MakeEnvelope(?, ?, ?, ?, 4326)))""";

	// As the app asks it: on the outlines' pieces (migration V9), smallest first by the stored area (V11).
	static final String AT_SQL = """
			SELECT t.code, t.name, t.kind FROM territory t WHERE (t.kind, t.code) IN (SELECT p.kind, p.code FROM territory_piece p
			  WHERE ST_Intersects(p.geom, ST_SetSRID(ST_MakePoint(?, ?), 4326))) ORDER BY t.area, t.code""";

	static final int[] BANDS = { 4, 6, 8, 10, 12, 20 };

	static Map<String, String> args = new HashMap<>();

	static long seconds;

	static final List<String[]> table = new ArrayList<>();

	static final AtomicLong seeds = new AtomicLong(42);

	public static void main(String[] argv) throws Exception {
		for (String arg : argv) {
			int eq = arg.indexOf('=');
			args.put(arg.substring(0, eq), arg.substring(eq + 1));
		}
		seconds = Long.parseLong(args.getOrDefault("seconds", "5"));
		Endpoint app = Endpoint.of(args.get("app"));
		Endpoint app2 = Endpoint.of(args.get("app2"));
		Endpoint replica = Endpoint.of(args.get("replica"));
		Endpoint france = Endpoint.of(args.get("france"));
		Endpoint graphile = Endpoint.of(args.get("postgraphile"));
		String jdbc = args.get("jdbc");
		int rounds = Integer.parseInt(args.getOrDefault("rounds", "3"));
		if (app == null) { // PACTE_FASTER_ONLY=france: the national scale alone
			if (france == null) {
				System.out.println("national scale: not measured (no France instance, see above)");
				return;
			}
			nationalScale(france, rounds);
			table();
			return;
		}

		// --- the first view, ten territories at zoom 8
		StringBuilder aliases = new StringBuilder("{");
		for (String code : FIRST_TEN) {
			aliases.append(" t").append(code).append(": territory(code: \"").append(code).append("\") { code name geometry(zoom: 8) }");
		}
		byte[] tenRequest = app.post(graphQlBody(aliases.append(" }").toString(), null));
		String firstView = firstViewDocument();
		byte[] firstViewRequest = app.post(graphQlBody(firstView, "{}"));
		String apq = "{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + sha256(firstView) + "\"}}";
		String getPath = "/graphql?variables=" + url("{}") + "&extensions=" + url(apq);
		check(app, app.post(graphQlBody(firstView, "{}", apq)), "\"mapLayers\"", 10); // teaches the hash
		check(app, tenRequest, "\"geometry\"", 10);
		String etag = check(app, app.get(getPath, null), "\"mapLayers\"", 10).header("etag");
		byte[] revalidate = app.get(getPath, etag);
		byte[] typename = app.post(graphQlBody("{ __typename }", null));

		// The JIT of a freshly started app: every kind of request for a while before anything is measured.
		List<String[]> pool = territories(jdbc, "SELECT kind, code FROM territory ORDER BY kind, code");
		Function<SplittableRandom, Mix> mixes = random -> Mix.draw(random, pool);
		List<Endpoint> targets = new java.util.ArrayList<>(List.of(app));
		List<String> pids = new java.util.ArrayList<>(List.of(args.get("pid")));
		if (app2 != null) {
			targets.add(app2);
			pids.add(args.get("pid2"));
		}
		if (replica != null) {
			targets.add(replica);
			pids.add(args.get("pidReplica"));
		}
		for (int i = 0; i < targets.size(); i++) {
			Endpoint target = targets.get(i);
			check(target, target.post(graphQlBody(firstView, "{}", apq)), "\"mapLayers\"", 10); // each instance learns the hash
			warm("instance " + (i + 1), pids.get(i), w -> {
				switch ((int) (w.count++ % 5)) {
					case 0 -> w.http(target, target.post(graphQlBody(aliases.toString(), null)));
					case 1 -> w.http(target, target.post(graphQlBody(firstView, "{}")));
					case 2 -> w.http(target, target.get(getPath, null));
					case 3 -> w.http(target, target.get(getPath, etag), 304);
					default -> w.http(target, target.post(mixes.apply(w.random).app()));
				}
			});
		}

		byte[] graphileTen = (graphile != null) ? graphile.post(graphQlBody(graphileFirstTen(), null)) : null;
		if (graphile != null) {
			check(graphile, graphileTen, "\"geojson\"", 10);
			// Its warm-up too (V8's JIT settles within seconds): the first view and the mix, 20 s.
			run(w -> w.http(graphile, (w.count++ % 2 == 0) ? graphileTen : graphile.post(mixes.apply(w.random).graphile())), 4,
					20, 1_000_000);
		}
		else {
			System.out.println("PostGraphile: not measured — " + args.getOrDefault("postgraphileError", "not started"));
		}

		section("First view: 10 territories at zoom 8 (04 05 06 13 83 84 AMP NCA TPM VdM), " + rounds + " rounds in turns");
		List<Turn> firstViewTurns = new ArrayList<>(List.of(
				Turn.of("same 10 rows by raw SQL (JDBC, prepared)", w -> w.rows(jdbc, OUTLINE_SQL, 8, FIRST_TEN_ROWS), 8),
				Turn.of("app, 10 aliased territory(code:) (POST)", w -> w.http(app, tenRequest), 8),
				Turn.of("app, the page's FirstView (POST)", w -> w.http(app, firstViewRequest), 8),
				Turn.of("app, FirstView by GET + APQ hash", w -> w.http(app, app.get(getPath, null)), 8),
				Turn.of("app, FirstView GET + If-None-Match (304)", w -> w.http(app, revalidate, 304), 8),
				Turn.of("app, { __typename } (floor of the stack)", w -> w.http(app, typename), 8)));
		if (graphile != null) {
			firstViewTurns.add(Turn.of("PostGraphile 4 + postgis, same 10 rows", w -> w.http(graphile, graphileTen), 8));
		}
		List<Measure> firstViews = inTurns(rounds, firstViewTurns);
		Measure sql = firstViews.get(0);
		Measure ten = firstViews.get(1);
		Measure page = firstViews.get(2);
		Measure floor = firstViews.get(5);
		Measure pg = (graphile != null) ? firstViews.get(6) : null;
		ratios("10 aliased", ten, sql, pg);
		ratios("FirstView POST", page, sql, pg);
		ratios("FirstView GET+APQ", firstViews.get(3), sql, pg);
		ratios("FirstView 304", firstViews.get(4), sql, pg);
		System.out.printf(Locale.ROOT, "  (floor: { __typename } %.2f ms, %.0f req/s)%n", floor.p50, floor.rate);

		// --- cache-busting mix: each request a new random set of 5–10 territories, random zoom 6–12
		section("Cache-busting mix: 5–10 random territories (regions, departments, EPCI, communes), zoom 6–12, " + rounds
				+ " rounds in turns");
		List<Turn> mixTurns = new ArrayList<>(List.of(Turn.of("raw SQL (JDBC), same random rows", w -> {
			Mix mix = mixes.apply(w.random);
			w.rows(jdbc, OUTLINE_SQL, band(mix.zoom), mix.rows);
		}, 8), Turn.of("app, aliased territory(code:, kind:) (POST)", w -> w.http(app, app.post(mixes.apply(w.random).app())), 8)));
		if (graphile != null) {
			mixTurns.add(Turn.of("PostGraphile, same random rows", w -> w.http(graphile, graphile.post(mixes.apply(w.random).graphile())), 8));
		}
		List<Measure> mix = inTurns(rounds, mixTurns);
		Measure mixApp = mix.get(1);
		ratios("mix", mixApp, mix.get(0), (graphile != null) ? mix.get(2) : null);

		// --- 64 concurrent clients on the first view, and the app's memory
		section("64 concurrent connections on the first view (10 aliased, POST)");
		String pid = args.get("pid");
		String before = memory(pid);
		Measure many = measure("app, 64 connections", null, 64, w -> w.http(app, tenRequest));
		System.out.printf(Locale.ROOT, "  p99 %.2f ms (target <= 100 ms); app memory before: %s; after: %s (target RSS <= 400 MB)%n",
				many.p99, before, memory(pid));

		// --- two instances on one database
		if (app2 != null) {
			section("Two app instances on one database, each connection alternating between them");
			byte[] tenRequest2 = app2.post(graphQlBody(aliases.toString(), null));
			check(app2, tenRequest2, "\"geometry\"", 10);
			Measure two = measure("2 instances, first view (10 aliased)", null, 8,
					w -> {
						boolean first = w.count++ % 2 == 0;
						w.http(first ? app : app2, first ? tenRequest : tenRequest2);
					});
			Measure twoMix = measure("2 instances, cache-busting mix", null, 8, w -> {
				Endpoint target = (w.count++ % 2 == 0) ? app : app2;
				w.http(target, target.post(mixes.apply(w.random).app()));
			});
			System.out.printf(Locale.ROOT, "  together / one instance: first view %.2f, mix %.2f%n", two.rate / ten.rate,
					twoMix.rate / mixApp.rate);
		}

		// --- an instance whose queries read a streaming standby
		if (replica != null) {
			section("An instance reading a streaming standby (PACTE_REPLICA_*) on this machine, beside one on the primary");
			byte[] tenReplica = replica.post(graphQlBody(aliases.toString(), null));
			check(replica, tenReplica, "\"geometry\"", 10);
			Measure replicaTen = measure("replica instance, first view (10 aliased)", null, 8, w -> w.http(replica, tenReplica));
			Measure replicaMix = measure("replica instance, cache-busting mix", null, 8,
					w -> w.http(replica, replica.post(mixes.apply(w.random).app())));
			System.out.printf(Locale.ROOT, "  replica instance / primary instance: first view %.2f, mix %.2f%n",
					replicaTen.rate / ten.rate, replicaMix.rate / mixApp.rate);
		}

		// --- national scale
		if (france != null) {
			nationalScale(france, rounds);
		}

		table();
	}

	/** Every measure taken, as a Markdown table. */
	static void table() {
		System.out.println();
		System.out.println("| measure | p50 1 client (ms) | 8 conn: req/s | p95 (ms) | p99 (ms) | CPU per request, app / PostgreSQL / PostGraphile / client (ms) |");
		System.out.println("|---|---|---|---|---|---|");
		for (String[] row : table) {
			System.out.println("| " + String.join(" | ", row) + " |");
		}
	}

	// ---------------------------------------------------------------- measuring

	record Measure(double p50, double rate, double p95, double p99) {
	}

	interface Call {

		void run(Worker worker) throws Exception;

	}

	/** A measure to take: p50 with one client ({@code single}; none when null), then the rate and tail at {@code connections}. */
	record Turn(String name, Call single, int connections, Call call) {

		static Turn of(String name, Call call, int connections) {
			return new Turn(name, call, connections, call);
		}

	}

	/**
	 * The communes in a department's box ({@code code, west, south, east, north}) at a random zoom 10–12, each edge
	 * moved by a random amount of up to {@code nudge} degrees (0: the box as it is).
	 */
	static String communesIn(String[] department, double nudge, SplittableRandom random) {
		double[] edge = new double[4];
		for (int i = 0; i < 4; i++) {
			edge[i] = Double.parseDouble(department[1 + i]) + ((nudge > 0) ? (random.nextDouble() - 0.5) * 2 * nudge : 0);
		}
		return String.format(Locale.ROOT, "{ territories(filter: {kinds: [COMMUNE], bbox: [%.6f, %.6f, %.6f, %.6f]}) "
				+ "{ code name geometry(zoom: %d) } }", edge[0], edge[1], edge[2], edge[3], 10 + random.nextInt(3));
	}

	/** On all of France: a department's communes by bbox at zoom 10–12, and territoriesAt, each beside its raw SQL. */
	static void nationalScale(Endpoint france, int rounds) throws Exception {
		String jdbcFrance = args.get("jdbcFrance");
		section("All of France: a department's communes by bbox at zoom 10–12; territoriesAt (8 connections, " + rounds + " rounds in turns)");
		List<String[]> departments = territories(jdbcFrance,
				"SELECT code, west, south, east, north FROM territory WHERE kind = 'DEPARTMENT' AND code < '97' ORDER BY code");
		List<String[]> points = territories(jdbcFrance,
				"SELECT ST_X(label_point)::text, ST_Y(label_point)::text FROM territory WHERE kind = 'COMMUNE' ORDER BY code");
		System.out.printf("  %d communes, %d metropolitan departments%n", points.size(), departments.size());
		warm("the France instance", args.get("pidFrance"), w -> { // and the outlines in PostgreSQL's cache
			String[] d = departments.get(w.random.nextInt(departments.size()));
			w.http(france, france.post(graphQlBody((w.count++ % 2 == 0) ? at(points, w.random) : communesIn(d, 0, w.random), null)));
		});
		Turn bboxSqlTurn = new Turn("bbox: raw SQL (JDBC)", null, 8, w -> {
			String[] d = departments.get(w.random.nextInt(departments.size()));
			w.bbox(jdbcFrance, 10 + w.random.nextInt(3), d);
		});
		Turn bboxTurn = new Turn("bbox: app territories(filter: {kinds: [COMMUNE], bbox})", null, 8, w -> {
			String[] d = departments.get(w.random.nextInt(departments.size()));
			w.http(france, france.post(graphQlBody(communesIn(d, 0, w.random), null)));
		});
		// The same boxes each nudged by a random 0–0.01° (about 1 km): every request a new document, no cache hit.
		Turn bboxNewTurn = new Turn("bbox: app, every box new (nudged by up to 0.01°)", null, 8, w -> {
			String[] d = departments.get(w.random.nextInt(departments.size()));
			w.http(france, france.post(graphQlBody(communesIn(d, 0.01, w.random), null)));
		});
		List<Measure> boxes = inTurns(rounds, List.of(bboxSqlTurn, bboxTurn, bboxNewTurn));
		Measure bboxSql = boxes.get(0);
		Measure bbox = boxes.get(1);
		Measure bboxNew = boxes.get(2);
		System.out.printf(Locale.ROOT, "  bbox p95: app %.1f ms (target <= 50 ms), every box new %.1f ms, raw SQL %.1f ms, ratios %.2f, %.2f%n",
				bbox.p95, bboxNew.p95, bboxSql.p95, bbox.p95 / bboxSql.p95, bboxNew.p95 / bboxSql.p95);
		Turn atSqlTurn = new Turn("territoriesAt: raw SQL (JDBC)", null, 8, w -> {
			double[] p = nudged(points, w.random);
			w.at(jdbcFrance, p[0], p[1]);
		});
		Turn atTurn = new Turn("territoriesAt: app { code name kind }, every point new", null, 8,
				w -> w.http(france, france.post(graphQlBody(at(points, w.random), null))));
		// As a partner app that keeps one document and sends each point as variables asks it: parsed and validated once.
		Turn atVariablesTurn = new Turn("territoriesAt: app, the point as variables, every point new", null, 8,
				w -> w.http(france, france.post(atWithVariables(points, w.random))));
		List<Measure> ats = inTurns(rounds, List.of(atSqlTurn, atTurn, atVariablesTurn));
		Measure atSql = ats.get(0);
		Measure at = ats.get(1);
		Measure atVariables = ats.get(2);
		System.out.printf(Locale.ROOT,
				"  territoriesAt p95: app %.2f ms (target <= 10 ms), with variables %.2f ms, raw SQL %.2f ms, ratios %.2f, %.2f%n",
				at.p95, atVariables.p95, atSql.p95, at.p95 / atSql.p95, atVariables.p95 / atSql.p95);
	}

	/** p50 with one client ({@code single}; none when null), then the rate and tail at {@code connections}. */
	static Measure measure(String name, Call single, int connections, Call call) throws Exception {
		return inTurns(1, List.of(new Turn(name, single, connections, call))).get(0);
	}

	/**
	 * Measures that are compared with each other (the app beside the raw SQL and PostGraphile), taken in turns:
	 * {@code rounds} rounds, each running every measure once, samples and durations pooled. On a machine whose load
	 * drifts during a run, a drift weighs on all of them alike instead of on whichever ran at the time: on
	 * 3 December the mix ratio to PostGraphile read 1.43 and 0.87 in two runs an hour apart, measured one after the other.
	 */
	static List<Measure> inTurns(int rounds, List<Turn> turns) throws Exception {
		List<List<Run>> singles = new ArrayList<>();
		List<List<Run>> loads = new ArrayList<>();
		for (int i = 0; i < turns.size(); i++) {
			singles.add(new ArrayList<>());
			loads.add(new ArrayList<>());
		}
		for (int round = 0; round < rounds; round++) {
			for (int i = 0; i < turns.size(); i++) {
				Turn turn = turns.get(i);
				if (turn.single() != null) {
					singles.get(i).add(run(turn.single(), 1, Math.min(seconds, 4), 3000));
				}
				loads.get(i).add(run(turn.call(), turn.connections(), seconds, 2_000_000));
			}
		}
		List<Measure> measures = new ArrayList<>();
		for (int i = 0; i < turns.size(); i++) {
			Turn turn = turns.get(i);
			Run load = Run.pooled(loads.get(i));
			double p50 = (turn.single() != null) ? Run.pooled(singles.get(i)).percentile(50) : Double.NaN;
			Measure measure = new Measure(p50, load.rate(), load.percentile(95), load.percentile(99));
			boolean cpu = load.cpu().known() && load.count() > 0;
			table.add(new String[] { turn.name(), Double.isNaN(p50) ? "" : fmt(p50), String.format(Locale.ROOT, "%.0f", measure.rate),
					fmt(measure.p95), fmt(measure.p99), cpu ? load.cpu().column(load.count()) : "" });
			StringBuilder perRound = new StringBuilder();
			if (rounds > 1) {
				perRound.append(" (rounds:");
				loads.get(i).forEach(run -> perRound.append(String.format(Locale.ROOT, " %.0f", run.rate())));
				perRound.append(" /s)");
			}
			System.out.printf(Locale.ROOT, "  %-58s p50(1) %7s ms | %2d conn: %7.0f /s, p50 %.2f, p95 %.2f, p99 %.2f ms%s%n",
					turn.name(), Double.isNaN(p50) ? "-" : fmt(p50), turn.connections(), measure.rate, load.percentile(50),
					measure.p95, measure.p99, perRound);
			if (cpu) {
				System.out.println("      " + load.cpu().perCall(load.count()));
			}
			measures.add(measure);
		}
		return measures;
	}

	/**
	 * CPU time (ms) of the processes sharing the machine during a measure, read from /proc: the app instances whose
	 * pids were given, PostgreSQL's processes, PostGraphile's (node) and this client (its JDBC driver included).
	 * Per call, it tells where a request's time goes and the most requests per second the machine's cores allow
	 * (on 2 cores, every process of the benchmark shares them).
	 */
	record Cpu(double app, double postgres, double node, double client) {

		static final Cpu NONE = new Cpu(0, 0, 0, 0);

		static final double TICK_MS = 10; // USER_HZ is 100 on Linux

		/** The CPU so far of each process of interest (by pid: app, postgres or node), and of this client. */
		record Snapshot(Map<String, Map.Entry<String, Double>> processes, double client) {
		}

		static Snapshot now() {
			java.util.Set<String> apps = new java.util.HashSet<>();
			for (String key : List.of("pid", "pid2", "pidReplica", "pidFrance")) {
				if (args.get(key) != null) {
					apps.add(args.get(key));
				}
			}
			Map<String, Map.Entry<String, Double>> processes = new HashMap<>();
			try (var entries = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
				for (Path entry : entries) {
					String stat;
					try {
						stat = Files.readString(entry.resolve("stat"));
					}
					catch (IOException gone) {
						continue; // ended meanwhile
					}
					int close = stat.lastIndexOf(')');
					String name = stat.substring(stat.indexOf('(') + 1, close);
					String[] fields = stat.substring(close + 2).split(" ");
					double ms = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * TICK_MS; // utime, stime
					String pid = entry.getFileName().toString();
					String what = apps.contains(pid) ? "app" : name.startsWith("postgres") ? "postgres"
							: name.equals("node") ? "node" : null;
					if (what != null) {
						processes.put(pid, Map.entry(what, ms));
					}
				}
			}
			catch (IOException | RuntimeException unreadable) {
				return null; // not Linux, or /proc not readable: no CPU figures
			}
			return new Snapshot(processes,
					ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos() / 1e6).orElse(0.0));
		}

		/**
		 * The CPU spent between two snapshots, process by process: one started meanwhile counts whole; one ended
		 * meanwhile (an autovacuum worker, a closed connection's backend) is left out, its CPU no longer readable.
		 */
		static Cpu between(Snapshot start, Snapshot end) {
			if (start == null || end == null) {
				return NONE;
			}
			Map<String, Double> spent = new HashMap<>();
			end.processes().forEach((pid, now) -> {
				Map.Entry<String, Double> before = start.processes().get(pid);
				double from = (before != null && before.getKey().equals(now.getKey())) ? before.getValue() : 0;
				spent.merge(now.getKey(), now.getValue() - from, Double::sum);
			});
			return new Cpu(spent.getOrDefault("app", 0.0), spent.getOrDefault("postgres", 0.0),
					spent.getOrDefault("node", 0.0), end.client() - start.client());
		}

		boolean known() {
			return this.app + this.postgres + this.node + this.client > 0;
		}

		Cpu plus(Cpu other) {
			return new Cpu(this.app + other.app, this.postgres + other.postgres, this.node + other.node,
					this.client + other.client);
		}

		String column(int calls) {
			return String.format(Locale.ROOT, "%.2f / %.2f / %.2f / %.2f", this.app / calls, this.postgres / calls,
					this.node / calls, this.client / calls);
		}

		String perCall(int calls) {
			double total = (this.app + this.postgres + this.node + this.client) / calls;
			int cores = Runtime.getRuntime().availableProcessors();
			return String.format(Locale.ROOT,
					"CPU per request: app %.2f ms, PostgreSQL %.2f ms, PostGraphile %.2f ms, this client %.2f ms = %.2f ms "
							+ "(%d cores: at most %.0f req/s)",
					this.app / calls, this.postgres / calls, this.node / calls, this.client / calls, total, cores,
					cores * 1000 / total);
		}

	}

	record Run(long[] nanos, int count, double elapsed, long errors, Cpu cpu) {

		double rate() {
			return this.count / this.elapsed;
		}

		/** Several runs of the same measure as one: their samples, their calls over their summed durations. */
		static Run pooled(List<Run> runs) {
			int count = runs.stream().mapToInt(Run::count).sum();
			long[] nanos = new long[count];
			int at = 0;
			for (Run run : runs) {
				System.arraycopy(run.nanos, 0, nanos, at, run.count);
				at += run.count;
			}
			return new Run(nanos, count, runs.stream().mapToDouble(Run::elapsed).sum(), runs.stream().mapToLong(Run::errors).sum(),
					runs.stream().map(Run::cpu).reduce(Cpu.NONE, Cpu::plus));
		}

		double percentile(int percentile) {
			if (this.count == 0) {
				return Double.NaN;
			}
			long[] sorted = Arrays.copyOf(this.nanos, this.count);
			Arrays.sort(sorted);
			return sorted[Math.max(0, (int) Math.ceil(percentile / 100.0 * this.count) - 1)] / 1e6;
		}

	}

	/** {@code threads} workers, each on its own connections, for a short warm-up then {@code secs} or {@code max} calls. */
	static Run run(Call call, int threads, long secs, int max) throws Exception {
		Worker[] workers = new Worker[threads];
		Thread[] running = new Thread[threads];
		long warmEnd = System.nanoTime() + 1_000_000_000L;
		long[] window = new long[2];
		Cpu.Snapshot[] cpuAtStart = new Cpu.Snapshot[1];
		Cpu.Snapshot[] cpuAtEnd = new Cpu.Snapshot[1];
		// The CPU is read once every client is done and before any closes its connections: a PostgreSQL backend that
		// has ended (a JDBC client's) is no longer in /proc, and its CPU would be missing.
		Phaser done = new Phaser(threads) {
			@Override
			protected boolean onAdvance(int phase, int parties) {
				cpuAtEnd[0] = Cpu.now();
				return true;
			}
		};
		AtomicLong remaining = new AtomicLong(max);
		for (int i = 0; i < threads; i++) {
			// Seeds new to each run: a mix drawn in a warm-up is never drawn again (it would be a cache hit).
			Worker worker = workers[i] = new Worker(new SplittableRandom(seeds.getAndIncrement()), Math.min(max, 400_000));
			running[i] = new Thread(() -> {
				try {
					for (int warm = 0; System.nanoTime() < warmEnd && warm < 5000; warm++) {
						call.run(worker);
					}
					synchronized (window) {
						if (window[0] == 0) {
							cpuAtStart[0] = Cpu.now();
							window[0] = System.nanoTime();
							window[1] = window[0] + secs * 1_000_000_000L;
						}
					}
					long end = window[1];
					while (System.nanoTime() < end && remaining.decrementAndGet() >= 0) {
						long start = System.nanoTime();
						call.run(worker);
						worker.record(System.nanoTime() - start);
					}
				}
				catch (Exception ex) {
					worker.failure = ex;
				}
				finally {
					try {
						done.awaitAdvanceInterruptibly(done.arrive(), secs + 60, TimeUnit.SECONDS);
					}
					catch (InterruptedException | TimeoutException ex) {
						// another client is stuck: its failure is reported below
					}
					worker.close();
				}
			});
			running[i].start();
		}
		for (Thread thread : running) {
			thread.join(1000L * (secs + 120));
		}
		long finished = System.nanoTime();
		Cpu cpu = Cpu.between(cpuAtStart[0], cpuAtEnd[0]);
		int count = 0;
		for (Worker worker : workers) {
			if (worker.failure != null) {
				throw new IllegalStateException("a client failed", worker.failure);
			}
			count += worker.recorded;
		}
		long[] all = new long[count];
		int at = 0;
		for (Worker worker : workers) {
			System.arraycopy(worker.nanos, 0, all, at, worker.recorded);
			at += worker.recorded;
		}
		return new Run(all, count, Math.min(finished - window[0], secs * 1_000_000_000L + 50_000_000L) / 1e9, 0, cpu);
	}

	/** One client: its own HTTP connections and JDBC connection, its own random numbers. */
	static final class Worker {

		final SplittableRandom random;

		final long[] nanos;

		int recorded;

		long count;

		Exception failure;

		final Map<Endpoint, Http> connections = new HashMap<>();

		final Map<String, Connection> databases = new HashMap<>();

		final Map<String, PreparedStatement> statements = new HashMap<>();

		Worker(SplittableRandom random, int capacity) {
			this.random = random;
			this.nanos = new long[capacity];
		}

		void record(long nanos) {
			if (this.recorded < this.nanos.length) {
				this.nanos[this.recorded++] = nanos;
			}
		}

		void http(Endpoint endpoint, byte[] request) throws IOException {
			http(endpoint, request, 200);
		}

		void http(Endpoint endpoint, byte[] request, int expected) throws IOException {
			Http http = this.connections.get(endpoint);
			if (http == null) {
				http = new Http(endpoint);
				this.connections.put(endpoint, http);
			}
			Http.Response response = http.send(request);
			if (response.status != expected || (expected == 200 && response.body.length < 20)) {
				throw new IllegalStateException(endpoint + ": HTTP " + response.status + " " + response.text(300));
			}
			if (expected == 200 && response.body.length < 4000 && response.text(4000).contains("\"errors\"")) {
				throw new IllegalStateException(endpoint + ": " + response.text(300));
			}
		}

		PreparedStatement statement(String jdbc, String sql) throws Exception {
			String key = jdbc + sql;
			PreparedStatement statement = this.statements.get(key);
			if (statement == null) {
				Connection connection = this.databases.get(jdbc);
				if (connection == null) {
					connection = DriverManager.getConnection(jdbc + "&prepareThreshold=1");
					this.databases.put(jdbc, connection);
				}
				statement = connection.prepareStatement(sql);
				this.statements.put(key, statement);
			}
			return statement;
		}

		void rows(String jdbc, String sql, int band, String[][] rows) throws Exception {
			PreparedStatement statement = statement(jdbc, sql);
			Connection connection = statement.getConnection();
			String[] kinds = new String[rows.length];
			String[] codes = new String[rows.length];
			for (int i = 0; i < rows.length; i++) {
				kinds[i] = rows[i][0];
				codes[i] = rows[i][1];
			}
			Array kindArray = connection.createArrayOf("text", kinds);
			Array codeArray = connection.createArrayOf("text", codes);
			statement.setInt(1, band);
			statement.setArray(2, kindArray);
			statement.setArray(3, codeArray);
			expectRows(statement, rows.length, 3);
		}

		void bbox(String jdbc, int zoom, String[] department) throws Exception {
			PreparedStatement statement = statement(jdbc, BBOX_SQL);
			statement.setInt(1, zoom);
			double west = Double.parseDouble(department[1]), south = Double.parseDouble(department[2]);
			double east = Double.parseDouble(department[3]), north = Double.parseDouble(department[4]);
			double[] values = { west, south, east, north, west, east, south, north, west, south, east, north };
			for (int i = 0; i < values.length; i++) {
				statement.setDouble(2 + i, values[i]);
			}
			expectRows(statement, 1, 3);
		}

		void at(String jdbc, double lon, double lat) throws Exception {
			PreparedStatement statement = statement(jdbc, AT_SQL);
			statement.setDouble(1, lon);
			statement.setDouble(2, lat);
			expectRows(statement, 1, 3);
		}

		private static void expectRows(PreparedStatement statement, int atLeast, int columns) throws Exception {
			int count = 0;
			try (ResultSet result = statement.executeQuery()) {
				while (result.next()) {
					count++;
					for (int c = 1; c <= columns; c++) {
						result.getString(c);
					}
				}
			}
			if (count < atLeast) {
				throw new IllegalStateException("raw SQL returned " + count + " rows, expected at least " + atLeast);
			}
		}

		void close() {
			this.connections.values().forEach(Http::close);
			this.databases.values().forEach(connection -> {
				try {
					connection.close();
				}
				catch (Exception ex) {
					// closing at the end of a run
				}
			});
		}

	}

	/**
	 * A commune's label point moved by a random 0–0.0001° (about 10 m): each request a new document, never an answer
	 * the cache holds (34,868 points alone were drawn again within the warm-up, and most answers were cached ones).
	 */
	static double[] nudged(List<String[]> points, SplittableRandom random) {
		String[] p = points.get(random.nextInt(points.size()));
		return new double[] { Double.parseDouble(p[0]) + (random.nextDouble() - 0.5) * 0.0002,
				Double.parseDouble(p[1]) + (random.nextDouble() - 0.5) * 0.0002 };
	}

	static String at(List<String[]> points, SplittableRandom random) {
		double[] p = nudged(points, random);
		return String.format(Locale.ROOT, "{ territoriesAt(lon: %.7f, lat: %.7f) { code name kind } }", p[0], p[1]);
	}

	static final String AT_DOCUMENT = "query At($lon: Float!, $lat: Float!) { territoriesAt(lon: $lon, lat: $lat) { code name kind } }";

	static String atWithVariables(List<String[]> points, SplittableRandom random) {
		double[] p = nudged(points, random);
		return graphQlBody(AT_DOCUMENT, String.format(Locale.ROOT, "{\"lon\": %.7f, \"lat\": %.7f}", p[0], p[1]));
	}

	/** A random set of 5–10 territories and one zoom 6–12, as the app and PostGraphile ask it. */
	record Mix(String[][] rows, int zoom) {

		static Mix draw(SplittableRandom random, List<String[]> pool) {
			int n = 5 + random.nextInt(6);
			String[][] rows = new String[n][];
			java.util.Set<Integer> drawn = new java.util.HashSet<>();
			for (int i = 0; i < n; i++) {
				int index = random.nextInt(pool.size());
				while (!drawn.add(index)) {
					index = random.nextInt(pool.size());
				}
				rows[i] = pool.get(index);
			}
			return new Mix(rows, 6 + random.nextInt(7));
		}

		String app() {
			StringBuilder q = new StringBuilder("{");
			for (int i = 0; i < this.rows.length; i++) {
				q.append(" t").append(i).append(": territory(code: \"").append(this.rows[i][1]).append("\", kind: ")
					.append(this.rows[i][0]).append(") { code name geometry(zoom: ").append(this.zoom).append(") }");
			}
			return graphQlBody(q.append(" }").toString(), null);
		}

		String graphile() {
			StringBuilder q = new StringBuilder("{");
			for (int i = 0; i < this.rows.length; i++) {
				q.append(graphileOutline("t" + i, this.rows[i][0], this.rows[i][1], band(this.zoom)));
			}
			return graphQlBody(q.append(" }").toString(), null);
		}

	}

	// The first view's ten rows as PostGraphile is asked them.
	static String graphileFirstTen() {
		StringBuilder g = new StringBuilder("{");
		for (String[] row : FIRST_TEN_ROWS) {
			g.append(graphileOutline("t" + row[1], row[0], row[1], 8));
		}
		return g.append(" }").toString();
	}

	// PostGraphile's name for the unique look-up on territory_outline's primary key (kind, code, max_zoom).
	static String graphileOutline(String alias, String kind, String code, int band) {
		return " " + alias + ": territoryOutlineByKindAndCodeAndMaxZoom(kind: \"" + kind + "\", code: \"" + code
				+ "\", maxZoom: " + band + ") { code geojson territoryByKindAndCode { name } }";
	}

	/** The stored outline band the app uses for a zoom: the smallest at or above it. */
	static int band(int zoom) {
		for (int band : BANDS) {
			if (band >= zoom) {
				return band;
			}
		}
		return 20;
	}

	// ---------------------------------------------------------------- HTTP/1.1, one kept-alive socket

	record Endpoint(String host, int port) {

		static Endpoint of(String url) {
			if (url == null || url.isEmpty()) {
				return null;
			}
			String rest = url.replaceFirst("^http://", "");
			int colon = rest.indexOf(':');
			String host = rest.substring(0, colon);
			if (!host.equals("127.0.0.1")) {
				throw new IllegalArgumentException("traffic to 127.0.0.1 only: " + url);
			}
			return new Endpoint(host, Integer.parseInt(rest.substring(colon + 1).replaceAll("/.*", "")));
		}

		byte[] post(String json) {
			byte[] body = json.getBytes(StandardCharsets.UTF_8);
			String head = "POST /graphql HTTP/1.1\r\nHost: " + this.host + ":" + this.port
					+ "\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: " + body.length + "\r\n\r\n";
			byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
			byte[] request = Arrays.copyOf(headBytes, headBytes.length + body.length);
			System.arraycopy(body, 0, request, headBytes.length, body.length);
			return request;
		}

		byte[] get(String path, String ifNoneMatch) {
			return ("GET " + path + " HTTP/1.1\r\nHost: " + this.host + ":" + this.port + "\r\nAccept: application/json\r\n"
					+ ((ifNoneMatch != null) ? "If-None-Match: " + ifNoneMatch + "\r\n" : "") + "\r\n")
				.getBytes(StandardCharsets.US_ASCII);
		}

	}

	static final class Http {

		record Response(int status, Map<String, String> headers, byte[] body) {

			String text(int max) {
				return new String(this.body, 0, Math.min(max, this.body.length), StandardCharsets.UTF_8);
			}

			String header(String name) {
				return this.headers.get(name);
			}

		}

		private final Endpoint endpoint;

		private Socket socket;

		private InputStream in;

		private OutputStream out;

		Http(Endpoint endpoint) {
			this.endpoint = endpoint;
		}

		Response send(byte[] request) throws IOException {
			if (this.socket == null) {
				this.socket = new Socket(this.endpoint.host(), this.endpoint.port());
				this.socket.setTcpNoDelay(true);
				this.socket.setSoTimeout(30_000);
				this.in = new BufferedInputStream(this.socket.getInputStream(), 65536);
				this.out = this.socket.getOutputStream();
			}
			this.out.write(request);
			this.out.flush();
			String status = line();
			if (status == null) {
				throw new IOException(this.endpoint + " closed the connection");
			}
			Map<String, String> headers = new LinkedHashMap<>();
			for (String line = line(); line != null && !line.isEmpty(); line = line()) {
				int colon = line.indexOf(':');
				headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
			}
			int code = Integer.parseInt(status.substring(9, 12));
			byte[] body;
			if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
				ByteArrayOutputStream chunks = new ByteArrayOutputStream();
				for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0;
						size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
					chunks.write(this.in.readNBytes(size));
					line();
				}
				line();
				body = chunks.toByteArray();
			}
			else {
				String length = headers.get("content-length");
				body = (length != null) ? this.in.readNBytes(Integer.parseInt(length)) : new byte[0];
			}
			if ("close".equalsIgnoreCase(headers.get("connection"))) {
				close();
			}
			return new Response(code, headers, body);
		}

		private String line() throws IOException {
			StringBuilder line = new StringBuilder();
			int c;
			while ((c = this.in.read()) != -1) {
				if (c == '\n') {
					int length = line.length();
					return (length > 0 && line.charAt(length - 1) == '\r') ? line.substring(0, length - 1) : line.toString();
				}
				line.append((char) c);
			}
			return (line.length() > 0) ? line.toString() : null;
		}

		void close() {
			try {
				if (this.socket != null) {
					this.socket.close();
				}
			}
			catch (IOException ex) {
				// closing
			}
			this.socket = null;
		}

	}

	// ---------------------------------------------------------------- helpers

	static Http.Response check(Endpoint endpoint, byte[] request, String expected, int atLeast) throws IOException {
		Http http = new Http(endpoint);
		try {
			Http.Response response = http.send(request);
			String text = new String(response.body(), StandardCharsets.UTF_8);
			if (response.status() != 200 || !text.contains(expected) || text.contains("\"errors\"")
					|| text.split("\"code\"").length - 1 < atLeast) {
				throw new IllegalStateException(endpoint + ": unexpected answer " + response.status() + " "
						+ text.substring(0, Math.min(400, text.length())));
			}
			return response;
		}
		finally {
			http.close();
		}
	}

	static String firstViewDocument() throws IOException {
		Path file = Path.of(args.getOrDefault("firstView", "frontend/src/main/resources/static/queries/first-view.graphql"));
		if (Files.isRegularFile(file)) {
			return Files.readString(file);
		}
		System.out.println("(first-view.graphql not found: the copy in FasterBench.java is used)");
		return FIRST_VIEW_FALLBACK;
	}

	static List<String[]> territories(String jdbc, String sql) throws Exception {
		List<String[]> rows = new ArrayList<>();
		try (Connection connection = DriverManager.getConnection(jdbc);
				ResultSet result = connection.createStatement().executeQuery(sql)) {
			int columns = result.getMetaData().getColumnCount();
			while (result.next()) {
				String[] row = new String[columns];
				for (int i = 0; i < columns; i++) {
					row[i] = result.getString(i + 1);
				}
				rows.add(row);
			}
		}
		return rows;
	}

	/**
	 * Loads an instance with {@code call} from 4 connections, in rounds of 5 s, until a round compiles fewer than
	 * 25 methods (or {@code warmup} seconds, default 300, have passed): on 2 cores the JIT of this stack takes
	 * minutes under load, its C2 thread busy all along, and the figures are to be those of the steady state.
	 */
	static void warm(String what, String pid, Call call) throws Exception {
		long limit = Long.parseLong(args.getOrDefault("warmup", "300"));
		long start = System.nanoTime();
		long before = compilations(pid);
		while (true) {
			run(call, 4, 5, 1_000_000);
			long now = compilations(pid);
			long round = (before < 0 || now < 0) ? -1 : now - before;
			before = now;
			long elapsed = (System.nanoTime() - start) / 1_000_000_000L;
			if ((round >= 0 && round < 25) || elapsed >= limit || round < 0) {
				System.out.printf(Locale.ROOT, "warm-up of %s: %d s of load, %s%n", what, elapsed,
						(round < 0) ? "its JIT not observable (no jcmd or pid): stopped after one round"
								: (round < 25) ? "until its JIT settled (" + round + " methods compiled in the last 5 s)"
										: "stopped at the limit, JIT not settled (" + round + " methods compiled in the last 5 s)");
				return;
			}
		}
	}

	/** The JIT compilations of the JVM {@code pid} so far ({@code jcmd PerfCounter.print}), or -1. */
	static long compilations(String pid) {
		if (pid == null) {
			return -1;
		}
		try {
			Process jcmd = new ProcessBuilder("jcmd", pid, "PerfCounter.print").redirectErrorStream(true).start();
			String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			jcmd.waitFor();
			for (String line : out.split("\n")) {
				if (line.startsWith("sun.ci.totalCompiles=")) {
					return Long.parseLong(line.substring(line.indexOf('=') + 1).trim());
				}
			}
			return -1;
		}
		catch (IOException | InterruptedException | NumberFormatException ex) {
			return -1;
		}
	}

	static String memory(String pid) {
		if (pid == null) {
			return "unknown (no pid)";
		}
		try {
			StringBuilder out = new StringBuilder();
			for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
				if (line.startsWith("VmHWM") || line.startsWith("VmRSS")) {
					String[] parts = line.split("\\s+");
					out.append(parts[0]).append(' ').append(Long.parseLong(parts[1]) / 1024).append(" MB ");
				}
			}
			return out.toString().trim();
		}
		catch (IOException ex) {
			return "unreadable (" + ex.getMessage() + ")";
		}
	}

	static void section(String title) {
		System.out.println();
		System.out.println("-- " + title);
	}

	static void ratios(String what, Measure app, Measure sql, Measure pg) {
		StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %s: app/SQL p50 %.2f (target <= 2), app/SQL rate %.2f",
				what, app.p50 / sql.p50, app.rate / sql.rate));
		if (pg != null) {
			line.append(String.format(Locale.ROOT, "; app/PostGraphile rate %.2f, p50 %.2f", app.rate / pg.rate, app.p50 / pg.p50));
		}
		System.out.println(line);
		table.add(new String[] { "ratio " + what + ": app/SQL, app/PostGraphile",
				String.format(Locale.ROOT, "%.2f / %s", app.p50 / sql.p50, (pg != null) ? fmt(app.p50 / pg.p50) : "-"),
				String.format(Locale.ROOT, "%.2f / %s", app.rate / sql.rate, (pg != null) ? fmt(app.rate / pg.rate) : "-"), "", "", "" });
	}

	static String fmt(double value) {
		return String.format(Locale.ROOT, "%.2f", value);
	}

	static String graphQlBody(String query, String variables) {
		return graphQlBody(query, variables, null);
	}

	static String graphQlBody(String query, String variables, String extensions) {
		return "{\"query\":" + jsonString(query) + ((variables != null) ? ",\"variables\":" + variables : "")
				+ ((extensions != null) ? ",\"extensions\":" + extensions : "") + "}";
	}

	static String jsonString(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\t", "\\t") + "\"";
	}

	static String url(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	static String sha256(String text) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
	}

}
