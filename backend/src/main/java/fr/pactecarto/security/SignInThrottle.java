package fr.pactecarto.security;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Against password guessing: at most {@code pacte.security.sign-in.max-failures-per-login} (5) failed sign-ins
 * per login and {@code max-failures-per-address} (20) per client address within {@code window} (15 minutes);
 * beyond, sign-in is refused (HTTP 429) until the window ends, even with the right password. Counted in
 * PostgreSQL ({@code sign_in_failure}), so the limit holds across instances and restarts; a success clears
 * the login's count.
 */
@Component
class SignInThrottle {

	private final AccountStore accounts;

	private final int maxPerLogin;

	private final int maxPerAddress;

	private final Duration window;

	SignInThrottle(AccountStore accounts, @Value("${pacte.security.sign-in.max-failures-per-login:5}") int maxPerLogin,
			@Value("${pacte.security.sign-in.max-failures-per-address:20}") int maxPerAddress,
			@Value("${pacte.security.sign-in.window:PT15M}") Duration window) {
		this.accounts = accounts;
		this.maxPerLogin = maxPerLogin;
		this.maxPerAddress = maxPerAddress;
		this.window = window;
	}

	static String loginKey(String login) {
		return "login:" + login.toLowerCase(Locale.ROOT);
	}

	static String addressKey(String address) {
		return "address:" + address;
	}

	Duration window() {
		return this.window;
	}

	/** True when this login or this address has used up its failures in the current window. */
	Mono<Boolean> blocked(String login, String address) {
		return this.accounts.failures(List.of(loginKey(login), addressKey(address)), this.window)
			.map(counts -> counts.get(0) >= this.maxPerLogin || counts.get(1) >= this.maxPerAddress);
	}

	Mono<Void> failed(String login, String address) {
		return this.accounts.addFailure(List.of(loginKey(login), addressKey(address)), this.window);
	}

	Mono<Void> succeeded(String login) {
		return this.accounts.clearFailures(loginKey(login));
	}

}
