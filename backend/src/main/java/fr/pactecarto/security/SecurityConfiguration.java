package fr.pactecarto.security;

import java.time.Duration;
import java.util.Set;

import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.config.annotation.method.configuration.EnableReactiveMethodSecurity;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;

/**
 * Spring Security for WebFlux. Reading stays open to everyone: no URL needs authentication; what needs it is said
 * on the GraphQL controller methods ({@code @PreAuthorize}, method security) and on the {@code /auth/*} routes.
 * A request is authenticated by an API token ({@code Authorization: Bearer pct_…}, {@link BearerTokens}) or by the
 * session cookie of the map page ({@link SessionCookies}, stored in PostgreSQL); neither keeps anything in the
 * instance's memory. Cookie-authenticated writes (and every {@code POST /auth/*}) need the CSRF token
 * (double-submit: cookie {@value #CSRF_COOKIE}, header {@value #CSRF_HEADER}); bearer requests are exempt, a
 * browser cannot add that header cross-site.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableReactiveMethodSecurity
class SecurityConfiguration {

	static final String CSRF_COOKIE = "XSRF-TOKEN";

	static final String CSRF_HEADER = "X-XSRF-TOKEN";

	private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE);

	@Bean
	PasswordEncoder passwordEncoder() {
		// {bcrypt} by default; hashes of other ids (argon2…) keep matching.
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	ReactiveAuthenticationManager apiTokenAuthenticationManager(AccountStore accounts) {
		return authentication -> {
			String token = (String) authentication.getCredentials();
			return accounts.findByToken(Secrets.sha256(token))
				.map(PacteUser::authentication)
				.switchIfEmpty(Mono.error(() -> new BadCredentialsException(
						"The API token is unknown, revoked or expired, or its account is disabled")));
		};
	}

	@Bean
	SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, SessionCookies sessions,
			ReactiveAuthenticationManager apiTokenAuthenticationManager,
			@Value("${pacte.security.session-duration:PT12H}") Duration sessionDuration) {
		AuthenticationWebFilter bearer = new AuthenticationWebFilter(apiTokenAuthenticationManager);
		bearer.setServerAuthenticationConverter(BearerTokens::convert);
		bearer.setSecurityContextRepository(NoOpServerSecurityContextRepository.getInstance());
		bearer.setAuthenticationFailureHandler((filterExchange, ex) -> AuthResponses.write(filterExchange.getExchange(),
				HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", ex.getMessage(), "Bearer error=\"invalid_token\""));
		CookieServerCsrfTokenRepository csrfTokens = CookieServerCsrfTokenRepository.withHttpOnlyFalse();
		csrfTokens.setCookieName(CSRF_COOKIE);
		csrfTokens.setHeaderName(CSRF_HEADER);
		// As long as a session: a page reloaded while signed in finds it (graphql.js asks again otherwise).
		csrfTokens.setCookieCustomizer(cookie -> cookie.sameSite("Strict").maxAge(sessionDuration));
		return http.authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
			.securityContextRepository(sessions)
			.requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.csrf(csrf -> csrf.csrfTokenRepository(csrfTokens)
				// The plain token (not XOR-masked): the page sends back what /auth/session gave it.
				.csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler())
				.requireCsrfProtectionMatcher(SecurityConfiguration::cookieWrite)
				.accessDeniedHandler((exchange, denied) -> AuthResponses.write(exchange, HttpStatus.FORBIDDEN, "CSRF",
						"This request carries the session cookie but not the CSRF token: send header " + CSRF_HEADER
								+ " with the token of GET /auth/session", null)))
			// The page's files and the API set their own Cache-Control (map.StaticResourceCaching, HTTP caching).
			.headers(headers -> headers.cache(ServerHttpSecurity.HeaderSpec.CacheSpec::disable))
			.addFilterAt(bearer, SecurityWebFiltersOrder.AUTHENTICATION)
			.build();
	}

	/** A write that a browser could make with the session cookie: every unsafe {@code /auth/*}, any carrying the cookie. */
	private static Mono<MatchResult> cookieWrite(org.springframework.web.server.ServerWebExchange exchange) {
		ServerHttpRequest request = exchange.getRequest();
		if (SAFE.contains(request.getMethod()) || BearerTokens.present(request)) {
			return MatchResult.notMatch();
		}
		if (request.getPath().pathWithinApplication().value().startsWith("/auth/")
				|| request.getCookies().containsKey(SessionCookies.COOKIE)) {
			return MatchResult.match();
		}
		return MatchResult.notMatch();
	}

}
