package fr.pactecarto.api;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import fr.pactecarto.live.DataVersion;
import fr.pactecarto.support.PacteIntegrationTest;
import fr.pactecarto.support.StatementCounter;
import fr.pactecarto.support.TestData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static fr.pactecarto.support.TestData.FIXTURE;
import static fr.pactecarto.support.Eventually.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * GraphQL over GET, over real HTTP: APQ in Apollo's convention (miss, the client's retry by POST, then hits),
 * hashes that do not match, ETag / If-None-Match / 304 and Cache-Control, a data change seen through the ETag,
 * mutations refused, POST left uncached.
 */
@PacteIntegrationTest
@ExtendWith(TestData.class)
class HttpCachingTests {

	private static final String TITLE = "query Title($p: ID) { pacte(id: $p) { title } }";

	private static final String VARIABLES = "{\"p\":\"" + FIXTURE + "\"}";

	@Autowired
	WebTestClient client;

	@Autowired
	StatementCounter counter;

	@Autowired
	DataVersion version;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void anUnknownHashIsNotFoundThenTheRetryWithTheQueryMakesItKnown() {
		// A document no other test sent: this instance cannot know its hash yet.
		String query = "query Unique { pacte(id: \"" + FIXTURE + "\") { title } __typename } # " + UUID.randomUUID();
		String hash = PersistedQueries.sha256(query);
		get(Map.of("extensions", apq(hash))).expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
			.expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("PERSISTED_QUERY_NOT_FOUND")
			.jsonPath("$.errors[0].message")
			.isEqualTo("PersistedQueryNotFound");
		// Apollo's client retries by POST with the query and the same extensions.
		this.client.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", query, "extensions", Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash))))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.errors")
			.doesNotExist()
			.jsonPath("$.data.pacte.title")
			.isNotEmpty();
		get(Map.of("extensions", apq(hash))).expectStatus()
			.isOk()
			.expectHeader()
			.exists(HttpHeaders.ETAG)
			.expectBody()
			.jsonPath("$.errors")
			.doesNotExist()
			.jsonPath("$.data.pacte.title")
			.isNotEmpty();
	}

	@Test
	void aGetWithTheQueryAndItsHashMakesTheHashKnown() {
		String query = "{ pacte(id: \"" + FIXTURE + "\") { id } } # " + UUID.randomUUID();
		String hash = PersistedQueries.sha256(query);
		get(Map.of("query", query, "extensions", apq(hash))).expectStatus().isOk();
		get(Map.of("extensions", apq(hash))).expectStatus().isOk().expectBody().jsonPath("$.data.pacte.id").isEqualTo(FIXTURE);
	}

	@Test
	void aQueryThatDoesNotHaveItsHashIsRefused() {
		String wrong = PersistedQueries.sha256("{ __typename }");
		get(Map.of("query", TITLE, "variables", VARIABLES, "extensions", apq(wrong))).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("PERSISTED_QUERY_HASH_MISMATCH")
			.jsonPath("$.data")
			.doesNotExist();
		this.client.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", TITLE, "extensions", Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", wrong))))
			.exchange()
			.expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("PERSISTED_QUERY_HASH_MISMATCH")
			.jsonPath("$.data")
			.doesNotExist();
		// And the wrong hash was not remembered for that query.
		get(Map.of("extensions", apq(wrong))).expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("PERSISTED_QUERY_NOT_FOUND");
	}

	@Test
	void aGetAnswerHasAnETagAndIsNotModifiedWhenRevalidated() {
		EntityExchangeResult<byte[]> first = getTitle(null).expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.CACHE_CONTROL, "public, max-age=0, must-revalidate")
			.expectHeader()
			.valueEquals(HttpHeaders.VARY, "Accept, Accept-Encoding")
			.expectBody()
			.returnResult();
		String etag = first.getResponseHeaders().getETag();
		assertThat(etag).startsWith("W/\"");
		getTitle(etag).expectStatus()
			.isNotModified()
			.expectHeader()
			.valueEquals(HttpHeaders.ETAG, etag)
			.expectHeader()
			.valueEquals(HttpHeaders.CACHE_CONTROL, "public, max-age=0, must-revalidate")
			.expectBody()
			.isEmpty();
		getTitle("W/\"something-else\"").expectStatus().isOk().expectHeader().valueEquals(HttpHeaders.ETAG, etag);
		// A revalidation this instance can vouch for runs nothing.
		assertThat(this.counter.count(() -> getTitle(etag).expectStatus().isNotModified())).isZero();
	}

	@Test
	void aDataChangeChangesTheETagAndANoOpChangeRevalidatesToTheSameOne() {
		waitFor(() -> this.version.current() != DataVersion.UNKNOWN);
		String before = getTitle(null).expectStatus().isOk().expectBody().returnResult().getResponseHeaders().getETag();

		// A transaction that changes nothing visible moves the version: the answer is computed again, same tag.
		long seen = this.version.current();
		this.jdbc.update("UPDATE pacte SET title = title WHERE id = ?", FIXTURE);
		waitFor(() -> this.version.current() > seen);
		assertThat(this.counter.count(() -> getTitle(before).expectStatus().isNotModified())).isPositive();

		String title = this.jdbc.queryForObject("SELECT title FROM pacte WHERE id = ?", String.class, FIXTURE);
		long seen2 = this.version.current();
		this.jdbc.update("UPDATE pacte SET title = ? WHERE id = ?", title + " (modifié)", FIXTURE);
		try {
			waitFor(() -> this.version.current() > seen2);
			EntityExchangeResult<byte[]> changed = getTitle(before).expectStatus().isOk().expectBody().returnResult();
			assertThat(changed.getResponseHeaders().getETag()).isNotEqualTo(before);
			assertThat(new String(changed.getResponseBody(), java.nio.charset.StandardCharsets.UTF_8)).contains("(modifié)");
		}
		finally {
			this.jdbc.update("UPDATE pacte SET title = ? WHERE id = ?", title, FIXTURE);
		}
	}

	@Test
	void getRunsQueriesOnlyAndErrorsAreNotStored() {
		get(Map.of("query", "mutation { nothing }")).expectStatus()
			.isEqualTo(HttpStatus.METHOD_NOT_ALLOWED)
			.expectHeader()
			.valueEquals(HttpHeaders.ALLOW, "POST")
			.expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("OPERATION_NOT_SUPPORTED");
		get(Map.of("query", "{ coverage(theme: \"nope\") { actionCount } }")).expectHeader()
			.valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
			.expectHeader()
			.doesNotExist(HttpHeaders.ETAG);
		get(Map.of("query", "{ __typename }", "variables", "[1]")).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("BAD_REQUEST");
	}

	@Test
	void postStaysUncachedAtHttpLevel() {
		this.client.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", TITLE, "variables", Map.of("p", FIXTURE)))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.doesNotExist(HttpHeaders.ETAG);
	}

	private WebTestClient.ResponseSpec getTitle(String ifNoneMatch) {
		return this.client.get()
			.uri(builder -> builder.path("/graphql")
				.queryParam("query", "{query}")
				.queryParam("variables", "{variables}")
				.build(Map.of("query", TITLE, "variables", VARIABLES)))
			.accept(MediaType.APPLICATION_GRAPHQL_RESPONSE, MediaType.APPLICATION_JSON)
			.headers(headers -> {
				if (ifNoneMatch != null) {
					headers.setIfNoneMatch(ifNoneMatch);
				}
			})
			.exchange();
	}

	private WebTestClient.ResponseSpec get(Map<String, String> parameters) {
		return this.client.get().uri(builder -> {
			parameters.keySet().forEach(name -> builder.queryParam(name, "{" + name + "}"));
			return builder.path("/graphql").build(parameters);
		}).exchange();
	}

	private static String apq(String hash) {
		return "{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + hash + "\"}}";
	}

}
