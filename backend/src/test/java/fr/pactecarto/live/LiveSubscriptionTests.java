package fr.pactecarto.live;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

import fr.pactecarto.pacte.document.PacteImporter;
import fr.pactecarto.support.PacteIntegrationTest;
import fr.pactecarto.support.TestData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.SubscriptionErrorException;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;

import static fr.pactecarto.support.TestData.FIXTURE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * coverageChanged over WebSocket (graphql-transport-ws at /graphql-ws): a change committed by anyone (plain SQL
 * here, as an import or another instance would) reaches the subscriber when, and only when, it changes the
 * answer; a lost listening connection does not lose the next change.
 */
@PacteIntegrationTest
@ExtendWith(TestData.class)
class LiveSubscriptionTests {

	private static final String FIXTURE_FILE = "pactes/fixture-corse-2099.yaml";

	private static final String SUBSCRIPTION = """
			subscription($p: ID) { coverageChanged(theme: "mobilite", pacte: $p) { territory { code } actionCount } }""";

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DataVersion version;

	@Autowired
	CoverageStreams streams;

	private final BlockingQueue<ClientGraphQlResponse> received = new LinkedBlockingQueue<>();

	private Disposable subscription;

	private WebSocketGraphQlClient client;

	private void subscribe() throws InterruptedException {
		this.client = WebSocketGraphQlClient.builder(URI.create("ws://localhost:" + this.port + "/graphql-ws"),
				new ReactorNettyWebSocketClient()).build();
		this.subscription = this.client.document(SUBSCRIPTION).variable("p", FIXTURE).executeSubscription()
			.subscribe(this.received::add);
		// A change before the stream has its baseline would be part of the baseline.
		CoverageStreams.Question question = new CoverageStreams.Question(FIXTURE, "mobilite", null);
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
		while (!this.streams.isWatched(question)) {
			assertThat(System.nanoTime()).as("subscribed within 15 s").isLessThan(deadline);
			Thread.sleep(20);
		}
	}

	@AfterEach
	void restore() {
		if (this.subscription != null) {
			this.subscription.dispose();
		}
		if (this.client != null) {
			this.client.stop().block(Duration.ofSeconds(5));
		}
		this.jdbc.update("UPDATE pacte_action SET cited_as = '{2A}' WHERE pacte_id = ? AND id = 'axe1-p1-a1'", FIXTURE);
	}

	private Map<String, Integer> next() throws InterruptedException {
		ClientGraphQlResponse response = this.received.poll(10, TimeUnit.SECONDS);
		assertThat(response).as("a coverage within 10 s").isNotNull();
		assertThat(response.getErrors()).isEmpty();
		List<?> coverage = response.field("coverageChanged").toEntityList(Map.class);
		return coverage.stream().map(entry -> (Map<?, ?>) entry).collect(Collectors.toMap(entry -> (String) ((Map<?, ?>) entry.get("territory")).get("code"),
				entry -> (Integer) entry.get("actionCount")));
	}

	@Test
	void aChangeOfTheAnswerIsSentAndAChangeElsewhereIsNot() throws Exception {
		subscribe();
		long before = this.version.current();
		this.jdbc.update("UPDATE pacte SET title = title WHERE id = ?", FIXTURE);
		awaitVersionAfter(before);
		assertThat(this.received.poll(1, TimeUnit.SECONDS)).as("nothing for a change that leaves the answer").isNull();
		this.jdbc.update("UPDATE pacte_action SET cited_as = '{2A,2B}' WHERE pacte_id = ? AND id = 'axe1-p1-a1'", FIXTURE);
		assertThat(next()).containsExactlyInAnyOrderEntriesOf(Map.of("2A", 2, "2B", 3));
		this.jdbc.update("UPDATE pacte_action SET cited_as = '{2A}' WHERE pacte_id = ? AND id = 'axe1-p1-a1'", FIXTURE);
		assertThat(next()).containsExactlyInAnyOrderEntriesOf(Map.of("2A", 2, "2B", 2));
	}

	@Test
	void theNextChangeStillArrivesAfterTheListeningConnectionWasKilled() throws Exception {
		subscribe();
		this.jdbc.queryForList("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
				+ "WHERE datname = current_database() AND application_name = ?", DataVersion.APPLICATION_NAME);
		this.jdbc.update("UPDATE pacte_action SET cited_as = '{2A,2B}' WHERE pacte_id = ? AND id = 'axe1-p1-a1'", FIXTURE);
		assertThat(next()).containsEntry("2B", 3);
	}

	@Test
	void pacteChangedSendsWhatTheAuditTrailRecordsEvenWhatWasCommittedWhileDeaf(@Autowired PacteImporter importer)
			throws Exception {
		BlockingQueue<ClientGraphQlResponse> changes = new LinkedBlockingQueue<>();
		this.client = WebSocketGraphQlClient.builder(URI.create("ws://localhost:" + this.port + "/graphql-ws"),
				new ReactorNettyWebSocketClient()).build();
		this.subscription = this.client.document("""
				subscription($p: ID) { pacteChanged(pacte: $p) { pacte entity entityId operation actor via at } }""")
			.variable("p", FIXTURE).executeSubscription().subscribe(changes::add);
		Thread.sleep(1500); // subscribed: the stream knows the trail's last entry
		String fixture = new ClassPathResource(FIXTURE_FILE).getContentAsString(StandardCharsets.UTF_8);
		try {
			importer.importDocument("edited.yaml", new ByteArrayInputStream(
					fixture.replace("Mobilité fictive", "Mobilité fictive (modifiée)").getBytes(StandardCharsets.UTF_8)));
			@SuppressWarnings("unchecked")
			Map<String, Object> change = changes.poll(10, TimeUnit.SECONDS).field("pacteChanged").toEntity(Map.class);
			assertThat(change).containsEntry("pacte", FIXTURE).containsEntry("entity", "PACTE")
				.containsEntry("entityId", FIXTURE).containsEntry("operation", "IMPORT");
			assertThat((String) change.get("at")).isNotBlank();
			// Deaf for a moment: the change committed then still comes, read from the trail.
			this.jdbc.queryForList("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
					+ "WHERE datname = current_database() AND application_name = ?", DataVersion.APPLICATION_NAME);
			importer.importResource(new ClassPathResource(FIXTURE_FILE), FIXTURE_FILE);
			ClientGraphQlResponse again = changes.poll(15, TimeUnit.SECONDS);
			assertThat(again).as("the change committed while deaf").isNotNull();
			assertThat(again.field("pacteChanged.operation").<String>getValue()).isEqualTo("IMPORT");
		}
		finally {
			importer.importResource(new ClassPathResource(FIXTURE_FILE), FIXTURE_FILE);
		}
	}

	@Test
	void anUnknownQuestionIsAnErrorAtOnce() {
		WebSocketGraphQlClient client = WebSocketGraphQlClient.builder(
				URI.create("ws://localhost:" + this.port + "/graphql-ws"), new ReactorNettyWebSocketClient()).build();
		try {
			Throwable error = client.document("subscription { coverageChanged(theme: \"velo\") { actionCount } }")
				.executeSubscription()
				.then(Mono.<Throwable>empty())
				.onErrorResume(Mono::just)
				.block(Duration.ofSeconds(10));
			assertThat(error).isInstanceOf(SubscriptionErrorException.class);
			assertThat(((SubscriptionErrorException) error).getErrors()).singleElement().satisfies(graphQlError -> {
				assertThat(graphQlError.getExtensions()).containsEntry("code", "UNKNOWN_THEME").containsEntry("argument", "theme");
				assertThat(graphQlError.getMessage()).contains("velo");
			});
		}
		finally {
			client.stop().block(Duration.ofSeconds(5));
		}
	}

	@Test
	void oneConnectionHoldsAtMostTwentySubscriptions() {
		WebSocketGraphQlClient client = WebSocketGraphQlClient.builder(
				URI.create("ws://localhost:" + this.port + "/graphql-ws"), new ReactorNettyWebSocketClient()).build();
		List<Disposable> subscriptions = new java.util.ArrayList<>();
		try {
			for (int i = 0; i < 20; i++) {
				subscriptions.add(client.document(SUBSCRIPTION).variable("p", FIXTURE).executeSubscription().subscribe());
			}
			// The refusal comes as the subscription's only answer, an error.
			ClientGraphQlResponse refused = client.document(SUBSCRIPTION).variable("p", FIXTURE).executeSubscription()
				.next()
				.block(Duration.ofSeconds(10));
			assertThat(refused).isNotNull();
			assertThat(refused.getErrors()).singleElement().satisfies(graphQlError -> assertThat(graphQlError.getExtensions())
				.containsEntry("code", "TOO_MANY_SUBSCRIPTIONS").containsEntry("value", 20));
			// One ends: there is room for another.
			subscriptions.remove(0).dispose();
			awaitRoom(client);
		}
		finally {
			subscriptions.forEach(Disposable::dispose);
			client.stop().block(Duration.ofSeconds(5));
		}
	}

	@Test
	void aClientHoldsAtMostTwentyLiveConnections() {
		List<WebSocketGraphQlClient> clients = new java.util.ArrayList<>();
		try {
			for (int i = 0; i < 20; i++) {
				WebSocketGraphQlClient client = WebSocketGraphQlClient.builder(
						URI.create("ws://localhost:" + this.port + "/graphql-ws"), new ReactorNettyWebSocketClient()).build();
				client.start().block(Duration.ofSeconds(10));
				clients.add(client);
			}
			WebSocketGraphQlClient oneMore = WebSocketGraphQlClient.builder(
					URI.create("ws://localhost:" + this.port + "/graphql-ws"), new ReactorNettyWebSocketClient()).build();
			Throwable refused = oneMore.start().then(Mono.<Throwable>empty()).onErrorResume(Mono::just)
				.block(Duration.ofSeconds(10));
			assertThat(refused).as("the 21st connection is refused").isNotNull();
		}
		finally {
			clients.forEach(client -> client.stop().block(Duration.ofSeconds(5)));
		}
	}

	// Room again when a new subscription gets no refusal (it waits for changes: nothing comes within 500 ms).
	private void awaitRoom(WebSocketGraphQlClient client) {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (true) {
			ClientGraphQlResponse answer = client.document(SUBSCRIPTION).variable("p", FIXTURE).executeSubscription()
				.next()
				.timeout(Duration.ofMillis(500), Mono.empty())
				.block(Duration.ofSeconds(5));
			if (answer == null) {
				return;
			}
			assertThat(answer.getErrors()).isNotEmpty();
			assertThat(System.nanoTime()).as("room again within 10 s").isLessThan(deadline);
		}
	}

	private void awaitVersionAfter(long before) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (this.version.current() <= before) {
			assertThat(System.nanoTime()).as("the change announced within 10 s").isLessThan(deadline);
			Thread.sleep(20);
		}
	}

}
