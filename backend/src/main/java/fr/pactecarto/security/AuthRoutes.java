package fr.pactecarto.security;

import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RequestPredicates.POST;
import static org.springframework.web.reactive.function.server.RouterFunctions.route;

/**
 * The map page's sign-in: {@code GET /auth/session} (who is signed in, and the CSRF token to send back in header
 * {@code X-XSRF-TOKEN}), {@code POST /auth/sign-in} (JSON or form: {@code login}, {@code password}; opens a session
 * cookie), {@code POST /auth/sign-out} (ends the session everywhere). Errors are JSON with a stable {@code code}:
 * {@code BAD_REQUEST} 400, {@code BAD_CREDENTIALS} 401, {@code ACCOUNT_DISABLED} 403, {@code TOO_MANY_ATTEMPTS} 429
 * (with {@code Retry-After}), {@code CSRF} 403.
 */
@Configuration(proxyBeanMethods = false)
class AuthRoutes {

	private static final int MAX_LOGIN = 64;

	private static final int MAX_PASSWORD = 200;

	private final AccountStore accounts;

	private final PasswordEncoder passwords;

	private final SessionCookies sessions;

	private final SignInThrottle throttle;

	// Matched against when the login is unknown, so that an unknown login costs the time of a known one.
	private final Mono<String> unknownLoginHash;

	AuthRoutes(AccountStore accounts, PasswordEncoder passwords, SessionCookies sessions, SignInThrottle throttle) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.sessions = sessions;
		this.throttle = throttle;
		this.unknownLoginHash = Mono.fromCallable(() -> passwords.encode(Secrets.newSessionId()))
			.subscribeOn(Schedulers.boundedElastic())
			.cache();
	}

	@Bean
	RouterFunction<ServerResponse> authRouter() {
		return route(GET("/auth/session"), this::session)
			.andRoute(POST("/auth/sign-in"), this::signIn)
			.andRoute(POST("/auth/sign-out"), this::signOut);
	}

	private Mono<ServerResponse> session(ServerRequest request) {
		Mono<CsrfToken> csrf = request.exchange().getAttribute(CsrfToken.class.getName());
		return Mono.zip(PacteUser.current().map(Optional::of).defaultIfEmpty(Optional.empty()),
				(csrf != null) ? csrf : Mono.<CsrfToken>empty())
			.flatMap(both -> {
				Map<String, Object> body = new LinkedHashMap<>();
				Optional<PacteUser> user = both.getT1();
				body.put("signedIn", user.isPresent());
				user.ifPresent(signedIn -> body.putAll(describe(signedIn)));
				body.put("csrf", Map.of("header", both.getT2().getHeaderName(), "token", both.getT2().getToken()));
				return json(HttpStatus.OK, body);
			});
	}

	private static Map<String, Object> describe(PacteUser user) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("login", user.login());
		body.put("role", user.role().name());
		body.put("territories", user.territories());
		return body;
	}

	private record Credentials(String login, String password) {
	}

	private Mono<Credentials> credentials(ServerRequest request) {
		MediaType type = request.headers().contentType().orElse(MediaType.APPLICATION_OCTET_STREAM);
		if (MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(type)) {
			return request.formData().map(form -> new Credentials(form.getFirst("login"), form.getFirst("password")));
		}
		if (MediaType.APPLICATION_JSON.isCompatibleWith(type)) {
			return request.bodyToMono(Credentials.class);
		}
		return Mono.empty();
	}

	private Mono<ServerResponse> signIn(ServerRequest request) {
		String address = request.remoteAddress().map(InetSocketAddress::getAddress)
			.map(java.net.InetAddress::getHostAddress)
			.orElse("unknown");
		return credentials(request)
			.onErrorResume(unreadable -> Mono.empty())
			.filter(given -> given.login() != null && !given.login().isBlank() && given.password() != null
					&& !given.password().isEmpty() && given.login().length() <= MAX_LOGIN
					&& given.password().length() <= MAX_PASSWORD)
			.flatMap(given -> signIn(request, given.login().strip(), given.password(), address))
			.switchIfEmpty(Mono.defer(() -> error(HttpStatus.BAD_REQUEST, "BAD_REQUEST", "Send 'login' and 'password' "
					+ "(JSON or form), at most " + MAX_LOGIN + " and " + MAX_PASSWORD + " characters")));
	}

	private Mono<ServerResponse> signIn(ServerRequest request, String login, String password, String address) {
		return this.throttle.blocked(login, address).flatMap(blocked -> {
			if (blocked) {
				return ServerResponse.status(HttpStatus.TOO_MANY_REQUESTS)
					.header(HttpHeaders.RETRY_AFTER, String.valueOf(this.throttle.window().toSeconds()))
					.contentType(MediaType.APPLICATION_JSON)
					.cacheControl(CacheControl.noStore())
					.bodyValue(AuthResponses.body("TOO_MANY_ATTEMPTS", "Too many failed sign-ins for this login or "
							+ "from this address: try again in " + this.throttle.window().toMinutes() + " minutes"));
			}
			return this.accounts.find(login.toLowerCase(java.util.Locale.ROOT))
				.map(Optional::of)
				.defaultIfEmpty(Optional.empty())
				.flatMap(account -> matches(account.map(AccountStore.Account::passwordHash), password)
					.flatMap(matches -> {
						if (!matches) {
							return this.throttle.failed(login, address)
								.then(error(HttpStatus.UNAUTHORIZED, "BAD_CREDENTIALS", "Unknown login or wrong password"));
						}
						AccountStore.Account found = account.get();
						if (found.disabled()) {
							return error(HttpStatus.FORBIDDEN, "ACCOUNT_DISABLED", "The account '" + found.login()
									+ "' is disabled; ask an administrator");
						}
						PacteUser user = new PacteUser(found.login(), found.role(), found.territories(), null, null);
						return this.throttle.succeeded(login)
							.then(this.sessions.open(request.exchange(), found.login()))
							.then(json(HttpStatus.OK, describe(user)));
					}));
		});
	}

	private Mono<Boolean> matches(Optional<String> hash, String password) {
		Mono<String> against = hash.map(Mono::just).orElse(this.unknownLoginHash);
		return against.publishOn(Schedulers.boundedElastic())
			.map(stored -> this.passwords.matches(password, stored) && hash.isPresent());
	}

	private Mono<ServerResponse> signOut(ServerRequest request) {
		return this.sessions.close(request.exchange()).then(ServerResponse.noContent().build());
	}

	private static Mono<ServerResponse> json(HttpStatus status, Map<String, Object> body) {
		return ServerResponse.status(status)
			.contentType(MediaType.APPLICATION_JSON)
			.cacheControl(CacheControl.noStore())
			.bodyValue(body);
	}

	private static Mono<ServerResponse> error(HttpStatus status, String code, String message) {
		return json(status, AuthResponses.body(code, message));
	}

}
