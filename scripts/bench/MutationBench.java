import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mutation latency over HTTP (keep-alive, one client, API token): {@code updateAction} of one action of the
 * default pacte, each based on the version the previous one returned (one transaction each: lock, checks,
 * write, audit row, commit, data version read again), then pairs of concurrent updates of the same version
 * (one must win, the other get CONFLICT). Puts the wording back at the end. Run by scripts/bench/mutations.sh:
 * {@code java MutationBench.java BASE_URL TOKEN [ACTION_ID]}.
 */
public class MutationBench {

	static final int WARMUP = 30;

	static final int RUNS = 300;

	static final int PAIRS = 50;

	static final Pattern VERSION = Pattern.compile("\"version\":(\\d+)");

	public static void main(String[] args) throws Exception {
		String base = args[0];
		String token = args[1];
		String id = (args.length > 2) ? args[2] : "axe3-p1-a4";
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		String read = post(client, base, token, "{\"query\":\"query($id: ID!) { action(id: $id) { label version priority { id } "
				+ "parent { id } themes { slug } citedAs category instrument note } }\",\"variables\":{\"id\":\"" + id + "\"}}");
		String label = group(read, "\"label\":(\"(?:[^\"\\\\]|\\\\.)*\")");
		String priority = group(read, "\"priority\":\\{\"id\":(\"[^\"]+\")\\}");
		String citedAs = group(read, "\"citedAs\":(\\[[^\\]]*\\])");
		List<String> slugs = new ArrayList<>();
		Matcher themes = Pattern.compile("\"slug\":(\"[^\"]+\")").matcher(read);
		while (themes.find()) {
			slugs.add(themes.group(1));
		}
		String note = group(read, "\"note\":(null|\"(?:[^\"\\\\]|\\\\.)*\")");
		String category = group(read, "\"category\":(null|\"(?:[^\"\\\\]|\\\\.)*\")");
		String instrument = group(read, "\"instrument\":(null|\"(?:[^\"\\\\]|\\\\.)*\")");
		String fixed = "\"id\":\"" + id + "\",\"priority\":" + priority + ",\"themes\":" + slugs + ",\"citedAs\":" + citedAs
				+ ",\"note\":" + note + ",\"category\":" + category + ",\"instrument\":" + instrument;
		long version = Long.parseLong(group(read, VERSION.pattern()));

		long[] latencies = new long[RUNS];
		for (int i = -WARMUP; i < RUNS; i++) {
			String body = update(fixed, version, "\"" + "Bench " + i + "\"");
			long start = System.nanoTime();
			String answer = post(client, base, token, body);
			long took = System.nanoTime() - start;
			if (answer.contains("\"errors\"")) {
				throw new IllegalStateException("update " + i + " failed: " + answer);
			}
			version = Long.parseLong(group(answer, VERSION.pattern()));
			if (i >= 0) {
				latencies[i] = took;
			}
		}
		System.out.printf(Locale.ROOT, "updateAction over HTTP (one client, keep-alive, %d runs): p50 %.2f ms, p99 %.2f ms%n",
				RUNS, percentile(latencies, 50), percentile(latencies, 99));

		int won = 0;
		int conflicts = 0;
		long[] pairs = new long[PAIRS];
		for (int i = 0; i < PAIRS; i++) {
			long based = version;
			long start = System.nanoTime();
			CompletableFuture<String> a = postAsync(client, base, token, update(fixed, based, "\"Pair " + i + " a\""));
			CompletableFuture<String> b = postAsync(client, base, token, update(fixed, based, "\"Pair " + i + " b\""));
			List<String> answers = List.of(a.get(), b.get());
			pairs[i] = System.nanoTime() - start;
			for (String answer : answers) {
				if (answer.contains("\"CONFLICT\"")) {
					conflicts++;
				}
				else if (!answer.contains("\"errors\"")) {
					won++;
					version = Long.parseLong(group(answer, VERSION.pattern()));
				}
			}
		}
		System.out.printf(Locale.ROOT, "%d pairs of concurrent updates of the same version: %d won, %d CONFLICT "
				+ "(expected %d and %d); pair p50 %.2f ms, p99 %.2f ms%n", PAIRS, won, conflicts, PAIRS, PAIRS,
				percentile(pairs, 50), percentile(pairs, 99));
		String restored = post(client, base, token, update(fixed, version, label));
		if (restored.contains("\"errors\"")) {
			throw new IllegalStateException("could not put the wording back: " + restored);
		}
		if (won != PAIRS || conflicts != PAIRS) {
			System.exit(1);
		}
	}

	static String update(String fixed, long version, String label) {
		return "{\"query\":\"mutation($i: UpdateActionInput!) { updateAction(input: $i) { version } }\",\"variables\":{\"i\":{"
				+ fixed + ",\"version\":" + version + ",\"label\":" + label + "}}}";
	}

	static HttpRequest request(String base, String token, String body) {
		return HttpRequest.newBuilder(URI.create(base + "/graphql"))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + token)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

	static String post(HttpClient client, String base, String token, String body) throws Exception {
		HttpResponse<String> response = client.send(request(base, token, body), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
		}
		return response.body();
	}

	static CompletableFuture<String> postAsync(HttpClient client, String base, String token, String body) {
		return client.sendAsync(request(base, token, body), HttpResponse.BodyHandlers.ofString()).thenApply(HttpResponse::body);
	}

	static String group(String text, String regex) {
		Matcher matcher = Pattern.compile(regex).matcher(text);
		if (!matcher.find()) {
			throw new IllegalStateException("no " + regex + " in " + text);
		}
		return matcher.group(1);
	}

	static double percentile(long[] nanos, int percentile) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, index)] / 1e6;
	}

}
