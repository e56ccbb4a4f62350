import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load and fault benchmark: N kept-alive connections send the page's documents (first view, coverage per
 * theme, territory panels, pages of actions) for S seconds; each answer must be 200 without errors and
 * identical to the first answer to the same request. With a fault command, it is run D seconds in (the
 * database restarted) while a probe reads /actuator/health every 100 ms.
 * Usage: java LoadBench.java URL CONNECTIONS SECONDS [FAULT_DELAY_S FAULT_COMMAND...]
 */
public class LoadBench {

	static final String COUNTS = "territory { code name kind } actionCount";

	static final String FIRST_VIEW = """
			query FirstView($theme: String, $axis: Int) {
			  themes { slug label headline }
			  axes { number shortName title }
			  region: territories(filter: { kinds: [REGION] }) { ...Shape }
			  departments: territories(filter: { kinds: [DEPARTMENT] }) { ...Shape }
			  metropolises: territories(filter: { codes: ["AMP", "NCA", "TPM"] }) { ...Shape }
			  cities: territories(filter: { codes: ["13055"] }) { ...Shape }
			  coverage(theme: $theme, axis: $axis) { %1$s }
			  headline0: coverage(theme: "mobilite") { %1$s }
			  headline1: coverage(theme: "precarite-energetique") { %1$s }
			  headline2: coverage(theme: "alimentation") { %1$s }
			}
			fragment Shape on Territory { code name kind aliases labelPoint { lon lat } geometry(zoom: 8) }""".formatted(COUNTS);

	static final String COVERAGE = "query Coverage($theme: String, $axis: Int) { coverage(theme: $theme, axis: $axis) { " + COUNTS + " } }";

	static final String COVERAGE_WITH_ACTIONS = "query CoverageActions($theme: String, $axis: Int) { coverage(theme: $theme, axis: $axis) { "
			+ COUNTS + " actions { id label axis { number } priority { title } } } }";

	static final String TERRITORY_PANEL = """
			query TerritoryPanel($code: ID!, $kind: TerritoryKind, $theme: String, $axis: Int) {
			  territory(code: $code, kind: $kind) {
			    code name kind
			    actions(theme: $theme, axis: $axis) {
			      id label category instrument note
			      axis { number shortName title } priority { id position title } parent { id label } themes { slug label }
			    }
			  }
			  funding { lines { id instrument label partnerKind contractCount amount note partners { code } } }
			}""";

	static final String ACTIONS_PAGE = "query Actions($axis: Int, $after: String) { actions(first: 10, after: $after, filter: {axis: $axis}) "
			+ "{ totalCount edges { cursor node { id label themes { slug } territories { code } } } pageInfo { hasNextPage endCursor } } }";

	static final String[] THEMES = { "mobilite", "precarite-energetique", "alimentation", null };

	static final String[] CODES = { "04", "05", "06", "13", "83", "84", "AMP", "NCA", "TPM", "13055" };

	record Sample(long startNanos, long nanos, boolean ok, String failure) {
	}

	public static void main(String[] args) throws Exception {
		String base = args[0];
		int connections = Integer.parseInt(args[1]);
		int seconds = Integer.parseInt(args[2]);
		int faultDelay = (args.length > 4) ? Integer.parseInt(args[3]) : -1;
		List<String> fault = (args.length > 4) ? Arrays.asList(args).subList(4, args.length) : List.of();

		List<String> cursors = cursors(base);
		Map<String, Integer> expected = new ConcurrentHashMap<>();
		AtomicInteger mismatches = new AtomicInteger();
		long start = System.nanoTime();
		long end = start + seconds * 1_000_000_000L;
		List<List<Sample>> perThread = new ArrayList<>();
		List<Thread> threads = new ArrayList<>();
		for (int c = 0; c < connections; c++) {
			List<Sample> samples = new ArrayList<>();
			perThread.add(samples);
			Random random = new Random(c);
			HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
			Thread thread = new Thread(() -> {
				while (System.nanoTime() < end) {
					String body = pick(random, cursors);
					long t0 = System.nanoTime();
					String failure = null;
					try {
						HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + "/graphql"))
							.header("Content-Type", "application/json").timeout(Duration.ofSeconds(15))
							.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
						if (response.statusCode() != 200 || response.body().contains("\"errors\"")) {
							failure = response.statusCode() + " " + code(response.body());
						}
						else if (expected.putIfAbsent(body, response.body().hashCode()) != null
								&& expected.get(body) != response.body().hashCode()) {
							mismatches.incrementAndGet();
						}
					}
					catch (Exception ex) {
						failure = ex.getClass().getSimpleName();
					}
					samples.add(new Sample(t0 - start, System.nanoTime() - t0, failure == null, failure));
				}
			});
			threads.add(thread);
			thread.start();
		}
		List<String> healthLog = new ArrayList<>();
		AtomicLong faultAt = new AtomicLong(-1);
		AtomicLong faultDone = new AtomicLong(-1);
		Thread faultThread = null;
		if (faultDelay >= 0) {
			faultThread = new Thread(() -> {
				try {
					Thread.sleep(faultDelay * 1000L);
					faultAt.set(System.nanoTime() - start);
					new ProcessBuilder(fault).inheritIO().start().waitFor();
					faultDone.set(System.nanoTime() - start);
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			});
			faultThread.start();
			Thread probe = new Thread(() -> probeHealth(base, start, end, healthLog));
			probe.setDaemon(true);
			probe.start();
		}
		for (Thread thread : threads) {
			thread.join();
		}
		if (faultThread != null) {
			faultThread.join();
		}
		report(perThread, seconds, mismatches.get(), faultAt.get(), faultDone.get(), healthLog);
	}

	static String pick(Random random, List<String> cursors) {
		int roll = random.nextInt(100);
		String theme = THEMES[random.nextInt(THEMES.length)];
		String themeJson = (theme != null) ? "\"" + theme + "\"" : "null";
		String axis = random.nextBoolean() ? "null" : Integer.toString(1 + random.nextInt(4));
		if (roll < 10) {
			return body(FIRST_VIEW, "{\"theme\":" + themeJson + "}");
		}
		if (roll < 40) {
			return body(COVERAGE, "{\"theme\":" + themeJson + ",\"axis\":" + axis + "}");
		}
		if (roll < 55) {
			return body(COVERAGE_WITH_ACTIONS, "{\"theme\":" + themeJson + ",\"axis\":" + axis + "}");
		}
		if (roll < 85) {
			return body(TERRITORY_PANEL, "{\"code\":\"" + CODES[random.nextInt(CODES.length)] + "\",\"theme\":" + themeJson + "}");
		}
		String cursor = cursors.get(random.nextInt(cursors.size()));
		return body(ACTIONS_PAGE, "{\"axis\":null,\"after\":" + ((cursor != null) ? "\"" + cursor + "\"" : "null") + "}");
	}

	// The cursors of the pages of all actions, to ask any page directly.
	static List<String> cursors(String base) throws Exception {
		HttpClient client = HttpClient.newHttpClient();
		List<String> cursors = new ArrayList<>();
		cursors.add(null);
		String after = null;
		for (int page = 0; page < 20; page++) {
			String body = body(ACTIONS_PAGE, "{\"axis\":null,\"after\":" + ((after != null) ? "\"" + after + "\"" : "null") + "}");
			String json = client.send(HttpRequest.newBuilder(URI.create(base + "/graphql")).header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()).body();
			Matcher next = Pattern.compile("\"hasNextPage\":(true|false),\"endCursor\":\"([^\"]+)\"").matcher(json);
			if (!next.find() || next.group(1).equals("false")) {
				break;
			}
			after = next.group(2);
			cursors.add(after);
		}
		return cursors;
	}

	static void probeHealth(String base, long start, long end, List<String> log) {
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		String last = "";
		while (System.nanoTime() < end) {
			long t0 = System.nanoTime();
			String state;
			try {
				HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
					.timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.ofString());
				state = response.body().contains("\"status\":\"UP\"") ? "UP" : "DOWN";
			}
			catch (Exception ex) {
				state = "no answer within 1 s";
			}
			long ms = (System.nanoTime() - t0) / 1_000_000;
			if (!state.equals(last)) {
				synchronized (log) {
					log.add(String.format(Locale.ROOT, "  health at +%.1f s: %s (answered in %d ms)", (t0 - start) / 1e9, state, ms));
				}
				last = state;
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				return;
			}
		}
	}

	static void report(List<List<Sample>> perThread, int seconds, int mismatches, long faultAt, long faultDone, List<String> healthLog) {
		List<Sample> all = new ArrayList<>();
		perThread.forEach(all::addAll);
		long[] nanos = all.stream().mapToLong(Sample::nanos).sorted().toArray();
		long errors = all.stream().filter(s -> !s.ok()).count();
		Map<String, Integer> failures = new java.util.TreeMap<>();
		all.stream().filter(s -> !s.ok()).forEach(s -> failures.merge(s.failure(), 1, Integer::sum));
		System.out.printf(Locale.ROOT, "  %d requests in %d s: %.0f req/s, p50 %.1f ms, p99 %.1f ms, max %.0f ms; errors %d %s; answers differing from the first: %d%n",
				all.size(), seconds, all.size() / (double) seconds, pct(nanos, 50), pct(nanos, 99), nanos[nanos.length - 1] / 1e6,
				errors, failures.isEmpty() ? "" : failures.toString(), mismatches);
		if (faultAt >= 0) {
			// The outage: requests that failed for the database (or the connection), not refusals for overload.
			List<Sample> outage = all.stream().filter(s -> !s.ok() && !s.failure().contains("OVERLOADED")).toList();
			long firstFailure = outage.stream().mapToLong(Sample::startNanos).min().orElse(-1);
			long lastFailureEnd = outage.stream().mapToLong(s -> s.startNanos() + s.nanos()).max().orElse(-1);
			System.out.printf(Locale.ROOT, "  database restart: command at +%.1f s, done at +%.1f s (%.1f s)%n", faultAt / 1e9, faultDone / 1e9,
					(faultDone - faultAt) / 1e9);
			if (firstFailure >= 0) {
				System.out.printf(Locale.ROOT, "  %d requests failed for the database, from +%.2f s to +%.2f s; recovered %.2f s after the restart command, %.2f s after the database was back%n",
						outage.size(), firstFailure / 1e9, lastFailureEnd / 1e9, (lastFailureEnd - faultAt) / 1e9, Math.max(0, lastFailureEnd - faultDone) / 1e9);
			}
			healthLog.forEach(System.out::println);
		}
	}

	static double pct(long[] sorted, int p) {
		return sorted[Math.max(0, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
	}

	static String code(String body) {
		Matcher code = Pattern.compile("\"code\":\"([A-Z_]+)\"").matcher(body);
		return code.find() ? code.group(1) : "-";
	}

	static String body(String query, String variables) {
		return "{\"query\":\"" + query.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\",\"variables\":" + variables + "}";
	}

}
