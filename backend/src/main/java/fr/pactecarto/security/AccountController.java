package fr.pactecarto.security;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import fr.pactecarto.api.ApiException;
import fr.pactecarto.api.ErrorCode;
import fr.pactecarto.api.InvalidInput;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/** GraphQL: who is signed in, and the administrators' accounts and API tokens. */
@Controller
class AccountController {

	static final int DEFAULT_TOKEN_DAYS = 90;

	static final int MAX_TOKEN_DAYS = 365;

	private final AccountStore accounts;

	AccountController(AccountStore accounts) {
		this.accounts = accounts;
	}

	/** The {@code Viewer} type. */
	record Viewer(String login, Role role, List<String> territories, String via) {
	}

	/** The {@code CreateApiTokenInput} input. */
	record CreateApiTokenInput(String login, String name, Integer expiresInDays) {
	}

	/** The {@code CreatedApiToken} type. */
	record CreatedApiToken(AccountStore.ApiToken token, String secret) {
	}

	@QueryMapping
	Mono<Viewer> viewer() {
		return PacteUser.current().map(user -> new Viewer(user.login(), user.role(), user.territories(), user.via()));
	}

	@QueryMapping
	@PreAuthorize("hasRole('ADMIN')")
	Flux<AccountStore.Account> accounts() {
		return this.accounts.findAll();
	}

	@QueryMapping
	@PreAuthorize("hasRole('ADMIN')")
	Flux<AccountStore.ApiToken> apiTokens(@Argument String login) {
		return this.accounts.findTokens(login);
	}

	@MutationMapping
	@PreAuthorize("hasRole('ADMIN')")
	Mono<CreatedApiToken> createApiToken(@Argument CreateApiTokenInput input) {
		return PacteUser.current().flatMap(admin -> this.accounts.find(input.login()).map(List::of).defaultIfEmpty(List.of())
			.flatMap(found -> {
				List<ApiException> problems = new ArrayList<>();
				if (found.isEmpty()) {
					problems.add(new ApiException(ErrorCode.UNKNOWN_ACCOUNT, "input.login",
							"No account has the login '" + input.login() + "'"));
				}
				String name = (input.name() != null) ? input.name().strip() : "";
				if (name.isEmpty()) {
					problems.add(new ApiException(ErrorCode.REQUIRED, "input.name", "'input.name' is required"));
				}
				else if (name.length() > 200) {
					problems.add(new ApiException(ErrorCode.TOO_LONG, "input.name", "'input.name' has " + name.length()
							+ " characters; at most 200"));
				}
				int days = (input.expiresInDays() != null) ? input.expiresInDays() : DEFAULT_TOKEN_DAYS;
				if (days < 1 || days > MAX_TOKEN_DAYS) {
					problems.add(new ApiException(ErrorCode.INVALID_VALUE, "input.expiresInDays", "'input.expiresInDays' is "
							+ days + "; from 1 to " + MAX_TOKEN_DAYS));
				}
				if (!problems.isEmpty()) {
					return Mono.error(new InvalidInput(problems));
				}
				String secret = Secrets.newToken();
				return this.accounts.createToken(input.login(), name, Secrets.sha256(secret),
						OffsetDateTime.now(ZoneOffset.UTC).plusDays(days), admin.login())
					.map(token -> new CreatedApiToken(token, secret));
			}));
	}

	@MutationMapping
	@PreAuthorize("hasRole('ADMIN')")
	Mono<AccountStore.ApiToken> revokeApiToken(@Argument String id) {
		long number;
		try {
			number = Long.parseLong(id);
		}
		catch (NumberFormatException ex) {
			return Mono.error(unknownToken(id));
		}
		return PacteUser.current()
			.flatMap(admin -> this.accounts.revokeToken(number, admin.login()))
			.switchIfEmpty(Mono.error(() -> unknownToken(id)));
	}

	private static ApiException unknownToken(String id) {
		return new ApiException(ErrorCode.UNKNOWN_TOKEN, "id", "No API token has the id '" + id + "'");
	}

	@MutationMapping
	@PreAuthorize("hasRole('ADMIN')")
	Mono<AccountStore.Account> setAccountDisabled(@Argument String login, @Argument boolean disabled) {
		return this.accounts.setDisabled(login, disabled)
			.filter(Boolean::booleanValue)
			.flatMap(done -> this.accounts.find(login))
			.switchIfEmpty(Mono.error(() -> new ApiException(ErrorCode.UNKNOWN_ACCOUNT, "login",
					"No account has the login '" + login + "'")));
	}

	@SchemaMapping(typeName = "Account")
	boolean hasPassword(AccountStore.Account account) {
		return account.passwordHash() != null;
	}

	@SchemaMapping(typeName = "Account")
	String createdAt(AccountStore.Account account) {
		return account.createdAt().toInstant().toString();
	}

	@SchemaMapping(typeName = "ApiToken")
	String createdAt(AccountStore.ApiToken token) {
		return token.createdAt().toInstant().toString();
	}

	@SchemaMapping(typeName = "ApiToken")
	String expiresAt(AccountStore.ApiToken token) {
		return token.expiresAt().toInstant().toString();
	}

	@SchemaMapping(typeName = "ApiToken")
	String revokedAt(AccountStore.ApiToken token) {
		return (token.revokedAt() != null) ? token.revokedAt().toInstant().toString() : null;
	}

	@SchemaMapping(typeName = "ApiToken")
	String id(AccountStore.ApiToken token) {
		return String.valueOf(token.id());
	}

}
