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

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.Disposable;

import fr.pactecarto.PacteCartoApplication;
import fr.pactecarto.pacte.document.PacteImporter;
import fr.pactecarto.support.PacteIntegrationTest;
import fr.pactecarto.support.TestData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;

import static fr.pactecarto.support.TestData.FIXTURE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the service on one database, as behind a balancer: a subscriber of instance A receives the
 * change that instance B committed (here B re-imports the fixture pacte with one more citation), through
 * PostgreSQL's notifications alone, no broker.
 */
@PacteIntegrationTest
@ExtendWith(TestData.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstancesTests {

	private static final String FIXTURE_FILE = "pactes/fixture-corse-2099.yaml";

	@LocalServerPort
	int port;

	@Autowired
	CoverageStreams streams;

	private ConfigurableApplicationContext instanceB;

	@BeforeAll
	void startInstanceB() {
		// Same database (the PACTE_DB_* of make test), its own port; nothing to import at start.
		this.instanceB = new SpringApplicationBuilder(PacteCartoApplication.class)
			.properties("server.port=0", "pacte.map.tile-url=none", "pacte.geodata.import-on-start=false",
					"pacte.documents.load-on-start=false", "pacte.web.rate-limit.enabled=false")
			.run();
	}

	@AfterAll
	void stopInstanceB() {
		if (this.instanceB != null) {
			this.instanceB.close();
		}
	}

	@Test
	void aSubscriberOfInstanceAReceivesTheChangeInstanceBCommitted() throws Exception {
		BlockingQueue<ClientGraphQlResponse> received = new LinkedBlockingQueue<>();
		WebSocketGraphQlClient client = WebSocketGraphQlClient.builder(URI.create("ws://localhost:" + this.port + "/graphql-ws"),
				new ReactorNettyWebSocketClient()).build();
		Disposable subscription = client.document("""
				subscription($p: ID) { coverageChanged(theme: "essai-logement", pacte: $p) { territory { code } actionCount } }""")
			.variable("p", FIXTURE)
			.executeSubscription()
			.subscribe(received::add);
		PacteImporter importerOfB = this.instanceB.getBean(PacteImporter.class);
		String fixture = new ClassPathResource(FIXTURE_FILE).getContentAsString(StandardCharsets.UTF_8);
		// The action about housing without territory now cites Corse-du-Sud.
		String edited = fixture.replace("label: Action fictive sans territoire\n            themes: [essai-logement]\n"
				+ "            citedAs: []", "label: Action fictive sans territoire\n            themes: [essai-logement]\n"
				+ "            citedAs: [\"2A\"]");
		assertThat(edited).isNotEqualTo(fixture);
		try {
			// The subscription has its baseline once instance A watches the question.
			awaitWatched();
			importerOfB.importDocument("edited.yaml", new ByteArrayInputStream(edited.getBytes(StandardCharsets.UTF_8)));
			ClientGraphQlResponse response = received.poll(10, TimeUnit.SECONDS);
			assertThat(response).as("instance A sends the change within 10 s").isNotNull();
			List<?> coverage = response.field("coverageChanged").toEntityList(Map.class);
			List<String> codes = coverage.stream().map(entry -> (String) ((Map<?, ?>) ((Map<?, ?>) entry).get("territory")).get("code"))
				.toList();
			assertThat(codes).containsExactlyInAnyOrder("2A", "2B");
		}
		finally {
			subscription.dispose();
			client.stop().block(Duration.ofSeconds(5));
			importerOfB.importResource(new ClassPathResource(FIXTURE_FILE), FIXTURE_FILE);
		}
	}

	private void awaitWatched() throws InterruptedException {
		CoverageStreams.Question question = new CoverageStreams.Question(FIXTURE, "essai-logement", null);
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
		while (!this.streams.isWatched(question)) {
			assertThat(System.nanoTime()).as("subscribed within 15 s").isLessThan(deadline);
			Thread.sleep(20);
		}
	}

}
