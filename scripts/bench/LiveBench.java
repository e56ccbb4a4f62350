import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * N WebSocket subscribers of coverageChanged(theme: "mobilite") on one instance (graphql-transport-ws), then one
 * change a second committed by plain SQL (a citation of axe4-p1-a3 toggled, which changes the mobility
 * coverage): for each change, the delay from the commit's return to each subscriber's receipt; the instance's CPU
 * and memory over the run. Run by scripts/bench/live.sh: java -cp postgresql.jar LiveBench.java WS_URL JDBC_URL
 * SUBSCRIBERS CHANGES PID.
 */
public class LiveBench {

	static final String SUBSCRIBE = """
			{"id":"1","type":"subscribe","payload":{"query":"subscription { coverageChanged(theme: \\"mobilite\\") { territory { code } actionCount } }"}}""";

	public static void main(String[] args) throws Exception {
		URI url = URI.create(args[0]);
		String jdbc = args[1];
		int subscribers = Integer.parseInt(args[2]);
		int changes = Integer.parseInt(args[3]);
		long pid = Long.parseLong(args[4]);
		// received[change * subscribers + subscriber]: nanoTime of the receipt, 0 until then.
		AtomicLongArray received = new AtomicLongArray(changes * subscribers);
		int[] seen = new int[subscribers];
		CountDownLatch subscribed = new CountDownLatch(subscribers);
		java.util.concurrent.ConcurrentHashMap<String, Integer> refusals = new java.util.concurrent.ConcurrentHashMap<>();
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();
		List<WebSocket> sockets = new ArrayList<>();
		long openStart = System.nanoTime();
		for (int i = 0; i < subscribers; i++) {
			int subscriber = i;
			WebSocket.Listener listener = new WebSocket.Listener() {
				StringBuilder text = new StringBuilder();

				// One send at a time: the JDK's WebSocket fails a send while another is pending.
				CompletableFuture<WebSocket> sending;

				void send(WebSocket socket, String message) {
					this.sending = (this.sending == null) ? socket.sendText(message, true)
							: this.sending.thenCompose(ws -> ws.sendText(message, true));
				}

				@Override
				public void onOpen(WebSocket socket) {
					send(socket, "{\"type\":\"connection_init\"}");
					socket.request(1);
				}

				@Override
				public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
					this.text.append(data);
					if (last) {
						String message = this.text.toString();
						this.text.setLength(0);
						if (message.contains("\"connection_ack\"")) {
							send(socket, SUBSCRIBE);
							subscribed.countDown();
						}
						else if (message.contains("\"type\":\"error\"")) {
							refusals.merge(message.replaceAll(".*\"code\":\"([A-Z_]+)\".*", "$1"), 1, Integer::sum);
						}
						else if (message.contains("\"ping\"")) {
							send(socket, "{\"type\":\"pong\"}");
						}
						else if (message.contains("\"next\"")) {
							long now = System.nanoTime();
							synchronized (seen) {
								int change = seen[subscriber]++;
								if (change < changes) {
									received.set(change * subscribers + subscriber, now);
								}
							}
						}
					}
					socket.request(1);
					return null;
				}
			};
			sockets.add(http.newWebSocketBuilder().subprotocols("graphql-transport-ws").buildAsync(url, listener).get(30, TimeUnit.SECONDS));
		}
		if (!subscribed.await(120, TimeUnit.SECONDS)) {
			System.out.println("only " + (subscribers - subscribed.getCount()) + " of " + subscribers + " subscribed");
			System.exit(1);
		}
		System.out.printf(Locale.ROOT, "%d subscribers connected and subscribed in %.1f s%n", subscribers,
				(System.nanoTime() - openStart) / 1e9);
		Thread.sleep(3000); // the question's baseline is computed once, for all
		long[] cpuBefore = cpu(pid);
		long wallBefore = System.nanoTime();
		long[] commits = new long[changes];
		List<Long> all = new ArrayList<>();
		long[] last = new long[changes];
		int missing = 0;
		try (Connection db = DriverManager.getConnection(jdbc)) {
			db.setAutoCommit(false);
			for (int c = 0; c < changes; c++) {
				long start = System.nanoTime();
				try (Statement statement = db.createStatement()) {
					statement.executeUpdate((c % 2 == 0)
							? "UPDATE pacte_action SET cited_as = cited_as || '{05}'::text[] WHERE pacte_id = '93-2024' AND id = 'axe4-p1-a3'"
							: "UPDATE pacte_action SET cited_as = array_remove(cited_as, '05') WHERE pacte_id = '93-2024' AND id = 'axe4-p1-a3'");
				}
				db.commit();
				commits[c] = System.nanoTime();
				long deadline = commits[c] + TimeUnit.SECONDS.toNanos(10);
				for (int s = 0; s < subscribers; s++) {
					while (received.get(c * subscribers + s) == 0 && System.nanoTime() < deadline) {
						Thread.sleep(1);
					}
					long at = received.get(c * subscribers + s);
					if (at == 0) {
						missing++;
						continue;
					}
					all.add(at - commits[c]);
					last[c] = Math.max(last[c], at - commits[c]);
				}
				long pause = TimeUnit.SECONDS.toNanos(1) - (System.nanoTime() - start);
				if (pause > 0) {
					Thread.sleep(pause / 1_000_000);
				}
			}
			if (changes % 2 == 1) {
				try (Statement statement = db.createStatement()) {
					statement.executeUpdate("UPDATE pacte_action SET cited_as = array_remove(cited_as, '05') WHERE pacte_id = '93-2024' AND id = 'axe4-p1-a3'");
				}
				db.commit();
			}
		}
		long[] cpuAfter = cpu(pid);
		double wall = (System.nanoTime() - wallBefore) / 1e9;
		double cpuSeconds = ((cpuAfter[0] + cpuAfter[1]) - (cpuBefore[0] + cpuBefore[1])) / 100.0;
		long[] lastSorted = Arrays.stream(last).sorted().toArray();
		long[] allSorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
		System.out.printf(Locale.ROOT, "%d changes, one a second: receipts %d of %d (%d missing)%n", changes, allSorted.length,
				changes * subscribers, missing);
		int none = 0;
		int some = 0;
		for (int sub = 0; sub < subscribers; sub++) {
			int got = 0;
			for (int c = 0; c < changes; c++) {
				got += (received.get(c * subscribers + sub) != 0) ? 1 : 0;
			}
			none += (got == 0) ? 1 : 0;
			some += (got > 0 && got < changes) ? 1 : 0;
		}
		if (none + some > 0) {
			System.out.println("subscribers that received nothing: " + none + "; some of the changes only: " + some);
		}
		if (!refusals.isEmpty()) {
			System.out.println("subscriptions refused by the server: " + refusals);
		}
		System.out.printf(Locale.ROOT, "delay commit -> a subscriber's receipt: p50 %.1f ms, p99 %.1f ms%n",
				pct(allSorted, 50), pct(allSorted, 99));
		System.out.printf(Locale.ROOT, "delay commit -> the last subscriber's receipt: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
				pct(lastSorted, 50), pct(lastSorted, 99), lastSorted[lastSorted.length - 1] / 1e6);
		System.out.printf(Locale.ROOT, "instance CPU during the changes: %.1f %% of one core (%.1f s CPU in %.1f s)%n",
				100 * cpuSeconds / wall, cpuSeconds, wall);
		String status = Files.readString(Path.of("/proc/" + pid + "/status"));
		System.out.println("instance memory: " + field(status, "VmRSS") + " RSS, " + field(status, "VmHWM") + " peak");
		for (WebSocket socket : sockets) {
			socket.abort();
		}
	}

	static double pct(long[] sorted, int p) {
		return (sorted.length == 0) ? Double.NaN : sorted[Math.min(sorted.length - 1, sorted.length * p / 100)] / 1e6;
	}

	// utime and stime of the process, in clock ticks (1/100 s).
	static long[] cpu(long pid) throws Exception {
		String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		return new long[] { Long.parseLong(fields[11]), Long.parseLong(fields[12]) };
	}

	static String field(String status, String name) {
		return status.lines().filter(line -> line.startsWith(name + ":")).map(line -> line.substring(name.length() + 1).strip())
			.findFirst().orElse("?");
	}

}
