package fr.pactecarto.security;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import fr.pactecarto.support.Browser;
import fr.pactecarto.support.PacteIntegrationTest;
import fr.pactecarto.support.TestAccounts;
import fr.pactecarto.support.TestData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static fr.pactecarto.support.TestAccounts.ADMIN;
import static fr.pactecarto.support.TestAccounts.DISABLED;
import static fr.pactecarto.support.TestAccounts.EDITOR;
import static fr.pactecarto.support.TestAccounts.EDITOR_2A;
import static fr.pactecarto.support.TestAccounts.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Accounts, API tokens, cookie sessions and CSRF over HTTP against the real database: reading stays open, a
 * field that needs an account says UNAUTHENTICATED or FORBIDDEN, a revoked or expired token is refused, a
 * cookie write without the CSRF token is refused, sign-in is rate-limited, sign-out ends the session.
 */
@PacteIntegrationTest
@SuppressWarnings({ "unchecked", "rawtypes" })
@ExtendWith(TestData.class)
class SecurityHttpTests {

	private static final String VIEWER = "{ viewer { login role territories via } }";

	@Autowired
	WebTestClient client;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void accounts() {
		TestAccounts.ensureCreated(this.context);
	}

	@AfterEach
	void noFailuresLeft() {
		this.jdbc.update("DELETE FROM sign_in_failure");
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> graphQl(String token, String document, Map<String, Object> variables) {
		return this.client.post()
			.uri("/graphql")
			.headers(headers -> {
				if (token != null) {
					headers.setBearerAuth(token);
				}
			})
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", document, "variables", variables))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> firstError(Map<String, Object> answer) {
		List<Map<String, Object>> errors = (List<Map<String, Object>>) answer.get("errors");
		assertThat(errors).as("errors of %s", answer).isNotEmpty();
		return errors.get(0);
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> extensions(Map<String, Object> error) {
		return (Map<String, Object>) error.get("extensions");
	}

	@Test
	void readingStaysOpenToEveryone() {
		this.client.get().uri("/").exchange().expectStatus().isOk();
		this.client.get().uri("/graphiql").exchange().expectStatus().isOk();
		this.client.get().uri("/actuator/health").exchange().expectStatus().isOk();
		this.client.get().uri("/pactes/schema.json").exchange().expectStatus().isOk();
		this.client.get().uri("/pactes/" + TestData.FIXTURE + ".yaml").exchange().expectStatus().isOk();
		Map<String, Object> answer = graphQl(null, "query($p: ID) { pacte(id: $p) { title } viewer { login } }",
				Map.of("p", TestData.FIXTURE));
		assertThat(answer).doesNotContainKey("errors");
		assertThat((Map<String, Object>) answer.get("data")).containsEntry("viewer", null);
	}

	@Test
	void anAnonymousMutationIsUnauthenticatedAndNamesTheField() {
		Map<String, Object> answer = graphQl(null, "mutation { revokeApiToken(id: \"1\") { id } }", Map.of());
		assertThat(extensions(firstError(answer))).containsEntry("code", "UNAUTHENTICATED")
			.containsEntry("field", "revokeApiToken");
		assertThat(answer.get("data")).isNull();
	}

	@Test
	void anEditorIsForbiddenTheAdministratorsFields() {
		String token = TestAccounts.token(this.context, EDITOR_2A);
		Map<String, Object> answer = graphQl(token, "{ apiTokens { id } }", Map.of());
		assertThat(extensions(firstError(answer))).containsEntry("code", "FORBIDDEN").containsEntry("field", "apiTokens");
		Map<String, Object> viewer = graphQl(token, VIEWER, Map.of());
		assertThat(viewer.toString()).contains("login=" + EDITOR_2A, "role=EDITOR", "territories=[2A]", "via=token ");
	}

	@Test
	void anAdministratorCreatesATokenThatWorksUntilRevoked() {
		String admin = TestAccounts.token(this.context, ADMIN);
		Map<String, Object> created = graphQl(admin, """
				mutation($login: String!) {
				  createApiToken(input: { login: $login, name: "tableau de bord", expiresInDays: 30 }) {
				    secret token { id login name active expiresAt createdBy }
				  }
				}""", Map.of("login", EDITOR));
		assertThat(created).doesNotContainKey("errors");
		Map<String, Object> payload = (Map<String, Object>) ((Map<String, Object>) created.get("data")).get("createApiToken");
		String secret = (String) payload.get("secret");
		Map<String, Object> token = (Map<String, Object>) payload.get("token");
		assertThat(secret).startsWith("pct_").hasSizeGreaterThan(40);
		assertThat(token).containsEntry("login", EDITOR).containsEntry("active", true).containsEntry("createdBy", ADMIN);
		assertThat(OffsetDateTime.parse((String) token.get("expiresAt"))).isAfter(OffsetDateTime.now().plusDays(29));
		// Stored hashed: the secret is nowhere in the table.
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM api_token WHERE encode(token_hash, 'escape') LIKE ?",
				Long.class, "%" + secret + "%")).isZero();
		assertThat(graphQl(secret, VIEWER, Map.of()).toString()).contains("login=" + EDITOR);

		Map<String, Object> revoked = graphQl(admin, "mutation($id: ID!) { revokeApiToken(id: $id) { active revokedAt } }",
				Map.of("id", token.get("id")));
		assertThat(revoked.toString()).contains("active=false");
		refused(secret);
	}

	@Test
	void anAdministratorListsAccountsAndTokensAndDisablesAnAccountEverywhere() {
		this.jdbc.update("DELETE FROM account WHERE login = 'test-to-disable'");
		this.jdbc.update("INSERT INTO account (login, password_hash, role) SELECT 'test-to-disable', password_hash, 'EDITOR' "
				+ "FROM account WHERE login = ?", EDITOR);
		String admin = TestAccounts.token(this.context, ADMIN);
		String own = TestAccounts.token(this.context, "test-to-disable");
		Browser browser = new Browser(this.client).signIn("test-to-disable", PASSWORD);
		Map<String, Object> listed = graphQl(admin, "{ accounts { login role disabled hasPassword } "
				+ "apiTokens(login: \"test-to-disable\") { login active } }", Map.of());
		assertThat(listed.toString()).contains("login=test-to-disable, role=EDITOR, disabled=false, hasPassword=true",
				"apiTokens=[{login=test-to-disable, active=true}]");
		Map<String, Object> disabled = graphQl(admin, "mutation { setAccountDisabled(login: \"test-to-disable\", disabled: true) "
				+ "{ disabled } }", Map.of());
		assertThat(disabled.toString()).contains("disabled=true");
		// Its token and its session stop working at once.
		refused(own);
		assertThat(browser.session()).containsEntry("signedIn", false);
		assertThat(SecurityHttpTests.extensions(firstError(graphQl(admin,
				"mutation { setAccountDisabled(login: \"nobody-at-all\", disabled: true) { login } }", Map.of()))))
			.containsEntry("code", "UNKNOWN_ACCOUNT");
		this.jdbc.update("DELETE FROM account WHERE login = 'test-to-disable'");
	}

	@Test
	void tokenValidationReportsEveryBadFieldAtOnce() {
		String admin = TestAccounts.token(this.context, ADMIN);
		Map<String, Object> answer = graphQl(admin, """
				mutation { createApiToken(input: { login: "nobody-here", name: "  ", expiresInDays: 400 }) { secret } }""",
				Map.of());
		List<Map<String, Object>> errors = (List<Map<String, Object>>) answer.get("errors");
		assertThat(errors).extracting(error -> extensions(error).get("code") + " " + extensions(error).get("argument"))
			.containsExactly("UNKNOWN_ACCOUNT input.login", "REQUIRED input.name", "INVALID_VALUE input.expiresInDays");
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM api_token WHERE login = 'nobody-here'", Long.class)).isZero();
	}

	@Test
	void revokedExpiredUnknownAndDisabledTokensAreRefused() {
		String expired = TestAccounts.token(this.context, EDITOR, OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1));
		refused(expired);
		refused("pct_not-a-token-of-ours");
		String revoked = TestAccounts.token(this.context, EDITOR);
		assertThat(graphQl(revoked, VIEWER, Map.of()).toString()).contains("login=" + EDITOR);
		this.jdbc.update("UPDATE api_token SET revoked_at = now() WHERE token_hash = ?", TestAccounts.sha256(revoked));
		refused(revoked);
		this.jdbc.update("UPDATE account SET disabled = false WHERE login = ?", DISABLED);
		String ofDisabled = TestAccounts.token(this.context, DISABLED);
		assertThat(graphQl(ofDisabled, VIEWER, Map.of()).toString()).contains("login=" + DISABLED);
		this.jdbc.update("UPDATE account SET disabled = true WHERE login = ?", DISABLED);
		refused(ofDisabled);
	}

	private void refused(String token) {
		Map<?, ?> body = this.client.post()
			.uri("/graphql")
			.headers(headers -> headers.setBearerAuth(token))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", VIEWER))
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueEquals("WWW-Authenticate", "Bearer error=\"invalid_token\"")
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		assertThat(body.toString()).contains("code=UNAUTHENTICATED");
	}

	@Test
	void aSessionCookieIsHttpOnlyAndSameSiteAndEndsEverywhereOnSignOut() {
		Browser browser = new Browser(this.client);
		Map<String, Object> anonymous = browser.session();
		assertThat(anonymous).containsEntry("signedIn", false);
		assertThat(browser.cookies()).containsKey("XSRF-TOKEN");
		EntityExchangeResult<Map> signIn = browser.post("/auth/sign-in", Map.of("login", EDITOR_2A, "password", PASSWORD), true);
		assertThat(signIn.getStatus()).isEqualTo(HttpStatus.OK);
		ResponseCookie cookie = signIn.getResponseCookies().getFirst("pacte_session");
		assertThat(cookie.isHttpOnly()).isTrue();
		assertThat(cookie.getSameSite()).isEqualTo("Lax");
		assertThat(cookie.getPath()).isEqualTo("/");
		String session = cookie.getValue();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM account_session WHERE token_hash = ?", Long.class,
				TestAccounts.sha256(session))).isOne();
		assertThat(browser.session()).containsEntry("signedIn", true).containsEntry("login", EDITOR_2A);
		assertThat(browser.graphQl(VIEWER, Map.of()).toString()).contains("login=" + EDITOR_2A, "via=session");

		assertThat(browser.post("/auth/sign-out", Map.of(), true).getStatus()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM account_session WHERE token_hash = ?", Long.class,
				TestAccounts.sha256(session))).isZero();
		// The old cookie, replayed (another tab, another instance): no longer signed in.
		Map<String, Object> replayed = (Map<String, Object>) (Map<?, ?>) this.client.get().uri("/auth/session").cookie("pacte_session", session).exchange()
			.expectBody(Map.class).returnResult().getResponseBody();
		assertThat(replayed).containsEntry("signedIn", false);
	}

	@Test
	void aCookieRequestWithoutTheCsrfTokenIsRefused() {
		Browser browser = new Browser(this.client).signIn(EDITOR_2A, PASSWORD);
		EntityExchangeResult<Map> without = browser.post("/graphql", Map.of("query", VIEWER), false);
		assertThat(without.getStatus()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(without.getResponseBody()).containsEntry("code", "CSRF");
		// A wrong token is no better.
		Map<String, Object> wrong = (Map<String, Object>) (Map<?, ?>) this.client.post().uri("/graphql").cookies(jar -> browser.cookies().forEach(jar::add))
			.header("X-XSRF-TOKEN", "forged").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("query", VIEWER))
			.exchange().expectStatus().isForbidden().expectBody(Map.class).returnResult().getResponseBody();
		assertThat(wrong).containsEntry("code", "CSRF");
		// Signing in needs it too (no login CSRF).
		assertThat(new Browser(this.client).post("/auth/sign-in", Map.of("login", EDITOR, "password", PASSWORD), false)
			.getStatus()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(browser.graphQl(VIEWER, Map.of()).toString()).contains("login=" + EDITOR_2A);
	}

	@Test
	void signInErrorsAreClear() {
		Browser browser = new Browser(this.client);
		browser.session();
		EntityExchangeResult<Map> wrong = browser.post("/auth/sign-in", Map.of("login", EDITOR, "password", "wrong password!"), true);
		assertThat(wrong.getStatus()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(wrong.getResponseBody()).containsEntry("code", "BAD_CREDENTIALS");
		EntityExchangeResult<Map> unknown = browser.post("/auth/sign-in", Map.of("login", "nobody", "password", PASSWORD), true);
		assertThat(unknown.getResponseBody()).containsEntry("code", "BAD_CREDENTIALS");
		EntityExchangeResult<Map> disabled = browser.post("/auth/sign-in", Map.of("login", DISABLED, "password", PASSWORD), true);
		assertThat(disabled.getStatus()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(disabled.getResponseBody()).containsEntry("code", "ACCOUNT_DISABLED");
		EntityExchangeResult<Map> missing = browser.post("/auth/sign-in", Map.of("login", EDITOR), true);
		assertThat(missing.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(browser.cookies()).doesNotContainKey("pacte_session");
	}

	@Test
	void signInIsRateLimitedPerLoginEvenWithTheRightPassword() {
		Browser browser = new Browser(this.client);
		browser.session();
		for (int i = 0; i < 5; i++) {
			assertThat(browser.post("/auth/sign-in", Map.of("login", ADMIN, "password", "guess " + i), true).getStatus())
				.isEqualTo(HttpStatus.UNAUTHORIZED);
		}
		EntityExchangeResult<Map> blocked = browser.post("/auth/sign-in", Map.of("login", ADMIN, "password", PASSWORD), true);
		assertThat(blocked.getStatus()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(blocked.getResponseBody()).containsEntry("code", "TOO_MANY_ATTEMPTS");
		assertThat(blocked.getResponseHeaders().getFirst("Retry-After")).isEqualTo("900");
		// Held in the database (every instance sees it), per login: another login from here still signs in.
		assertThat(this.jdbc.queryForObject("SELECT failures FROM sign_in_failure WHERE key = ?", Integer.class,
				"login:" + ADMIN)).isEqualTo(5);
		new Browser(this.client).signIn(EDITOR, PASSWORD);
	}

	@Test
	void signInIsRateLimitedPerAddress() {
		this.jdbc.update("INSERT INTO sign_in_failure (key, failures, window_start) VALUES ('address:127.0.0.1', 20, now())");
		Browser browser = new Browser(this.client);
		browser.session();
		assertThat(browser.post("/auth/sign-in", Map.of("login", EDITOR, "password", PASSWORD), true).getStatus())
			.isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
	}

	@Test
	void theFormOfTheSignInWorksToo() {
		Browser browser = new Browser(this.client);
		browser.session();
		this.client.post()
			.uri("/auth/sign-in")
			.cookies(jar -> browser.cookies().forEach(jar::add))
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.bodyValue("login=" + EDITOR + "&password=" + java.net.URLEncoder.encode(PASSWORD, java.nio.charset.StandardCharsets.UTF_8)
					+ "&_csrf=" + browser.csrf())
			.exchange()
			.expectStatus()
			.isOk()
			.expectCookie()
			.exists("pacte_session");
	}

}
