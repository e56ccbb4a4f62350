package fr.pactecarto.security;

import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticatedPrincipal;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;

/**
 * Who a request is signed in as: an account (login, role, territories) and how it authenticated — a session
 * cookie of the map page ({@code tokenId} null) or an API token ({@code tokenId}, {@code tokenName}).
 *
 * @param territories for an editor, the territory codes (or aliases) they may edit; empty: every territory
 */
public record PacteUser(String login, Role role, List<String> territories, Long tokenId, String tokenName)
		implements AuthenticatedPrincipal {

	public PacteUser {
		territories = List.copyOf(territories);
	}

	@Override
	public String getName() {
		return this.login;
	}

	public boolean isAdmin() {
		return this.role == Role.ADMIN;
	}

	/** True when this user may edit only actions of some territories (an editor with territories). */
	public boolean limitedToTerritories() {
		return this.role == Role.EDITOR && !this.territories.isEmpty();
	}

	/** How the change was made, for the audit trail: {@code session}, or {@code token <id> (<name>)}. */
	public String via() {
		return (this.tokenId == null) ? "session" : "token " + this.tokenId + " (" + this.tokenName + ")";
	}

	Authentication authentication() {
		return UsernamePasswordAuthenticationToken.authenticated(this, null, this.role.authorities());
	}

	/** The signed-in user of the current request; empty when anonymous. */
	public static Mono<PacteUser> current() {
		return ReactiveSecurityContextHolder.getContext()
			.map(SecurityContext::getAuthentication)
			.filter(authentication -> authentication.getPrincipal() instanceof PacteUser)
			.map(authentication -> (PacteUser) authentication.getPrincipal());
	}

}
