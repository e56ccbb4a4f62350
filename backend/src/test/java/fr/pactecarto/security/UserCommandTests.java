package fr.pactecarto.security;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import fr.pactecarto.support.PacteIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code user} command's work on the real database: accounts, passwords (hashed), tokens (hashed). */
@PacteIntegrationTest
class UserCommandTests {

	private static final String LOGIN = "test-command-alice";

	@Autowired
	AccountStore accounts;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void clean() {
		this.jdbc.update("DELETE FROM account WHERE login LIKE 'test-command-%'");
	}

	private String run(String password, String... args) {
		return UserCommand.execute(UserCommand.Parsed.of(List.of(args)), this.accounts, this.encoder,
				login -> UserCommand.checked(password));
	}

	@Test
	void createsAnAdministratorWithAnAdaptiveHashNeverThePassword() {
		String password = "a long enough password";
		assertThat(run(password, "add", "--login", LOGIN, "--role", "admin")).isEqualTo("account '" + LOGIN + "' created: ADMIN");
		String hash = this.jdbc.queryForObject("SELECT password_hash FROM account WHERE login = ?", String.class, LOGIN);
		assertThat(hash).startsWith("{bcrypt}$2").doesNotContain(password);
		assertThat(this.encoder.matches(password, hash)).isTrue();
		assertThatThrownBy(() -> run(password, "add", "--login", LOGIN, "--role", "EDITOR"))
			.hasMessageContaining("exists already");
	}

	@Test
	void refusesShortPasswordsAndPasswordsOnTheCommandLine() {
		assertThatThrownBy(() -> run("short", "add", "--login", LOGIN, "--role", "EDITOR"))
			.hasMessageContaining("at least 12 characters");
		assertThatThrownBy(() -> UserCommand.Parsed.of(List.of("add", "--login", LOGIN, "--password", "x")))
			.hasMessageContaining("never given on the command line");
		assertThat(UserCommand.run(Object.class, "add", "--login", LOGIN, "--password=secret")).isOne();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM account WHERE login = ?", Long.class, LOGIN)).isZero();
	}

	@Test
	void editorsOfTerritoriesTokensListsAndDisabling() {
		assertThat(run(null, "add", "--login", LOGIN, "--role", "EDITOR", "--territories", "83, TPM", "--no-password"))
			.contains("EDITOR of [83, TPM]", "API tokens only");
		assertThatThrownBy(() -> run(null, "add", "--login", "test-command-bob", "--role", "ADMIN", "--territories", "83"))
			.hasMessageContaining("never limited to territories");
		String token = run(null, "token", "--login", LOGIN, "--name", "tableau", "--days", "7");
		String secret = token.substring(token.lastIndexOf(' ') + 1);
		assertThat(secret).startsWith("pct_");
		assertThat(this.accounts.findByToken(Secrets.sha256(secret)).block().territories()).containsExactly("83", "TPM");
		assertThat(run(null, "list")).contains(LOGIN + " EDITOR of [83, TPM], no password");
		assertThat(run(null, "tokens", "--login", LOGIN)).contains("1 token(s)", "(tableau)");
		assertThat(run(null, "disable", "--login", LOGIN)).contains("disabled");
		assertThat(this.accounts.findByToken(Secrets.sha256(secret)).blockOptional()).isEmpty();
		assertThat(run(null, "enable", "--login", LOGIN)).contains("enabled");
		long id = Long.parseLong(token.split(" ")[1]);
		assertThat(run(null, "revoke", "--id", "" + id)).contains("revoked");
		assertThat(this.accounts.findByToken(Secrets.sha256(secret)).blockOptional()).isEmpty();
		assertThatThrownBy(() -> run(null, "token", "--login", LOGIN, "--name", "x", "--days", "400"))
			.hasMessageContaining("--days is from 1 to 365");
	}

}
