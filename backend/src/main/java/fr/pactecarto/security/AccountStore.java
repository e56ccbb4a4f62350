package fr.pactecarto.security;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

import io.r2dbc.spi.Parameters;
import io.r2dbc.spi.R2dbcType;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * Accounts, API tokens, sessions and failed sign-ins in PostgreSQL (tables of migration V7). Secrets are looked
 * up by their SHA-256 only; a disabled account authenticates neither by session nor by token.
 */
@Repository
public class AccountStore {

	/** An account as stored; {@code passwordHash} null for a token-only account. */
	public record Account(String login, String passwordHash, Role role, List<String> territories, boolean disabled,
			OffsetDateTime createdAt) {
	}

	/** An API token as stored (never its secret). */
	public record ApiToken(long id, String login, String name, OffsetDateTime createdAt, String createdBy,
			OffsetDateTime expiresAt, OffsetDateTime revokedAt, String revokedBy) {

		public boolean active() {
			return this.revokedAt == null && this.expiresAt.isAfter(OffsetDateTime.now());
		}

	}

	private static final String TOKEN_COLUMNS = "id, login, name, created_at, created_by, expires_at, revoked_at, revoked_by";

	private final DatabaseClient db;

	AccountStore(DatabaseClient db) {
		this.db = db;
	}

	public Mono<Account> find(String login) {
		return this.db.sql("SELECT * FROM account WHERE login = :login")
			.bind("login", login)
			.map(AccountStore::account)
			.one();
	}

	public Flux<Account> findAll() {
		return this.db.sql("SELECT * FROM account ORDER BY login").map(AccountStore::account).all();
	}

	/** Creates an account; false when the login is taken. */
	public Mono<Boolean> create(String login, String passwordHash, Role role, List<String> territories) {
		return this.db.sql("""
				INSERT INTO account (login, password_hash, role, territories) VALUES (:login, :hash, :role, :territories)
				ON CONFLICT (login) DO NOTHING
				""")
			.bind("login", login)
			.bind("hash", Parameters.in(R2dbcType.VARCHAR, passwordHash))
			.bind("role", role.name())
			.bind("territories", territories.toArray(String[]::new))
			.fetch()
			.rowsUpdated()
			.map(count -> count > 0);
	}

	/** Disables or enables an account; disabling ends its sessions. False when there is no such account. */
	public Mono<Boolean> setDisabled(String login, boolean disabled) {
		Mono<Long> sessions = disabled
				? this.db.sql("DELETE FROM account_session WHERE login = :login").bind("login", login).fetch().rowsUpdated()
				: Mono.just(0L);
		return this.db.sql("UPDATE account SET disabled = :disabled, updated_at = now() WHERE login = :login")
			.bind("disabled", disabled)
			.bind("login", login)
			.fetch()
			.rowsUpdated()
			.flatMap(count -> sessions.thenReturn(count > 0));
	}

	/** Sets the password hash (null: token-only) and ends the account's sessions. */
	public Mono<Boolean> setPassword(String login, String passwordHash) {
		return this.db.sql("UPDATE account SET password_hash = :hash, updated_at = now() WHERE login = :login")
			.bind("hash", Parameters.in(R2dbcType.VARCHAR, passwordHash))
			.bind("login", login)
			.fetch()
			.rowsUpdated()
			.flatMap(count -> this.db.sql("DELETE FROM account_session WHERE login = :login")
				.bind("login", login)
				.fetch()
				.rowsUpdated()
				.thenReturn(count > 0));
	}

	// --- API tokens

	public Mono<ApiToken> createToken(String login, String name, byte[] hash, OffsetDateTime expiresAt, String createdBy) {
		return this.db.sql("INSERT INTO api_token (login, name, token_hash, expires_at, created_by) "
				+ "VALUES (:login, :name, :hash, :expires, :by) RETURNING " + TOKEN_COLUMNS)
			.bind("login", login)
			.bind("name", name)
			.bind("hash", ByteBuffer.wrap(hash))
			.bind("expires", expiresAt)
			.bind("by", createdBy)
			.map(AccountStore::token)
			.one();
	}

	/** Revokes a token (again: unchanged); empty when there is no such token. */
	public Mono<ApiToken> revokeToken(long id, String revokedBy) {
		return this.db.sql("UPDATE api_token SET revoked_at = coalesce(revoked_at, now()), "
				+ "revoked_by = coalesce(revoked_by, :by) WHERE id = :id RETURNING " + TOKEN_COLUMNS)
			.bind("id", id)
			.bind("by", revokedBy)
			.map(AccountStore::token)
			.one();
	}

	/** The tokens of an account (null: of all accounts), newest first. */
	public Flux<ApiToken> findTokens(String login) {
		return this.db.sql("SELECT " + TOKEN_COLUMNS
				+ " FROM api_token WHERE CAST(:login AS text) IS NULL OR login = :login ORDER BY id DESC")
			.bind("login", Parameters.in(R2dbcType.VARCHAR, login))
			.map(AccountStore::token)
			.all();
	}

	/** The user a live token (not revoked, not expired, account enabled) authenticates; empty otherwise. */
	Mono<PacteUser> findByToken(byte[] hash) {
		return this.db.sql("""
				SELECT t.id, t.name, a.login, a.role, a.territories FROM api_token t JOIN account a ON a.login = t.login
				WHERE t.token_hash = :hash AND t.revoked_at IS NULL AND t.expires_at > now() AND NOT a.disabled
				""")
			.bind("hash", ByteBuffer.wrap(hash))
			.map(row -> new PacteUser(row.get("login", String.class), Role.valueOf(row.get("role", String.class)),
					Arrays.asList(row.get("territories", String[].class)), row.get("id", Long.class),
					row.get("name", String.class)))
			.one();
	}

	// --- sessions

	Mono<Void> createSession(byte[] hash, String login, Duration duration) {
		return this.db.sql("DELETE FROM account_session WHERE expires_at < now()")
			.then()
			.then(this.db.sql("INSERT INTO account_session (token_hash, login, expires_at) "
					+ "VALUES (:hash, :login, now() + make_interval(secs => :seconds))")
				.bind("hash", ByteBuffer.wrap(hash))
				.bind("login", login)
				.bind("seconds", (double) duration.toSeconds())
				.then());
	}

	/** The user of a live session (not expired, account enabled); empty otherwise. */
	Mono<PacteUser> findBySession(byte[] hash) {
		return this.db.sql("""
				SELECT a.login, a.role, a.territories FROM account_session s JOIN account a ON a.login = s.login
				WHERE s.token_hash = :hash AND s.expires_at > now() AND NOT a.disabled
				""")
			.bind("hash", ByteBuffer.wrap(hash))
			.map(row -> new PacteUser(row.get("login", String.class), Role.valueOf(row.get("role", String.class)),
					Arrays.asList(row.get("territories", String[].class)), null, null))
			.one();
	}

	Mono<Void> deleteSession(byte[] hash) {
		return this.db.sql("DELETE FROM account_session WHERE token_hash = :hash")
			.bind("hash", ByteBuffer.wrap(hash))
			.then();
	}

	// --- failed sign-ins

	/** Failures counted for these keys in the current window (each key: its count, 0 when none). */
	Mono<List<Integer>> failures(List<String> keys, Duration window) {
		return this.db.sql("""
				SELECT k.key, coalesce(f.failures, 0) AS failures
				FROM unnest(CAST(:keys AS text[])) WITH ORDINALITY AS k(key, n)
				LEFT JOIN sign_in_failure f ON f.key = k.key AND f.window_start > now() - make_interval(secs => :seconds)
				ORDER BY k.n
				""")
			.bind("keys", keys.toArray(String[]::new))
			.bind("seconds", (double) window.toSeconds())
			.map(row -> row.get("failures", Integer.class))
			.all()
			.collectList();
	}

	/** Counts one more failure for each key (a new window when the last one is over). */
	Mono<Void> addFailure(List<String> keys, Duration window) {
		return this.db.sql("""
				INSERT INTO sign_in_failure AS f (key, failures, window_start)
				SELECT key, 1, now() FROM unnest(CAST(:keys AS text[])) AS k(key)
				ON CONFLICT (key) DO UPDATE SET
				    failures = CASE WHEN f.window_start > now() - make_interval(secs => :seconds) THEN f.failures + 1 ELSE 1 END,
				    window_start = CASE WHEN f.window_start > now() - make_interval(secs => :seconds) THEN f.window_start ELSE now() END
				""")
			.bind("keys", keys.toArray(String[]::new))
			.bind("seconds", (double) window.toSeconds())
			.then();
	}

	Mono<Void> clearFailures(String key) {
		return this.db.sql("DELETE FROM sign_in_failure WHERE key = :key").bind("key", key).then();
	}

	private static Account account(Readable row) {
		return new Account(row.get("login", String.class), row.get("password_hash", String.class),
				Role.valueOf(row.get("role", String.class)), Arrays.asList(row.get("territories", String[].class)),
				row.get("disabled", Boolean.class), row.get("created_at", OffsetDateTime.class));
	}

	private static ApiToken token(Readable row) {
		return new ApiToken(row.get("id", Long.class), row.get("login", String.class), row.get("name", String.class),
				row.get("created_at", OffsetDateTime.class), row.get("created_by", String.class),
				row.get("expires_at", OffsetDateTime.class), row.get("revoked_at", OffsetDateTime.class),
				row.get("revoked_by", String.class));
	}

}
