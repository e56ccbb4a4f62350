package fr.pactecarto.security;

import java.time.Duration;

import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * The map page's sessions: the cookie {@value #COOKIE} (HttpOnly, SameSite=Lax, Secure over HTTPS) holds a random
 * 256-bit id; the table {@code account_session} holds its SHA-256, the login and the expiry. Every instance
 * reads the same table, so a session works behind a balancer and survives a restart; signing out deletes the
 * row, ending the session everywhere. Sessions are created by {@code POST /auth/sign-in} only
 * ({@link #save} does nothing).
 */
@Component
class SessionCookies implements ServerSecurityContextRepository {

	static final String COOKIE = "pacte_session";

	private final AccountStore accounts;

	private final Duration duration;

	private final boolean alwaysSecure;

	SessionCookies(AccountStore accounts, @Value("${pacte.security.session-duration:PT12H}") Duration duration,
			@Value("${pacte.security.secure-cookies:false}") boolean alwaysSecure) {
		this.accounts = accounts;
		this.duration = duration;
		this.alwaysSecure = alwaysSecure;
	}

	@Override
	public Mono<Void> save(ServerWebExchange exchange, SecurityContext context) {
		return Mono.empty();
	}

	@Override
	public Mono<SecurityContext> load(ServerWebExchange exchange) {
		HttpCookie cookie = exchange.getRequest().getCookies().getFirst(COOKIE);
		if (cookie == null || cookie.getValue().isEmpty() || cookie.getValue().length() > 100) {
			return Mono.empty();
		}
		return this.accounts.findBySession(Secrets.sha256(cookie.getValue()))
			.map(user -> new SecurityContextImpl(user.authentication()));
	}

	/** Opens a session for this login and sets its cookie on the response. */
	Mono<Void> open(ServerWebExchange exchange, String login) {
		String id = Secrets.newSessionId();
		return this.accounts.createSession(Secrets.sha256(id), login, this.duration)
			.then(Mono.fromRunnable(() -> exchange.getResponse().addCookie(cookie(exchange, id, this.duration))));
	}

	/** Ends the request's session (deletes its row) and clears the cookie. */
	Mono<Void> close(ServerWebExchange exchange) {
		HttpCookie cookie = exchange.getRequest().getCookies().getFirst(COOKIE);
		exchange.getResponse().addCookie(cookie(exchange, "", Duration.ZERO));
		return (cookie != null && !cookie.getValue().isEmpty()) ? this.accounts.deleteSession(Secrets.sha256(cookie.getValue()))
				: Mono.empty();
	}

	private ResponseCookie cookie(ServerWebExchange exchange, String value, Duration maxAge) {
		boolean secure = this.alwaysSecure || "https".equalsIgnoreCase(exchange.getRequest().getURI().getScheme());
		return ResponseCookie.from(COOKIE, value).httpOnly(true).secure(secure).sameSite("Lax").path("/").maxAge(maxAge).build();
	}

}
