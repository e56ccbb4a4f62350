package fr.pactecarto.support;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import fr.pactecarto.security.AccountStore;
import fr.pactecarto.security.Role;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The accounts of the tests, created (or reset) in the test database: an administrator, an editor limited to
 * 2A (fixture pacte 94-2099), an editor limited to 83 (PACA), an editor of every territory, a disabled editor.
 * All share {@link #PASSWORD}, a test-only constant: the product itself has no default password.
 */
public final class TestAccounts {

	public static final String PASSWORD = "correct horse battery staple (tests)";

	public static final String ADMIN = "test-admin";

	public static final String EDITOR_2A = "test-editor-2a";

	public static final String EDITOR_83 = "test-editor-83";

	public static final String EDITOR = "test-editor";

	public static final String DISABLED = "test-disabled";

	private static boolean created;

	private TestAccounts() {
	}

	public static synchronized void ensureCreated(ApplicationContext context) {
		if (created) {
			return;
		}
		JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
		String hash = context.getBean(PasswordEncoder.class).encode(PASSWORD);
		jdbc.update("DELETE FROM account WHERE login LIKE 'test-%'");
		jdbc.update("DELETE FROM sign_in_failure");
		create(jdbc, ADMIN, hash, Role.ADMIN, List.of(), false);
		create(jdbc, EDITOR_2A, hash, Role.EDITOR, List.of("2A"), false);
		create(jdbc, EDITOR_83, hash, Role.EDITOR, List.of("83"), false);
		create(jdbc, EDITOR, hash, Role.EDITOR, List.of(), false);
		create(jdbc, DISABLED, hash, Role.EDITOR, List.of(), true);
		created = true;
	}

	private static void create(JdbcTemplate jdbc, String login, String hash, Role role, List<String> territories,
			boolean disabled) {
		jdbc.update("INSERT INTO account (login, password_hash, role, territories, disabled) VALUES (?, ?, ?, ?::text[], ?)",
				login, hash, role.name(), "{" + String.join(",", territories) + "}", disabled);
	}

	/** A new API token of this account, valid for a day; its secret. */
	public static String token(ApplicationContext context, String login) {
		return token(context, login, OffsetDateTime.now(ZoneOffset.UTC).plusDays(1));
	}

	public static String token(ApplicationContext context, String login, OffsetDateTime expiresAt) {
		String secret = "pct_test_" + java.util.UUID.randomUUID() + java.util.UUID.randomUUID();
		context.getBean(AccountStore.class)
			.createToken(login, "test token", sha256(secret), expiresAt, "tests")
			.block();
		return secret;
	}

	public static byte[] sha256(String secret) {
		try {
			return java.security.MessageDigest.getInstance("SHA-256").digest(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
