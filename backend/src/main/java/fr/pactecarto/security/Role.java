package fr.pactecarto.security;

import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** What an account may do: editors change actions (within their territories), administrators everything. */
public enum Role {

	/** Changes the actions of the pactes, limited to the account's territories when it has some. */
	EDITOR,
	/** Also manages funding lines, priorities, themes, accounts and API tokens; never limited to territories. */
	ADMIN;

	/** Spring Security authorities: an administrator is an editor too ({@code hasRole('EDITOR')} holds). */
	List<GrantedAuthority> authorities() {
		return (this == ADMIN)
				? List.of(new SimpleGrantedAuthority("ROLE_ADMIN"), new SimpleGrantedAuthority("ROLE_EDITOR"))
				: List.of(new SimpleGrantedAuthority("ROLE_EDITOR"));
	}

}
