package fr.pactecarto.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import fr.pactecarto.support.TestData;
import fr.pactecarto.support.PacteIntegrationTest;
import fr.pactecarto.support.PageDocuments;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bad-input suite: hundreds of malformed, oversized and abusive requests of every family — bodies (empty,
 * {@code null}, batches, bad JSON, deep JSON, too large, chunked), GraphQL documents (syntax, unknown fields,
 * fragment bombs and chains, aliases, depth, cost, NUL characters, operations we do not run), HTTP (long URLs,
 * large headers, methods, media types, paths) — against the real application on a random port. Each must get
 * a 4xx, or a GraphQL error with a code, within 2 s, with no stack trace or framework detail; afterwards the
 * map's first view answers exactly as before and the heap is back where it was.
 */
@PacteIntegrationTest
@ExtendWith(TestData.class)
class BadInputTests {

	private static final Pattern CODE = Pattern.compile("\"code\":\"([A-Z_]+)\"");

	private static final List<String> LEAKS = List.of("Exception", "\tat ", "at org.", "at fr.", "at java.", "springframework",
			"Whitelabel", "\"trace\"", "graphql.", "tools.jackson", "reactor.");

	@LocalServerPort
	int port;

	final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2)).build();

	record Case(String family, String name, Sender sender) {
	}

	@FunctionalInterface
	interface Sender {

		Answer send() throws Exception;

	}

	record Answer(int status, String body) {
	}

	@Test
	void everyBadRequestGetsAClearRefusalAndTheServiceIsUnharmed() throws Exception {
		String before = firstView();
		assertThat(before).contains("\"mapLayers\"").doesNotContain("\"errors\"");
		long heapBefore = usedHeapAfterGc();

		List<Case> cases = cases();
		assertThat(cases).hasSizeGreaterThanOrEqualTo(300);
		List<String> failures = new ArrayList<>();
		Map<String, Integer> codes = new TreeMap<>();
		for (Case c : cases) {
			long start = System.nanoTime();
			Answer answer;
			try {
				answer = c.sender().send();
			}
			catch (HttpTimeoutException ex) {
				failures.add(c.family() + " / " + c.name() + ": no answer within 2 s");
				continue;
			}
			long ms = (System.nanoTime() - start) / 1_000_000;
			String problem = problem(answer, ms);
			if (problem != null) {
				failures.add(c.family() + " / " + c.name() + ": " + problem + " — " + abbreviate(answer.body()));
			}
			Matcher code = CODE.matcher(answer.body());
			codes.merge(answer.status() + " " + (code.find() ? code.group(1) : "-"), 1, Integer::sum);
		}
		System.out.println("[bad-input] " + cases.size() + " requests: " + codes);
		assertThat(failures).as("requests not refused cleanly").isEmpty();

		assertThat(firstView()).isEqualTo(before);
		long heapAfter = usedHeapAfterGc();
		System.out.printf("[bad-input] used heap after GC: %d MB before, %d MB after%n", heapBefore >> 20, heapAfter >> 20);
		assertThat(heapAfter).as("the heap came back").isLessThan(heapBefore + (64L << 20));
	}

	// A cold JVM may need more than the 2 s of the bad requests for the largest answer.
	String firstView() throws Exception {
		HttpRequest request = HttpRequest.newBuilder(uri("/graphql")).header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(json(PageDocuments.get(PageDocuments.FIRST_VIEW), "{\"theme\":\"mobilite\"}"))).build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString()).body();
	}

	// null when the answer is a clean refusal; otherwise what is wrong with it.
	private static String problem(Answer answer, long ms) {
		if (ms > 2000) {
			return "took " + ms + " ms";
		}
		for (String leak : LEAKS) {
			if (answer.body().contains(leak)) {
				return "leaks '" + leak + "'";
			}
		}
		if (answer.status() >= 400 && answer.status() < 500) {
			return null;
		}
		if (answer.status() == 200 && answer.body().contains("\"errors\"") && CODE.matcher(answer.body()).find()) {
			return null;
		}
		return "status " + answer.status();
	}

	List<Case> cases() {
		List<Case> cases = new ArrayList<>();
		bodies(cases);
		documents(cases);
		httpLevel(cases);
		return cases;
	}

	private void bodies(List<Case> cases) {
		for (String type : List.of("application/json", "application/graphql-response+json", "application/json; charset=utf-8")) {
			cases.add(new Case("body", "empty " + type, () -> post("", type)));
			cases.add(new Case("body", "whitespace " + type, () -> post("  \n\t ", type)));
			cases.add(new Case("body", "null " + type, () -> post("null", type)));
		}
		for (String value : List.of("true", "false", "0", "-1", "1e309", "\"{ __typename }\"", "\"\"", "{}", "{\"query\":null}",
				"{\"query\":5}", "{\"query\":\"\"}", "{\"query\":\"  \"}", "{\"query\":[\"{ __typename }\"]}", "{\"query\":{}}",
				"{\"variables\":{}}", "{\"query\":\"{ __typename }\",\"variables\":[]}", "{\"query\":\"{ __typename }\",\"variables\":\"x\"}",
				"{\"query\":\"{ __typename }\",\"variables\":5}", "{\"query\":\"{ __typename }\",\"operationName\":5}",
				"{\"query\":\"{ __typename }\",\"extensions\":[]}", "{\"query\":\"{ __typename }\"} {\"query\":\"{ __typename }\"}",
				"{\"query\":\"{ __typename }\"}]", "{'query':'{ __typename }'}", "{query:\"{ __typename }\"}")) {
			cases.add(new Case("body", value, () -> post(value)));
		}
		for (int size : new int[] { 0, 1, 2, 5, 10, 50, 100, 1000 }) {
			String batch = "[" + IntStream.range(0, size).mapToObj(i -> "{\"query\":\"{ __typename }\"}").collect(Collectors.joining(",")) + "]";
			cases.add(new Case("body", "batch of " + size, () -> post(batch)));
		}
		String valid = json("{ axes { number } }", null);
		for (int cut = 1; cut < valid.length(); cut += 1) {
			String prefix = valid.substring(0, cut);
			if (!prefix.isBlank()) {
				cases.add(new Case("body", "truncated at " + cut, () -> post(prefix)));
			}
		}
		for (int depth : new int[] { 65, 100, 1_000, 10_000, 60_000 }) {
			cases.add(new Case("body", "array nested " + depth, () -> post("[".repeat(depth) + "]".repeat(depth))));
			cases.add(new Case("body", "variables nested " + depth, () -> post("{\"query\":\"{ __typename }\",\"variables\":{\"a\":"
					+ "{\"a\":".repeat(depth) + "1" + "}".repeat(depth) + "}}")));
		}
		for (int kb : new int[] { 129, 256, 300, 1024, 4096 }) {
			String padding = "x".repeat(kb * 1024);
			cases.add(new Case("body", kb + " KB query", () -> post(json("{ __typename } # " + padding, null))));
			cases.add(new Case("body", kb + " KB string argument", () -> post(json("{ territory(code: \"" + padding + "\") { name } }", null))));
			cases.add(new Case("body", kb + " KB variables", () -> post("{\"query\":\"{ __typename }\",\"variables\":{\"v\":\"" + padding + "\"}}")));
			cases.add(new Case("body", kb + " KB chunked", () -> postChunked(json("{ __typename } # " + padding, null))));
		}
		String list = IntStream.range(0, 100_000).mapToObj(Integer::toString).collect(Collectors.joining(","));
		cases.add(new Case("body", "100,000-element list", () -> post("{\"query\":\"query($b: [Float!]) { territories(filter: {bbox: $b}) { code } }\",\"variables\":{\"b\":[" + list + "]}}")));
		String shortList = IntStream.range(0, 10_000).mapToObj(i -> "1").collect(Collectors.joining(","));
		cases.add(new Case("body", "10,000-element bbox", () -> post("{\"query\":\"query($b: [Float!]) { territories(filter: {bbox: $b}) { code } }\",\"variables\":{\"b\":[" + shortList + "]}}")));
		cases.add(new Case("body", "10,000 codes", () -> post("{\"query\":\"query($c: [ID!]) { territories(filter: {codes: $c}) { code } }\",\"variables\":{\"c\":[" + IntStream.range(0, 10_000).mapToObj(i -> "\"c" + i + "\"").collect(Collectors.joining(",")) + "]}}")));
		for (String bytes : List.of("\u0000", "\u0000\u0000{}", "\uFFFE", "\u00ff\u00fe")) {
			cases.add(new Case("body", "raw bytes " + bytes.codePointAt(0), () -> post(bytes)));
		}
		java.util.Random random = new java.util.Random(10);
		for (int i = 0; i < 40; i++) {
			byte[] garbage = new byte[1 + random.nextInt(2000)];
			random.nextBytes(garbage);
			if (i % 2 == 0) {
				garbage[0] = '{';
			}
			cases.add(new Case("body", "random bytes #" + i, () -> postBytes(garbage)));
		}
		cases.add(new Case("body", "invalid UTF-8", () -> postBytes(new byte[] { '{', '"', 'q', '"', ':', (byte) 0xC3, (byte) 0x28, '}' })));
	}

	private void documents(List<Case> cases) {
		for (String query : List.of("{", "}", "{ axes { number }", "{ axes { number } } }", "query {", "query Q($a: ) { axes { number } }",
				"{ axes(number: ) { number } }", "fragment on on on", "{ ...  }", "{ axes { ... on } }", "\"\"\"", "{ axes { number } } }\u0001",
				"subscription { axes { number } }", "mutation { axes { number } }", "{ a: b: c }", "{ 123 }", "{ axes @ { number } }",
				"query Q { axes { number } } query Q { axes { number } }", "{ axes { number } } fragment F on Axis { nope }",
				"query A { axes { number } } query B { axes { number } }", "{ axes { number(x: 1) } }", "{ territory { name } }",
				"{ territory(code: 13.5) { name } }", "{ territory(code: \"13\", kind: NOPE) { name } }", "{ nope }", "{ axes { nope } }",
				"{ axes }", "{ axes { number { x } } }", "{ __type(name: 5) { name } }", "{ ...Missing }", "fragment F on Query { ...F } { ...F }",
				"fragment A on Query { ...B } fragment B on Query { ...A } { ...A }", "query($x: Int) { axes { number } }",
				"query { axes(number: $undefined) { number } }", "{ territories(filter: {bbox: [1, 2, 3]}) { code } }",
				"{ territories(filter: {bbox: [5, 44, 6, 43]}) { code } }", "{ territory(code: \"13\") { geometry(zoom: 99) } }",
				"{ territoriesAt(lon: 999, lat: 0) { code } }", "{ actions(first: 100000) { totalCount } }",
				"{ actions(after: \"not-a-cursor\") { totalCount } }", "{ coverage(theme: \"nope\") { actionCount } }")) {
			cases.add(new Case("document", query, () -> post(json(query, null))));
		}
		cases.add(new Case("document", "20,000 tokens", () -> post(json("{ " + "__typename ".repeat(20_000) + "}", null))));
		cases.add(new Case("document", "600 levels of braces", () -> post(json("{ axes ".repeat(600) + "}".repeat(600), null))));
		for (int n : new int[] { 8, 9, 10, 12, 15, 18, 20, 25, 30 }) {
			cases.add(new Case("fragments", "bomb of " + n, () -> post(json(bomb(n), null))));
			cases.add(new Case("fragments", "aliased bomb of " + n, () -> post(json(aliasedBomb(n), null))));
		}
		for (int n : new int[] { 31, 50, 100, 500, 1000 }) {
			cases.add(new Case("fragments", "chain of " + n, () -> post(json(chain(n), null))));
			cases.add(new Case("fragments", "nested chain of " + n, () -> post(json(nestedChain(n), null))));
		}
		for (int n : new int[] { 501, 600, 1000, 2000, 5000 }) {
			String aliases = IntStream.range(0, n).mapToObj(i -> "a" + i + ": __typename").collect(Collectors.joining(" "));
			cases.add(new Case("aliases", n + " aliases", () -> post(json("{ " + aliases + " }", null))));
		}
		for (int n : new int[] { 2, 10, 100, 200 }) {
			String geometries = IntStream.range(0, n).mapToObj(i -> "a" + i + ": territories { geometry }").collect(Collectors.joining(" "));
			cases.add(new Case("cost", n + " aliases of territories { geometry }", () -> post(json("{ " + geometries + " }", null))));
		}
		for (int n : new int[] { 200, 400, 800 }) {
			String outlines = IntStream.range(0, n).mapToObj(i -> "a" + i + ": territories(filter: {kinds: [DEPARTMENT]}) { geometry }").collect(Collectors.joining(" "));
			cases.add(new Case("cost", n + " aliases of department outlines", () -> post(json("{ " + outlines + " }", null))));
		}
		for (String query : List.of("{ territories { geometry children { code } } }",
				"{ a: territories(filter: {kinds: [COMMUNE]}) { geometry } b: territories(filter: {kinds: [COMMUNE]}) { geometry } }",
				"{ a: territories(filter: {kinds: [COMMUNE]}) { geometry(zoom: 12) } b: territories(filter: {kinds: [COMMUNE]}) { geometry(zoom: 12) } "
						+ "c: territories(filter: {kinds: [COMMUNE]}) { geometry(zoom: 12) } d: territories(filter: {kinds: [COMMUNE]}) { geometry(zoom: 12) } }",
				"{ territories(filter: {kinds: [EPCI]}) { children { geometry } } }",
				"{ territories(filter: {kinds: [DEPARTMENT]}) { children { children { name geometry(zoom: 6) } } } }",
				"{ territories { children { children { children { code } } } } }",
				"{ territories { actions { territories { actions { territories { geometry } } } } } }",
				"{ actions(first: 100) { edges { node { territories { geometry children { geometry } } } } } }")) {
			cases.add(new Case("cost", query, () -> post(json(query, null))));
		}
		for (int depth : new int[] { 11, 12, 20, 50, 100 }) {
			String deep = "{ territory(code: \"13055\") { " + "parent { ".repeat(depth) + "code" + " }".repeat(depth) + " } }";
			cases.add(new Case("depth", depth + " levels", () -> post(json(deep, null))));
		}
		String nul = "\u0000";
		for (String query : List.of("{ territory(code: \"13" + nul + "\") { name } }", "{ territory(code: \"" + nul + "\") { name } }",
				"{ coverage(theme: \"mob" + nul + "ilite\") { actionCount } }", "{ actions(filter: {text: \"" + nul + "\"}) { totalCount } }",
				"{ territories(filter: {codes: [\"13\", \"" + nul + "\"]}) { code } }", "{ action(id: \"" + nul + "\") { id } }",
				"{ territories(filter: {parent: \"" + nul + "93\"}) { code } }", "{ actions(after: \"" + nul + "\") { totalCount } }")) {
			cases.add(new Case("nul", "literal " + query.indexOf(nul), () -> post(json(query, null))));
		}
		for (String variables : List.of("{\"c\":\"13\\u0000\"}", "{\"c\":\"\\u0000\"}", "{\"c\":\"a\\u0000b\"}")) {
			cases.add(new Case("nul", "variable " + variables, () -> post(json("query($c: ID!) { territory(code: $c) { name } }", variables))));
			cases.add(new Case("nul", "text variable " + variables, () -> post(json("query($c: String) { actions(filter: {text: $c}) { totalCount } }", variables))));
		}
		cases.add(new Case("nul", "in a list variable", () -> post(json("query($c: [ID!]) { territories(filter: {codes: $c}) { code } }", "{\"c\":[\"13\",\"x\\u0000\"]}"))));
		for (String variables : List.of("{\"c\":13.5}", "{\"c\":null}", "{\"c\":[\"13\"]}", "{\"c\":{\"a\":1}}", "{}", "{\"c\":true}")) {
			cases.add(new Case("variables", variables, () -> post(json("query($c: ID!) { territory(code: $c) { name } }", variables))));
		}
	}

	private void httpLevel(List<Case> cases) {
		for (int kb : new int[] { 17, 32, 64, 200 }) {
			String query = "x".repeat(kb * 1024);
			cases.add(new Case("http", "GET URL of " + kb + " KB", () -> raw("GET /graphql?query=" + query + " HTTP/1.1\r\nHost: x\r\n\r\n")));
			cases.add(new Case("http", "header of " + kb + " KB", () -> raw("GET /actuator/health HTTP/1.1\r\nHost: x\r\nX-Big: " + query + "\r\n\r\n")));
		}
		String manyHeaders = IntStream.range(0, 2000).mapToObj(i -> "X-H" + i + ": v\r\n").collect(Collectors.joining());
		cases.add(new Case("http", "2,000 headers", () -> raw("GET /actuator/health HTTP/1.1\r\nHost: x\r\n" + manyHeaders + "\r\n")));
		cases.add(new Case("http", "garbage request line", () -> raw("HELLO\r\n\r\n")));
		cases.add(new Case("http", "negative Content-Length", () -> raw("POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: -5\r\n\r\n")));
		cases.add(new Case("http", "huge Content-Length", () -> raw("POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 99999999999\r\n\r\n{}")));
		// GET runs queries (HTTP caching); these are no valid query.
		for (String query : List.of("{ nope }", "subscription { coverageChanged { actionCount } }", "", "{", "%00")) {
			cases.add(new Case("http", "GET /graphql?query=" + query, () -> get("/graphql?query=" + java.net.URLEncoder.encode(query, StandardCharsets.UTF_8))));
		}
		for (String method : List.of("PUT", "DELETE", "PATCH")) {
			cases.add(new Case("http", method + " /graphql", () -> send(HttpRequest.newBuilder(uri("/graphql")).method(method,
					HttpRequest.BodyPublishers.ofString(json("{ axes { number } }", null))).header("Content-Type", "application/json"))));
		}
		for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "nonsense", "application/")) {
			cases.add(new Case("http", "Content-Type " + type, () -> send(HttpRequest.newBuilder(uri("/graphql"))
				.POST(HttpRequest.BodyPublishers.ofString(json("{ axes { number } }", null))).header("Content-Type", type))));
		}
		for (String accept : List.of("application/xml", "text/html", "image/png", "nonsense/")) {
			cases.add(new Case("http", "Accept " + accept, () -> send(HttpRequest.newBuilder(uri("/graphql")).header("Accept", accept)
				.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json("{ nope }", null))))));
		}
		for (String path : List.of("/nope", "/graphql/", "/graphql/nope", "/actuator/env", "/actuator/heapdump", "/../etc/passwd",
				"/%2e%2e/%2e%2e/etc/passwd", "/js/../../application.yml", "/webjars/nope.js", "/map/config/x", "/" + "a/".repeat(2000))) {
			cases.add(new Case("http", "GET " + abbreviate(path), () -> get(path)));
		}
		cases.add(new Case("http", "X-Request-Id with a newline", () -> raw("GET /nope HTTP/1.1\r\nHost: x\r\nX-Request-Id: a\rb\r\n\r\n")));
	}

	static String bomb(int n) {
		StringBuilder document = new StringBuilder("{ territory(code: \"13\") { ...F" + n + " } }\nfragment F0 on Territory { code name geometry }\n");
		for (int i = 1; i <= n; i++) {
			document.append("fragment F").append(i).append(" on Territory { ...F").append(i - 1).append(" ...F").append(i - 1).append(" }\n");
		}
		return document.toString();
	}

	static String aliasedBomb(int n) {
		StringBuilder document = new StringBuilder("{ territory(code: \"13055\") { ...F" + n + " } }\nfragment F0 on Territory { code }\n");
		for (int i = 1; i <= n; i++) {
			document.append("fragment F").append(i).append(" on Territory { a").append(i).append(": parent { ...F").append(i - 1)
				.append(" } b").append(i).append(": children { ...F").append(i - 1).append(" } }\n");
		}
		return document.toString();
	}

	static String chain(int n) {
		return "{ ...F0 }\n" + IntStream.range(0, n).mapToObj(i -> "fragment F" + i + " on Query { ...F" + (i + 1) + " }")
			.collect(Collectors.joining("\n")) + "\nfragment F" + n + " on Query { __typename }";
	}

	static String nestedChain(int n) {
		return "{ territory(code: \"13055\") { ...F0 } }\n" + IntStream.range(0, n)
			.mapToObj(i -> "fragment F" + i + " on Territory { parent { ...F" + (i + 1) + " } }")
			.collect(Collectors.joining("\n")) + "\nfragment F" + n + " on Territory { code }";
	}

	static String json(String query, String variables) {
		return "{\"query\":" + quote(query) + ((variables != null) ? ",\"variables\":" + variables : "") + "}";
	}

	static String quote(String text) {
		StringBuilder quoted = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> quoted.append("\\\"");
				case '\\' -> quoted.append("\\\\");
				case '\n' -> quoted.append("\\n");
				default -> quoted.append((c < 0x20) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
			}
		}
		return quoted.append('"').toString();
	}

	URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	Answer post(String body) throws Exception {
		return post(body, "application/json");
	}

	Answer post(String body, String type) throws Exception {
		return send(HttpRequest.newBuilder(uri("/graphql")).header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	Answer postBytes(byte[] body) throws Exception {
		return send(HttpRequest.newBuilder(uri("/graphql")).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)));
	}

	Answer postChunked(String body) throws Exception {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		return send(HttpRequest.newBuilder(uri("/graphql")).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))));
	}

	Answer get(String path) throws Exception {
		return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path.replace(" ", "%20"))).GET());
	}

	Answer send(HttpRequest.Builder request) throws Exception {
		try {
			HttpResponse<String> response = this.http.send(request.timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
			return new Answer(response.statusCode(), response.body());
		}
		catch (IOException ex) {
			if (ex instanceof HttpTimeoutException) {
				throw ex;
			}
			// The server refused a body that was still being sent and closed the connection: read as a refusal.
			return new Answer(413, "connection closed while sending: " + ex.getClass().getSimpleName());
		}
	}

	/** A request written byte for byte on a fresh connection; answers the status of the response, if any. */
	Answer raw(String request) throws Exception {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(2000);
			OutputStream out = socket.getOutputStream();
			try {
				out.write(request.getBytes(StandardCharsets.ISO_8859_1));
				out.flush();
			}
			catch (IOException ex) {
				// the server closed before reading it all: its answer, if any, is still readable
			}
			InputStream in = socket.getInputStream();
			java.io.ByteArrayOutputStream received = new java.io.ByteArrayOutputStream();
			byte[] buffer = new byte[4096];
			try {
				for (int read = in.read(buffer); read >= 0 && received.size() < 8192; read = in.read(buffer)) {
					received.write(buffer, 0, read);
					if (complete(received.toString(StandardCharsets.ISO_8859_1))) {
						break;
					}
				}
			}
			catch (java.net.SocketTimeoutException ex) {
				if (received.size() == 0) {
					throw ex;
				}
			}
			catch (IOException ex) {
				// reset after the answer (the server closes a connection whose request it refused): keep what came
			}
			String text = received.toString(StandardCharsets.ISO_8859_1);
			Matcher status = Pattern.compile("^HTTP/1\\.[01] (\\d{3})").matcher(text);
			if (!status.find()) {
				return new Answer(0, "connection closed without an answer");
			}
			int body = text.indexOf("\r\n\r\n");
			return new Answer(Integer.parseInt(status.group(1)), (body >= 0) ? text.substring(body + 4) : "");
		}
		catch (java.net.SocketTimeoutException ex) {
			throw new HttpTimeoutException("no answer within 2 s");
		}
	}

	// A whole response: headers, then as many bytes as Content-Length says (the connection may stay open).
	private static boolean complete(String text) {
		int end = text.indexOf("\r\n\r\n");
		if (end < 0) {
			return false;
		}
		Matcher length = Pattern.compile("(?im)^content-length: *(\\d+)").matcher(text.substring(0, end));
		return length.find() && text.length() - end - 4 >= Integer.parseInt(length.group(1));
	}

	static long usedHeapAfterGc() throws InterruptedException {
		for (int i = 0; i < 3; i++) {
			System.gc();
			Thread.sleep(100);
		}
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	static String abbreviate(String text) {
		return (text.length() > 160) ? text.substring(0, 160) + "…" : text;
	}

}
