package fr.pactecarto.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A browser's side of the HTTP conversation, for the tests of sessions: keeps the cookies the server sets (and
 * drops those it expires) and the CSRF token of {@code GET /auth/session}.
 */
public final class Browser {

	private final WebTestClient client;

	private final Map<String, String> cookies = new LinkedHashMap<>();

	private String csrf;

	public Browser(WebTestClient client) {
		this.client = client;
	}

	public Map<String, String> cookies() {
		return this.cookies;
	}

	public String csrf() {
		return this.csrf;
	}

	/** {@code GET /auth/session}: the answer; keeps its CSRF token. */
	@SuppressWarnings("unchecked")
	public Map<String, Object> session() {
		Map<String, Object> body = keep(this.client.get().uri("/auth/session").cookies(jar -> this.cookies.forEach(jar::add))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult());
		this.csrf = (String) ((Map<String, Object>) body.get("csrf")).get("token");
		return body;
	}

	/** {@code POST path} with this JSON body, the cookies and (when {@code withCsrf}) the CSRF header. */
	@SuppressWarnings("unchecked")
	public EntityExchangeResult<Map> post(String path, Object body, boolean withCsrf) {
		return keep0(this.client.post().uri(path).cookies(jar -> this.cookies.forEach(jar::add)).headers(headers -> {
			if (withCsrf && this.csrf != null) {
				headers.set("X-XSRF-TOKEN", this.csrf);
			}
		}).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectBody(Map.class).returnResult());
	}

	/** Signs in (session, then sign-in with the CSRF token); fails the test unless it succeeds. */
	public Browser signIn(String login, String password) {
		session();
		EntityExchangeResult<Map> result = post("/auth/sign-in", Map.of("login", login, "password", password), true);
		if (result.getStatus().value() != 200) {
			throw new AssertionError("sign-in of " + login + " answered " + result.getStatus() + ": " + result.getResponseBody());
		}
		session();
		return this;
	}

	/** A GraphQL request with the session cookie and the CSRF token: its JSON answer. */
	@SuppressWarnings("unchecked")
	public Map<String, Object> graphQl(String document, Map<String, Object> variables) {
		EntityExchangeResult<Map> result = post("/graphql", Map.of("query", document, "variables", variables), true);
		return result.getResponseBody();
	}

	private <T> T keep(EntityExchangeResult<T> result) {
		return keep0(result).getResponseBody();
	}

	private <T> EntityExchangeResult<T> keep0(EntityExchangeResult<T> result) {
		for (List<ResponseCookie> set : result.getResponseCookies().values()) {
			for (ResponseCookie cookie : set) {
				if (cookie.getMaxAge().isZero() || cookie.getValue().isEmpty()) {
					this.cookies.remove(cookie.getName());
				}
				else {
					this.cookies.put(cookie.getName(), cookie.getValue());
				}
			}
		}
		return result;
	}

}
