package fr.pactecarto.security;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import fr.pactecarto.database.Commands;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * {@code java -jar pacte-carto.jar user …} ({@code make user ARGS="…"}): accounts and API tokens from the command
 * line. A password is read from the terminal (twice) or, without one, from the first line of standard input;
 * never from the command line, and there is no default one.
 *
 * <pre>
 * user add --login alice --role ADMIN|EDITOR [--territories 83,TPM] [--no-password]
 * user list
 * user disable --login alice        user enable --login alice        user password --login alice
 * user token --login alice --name "tableau de bord" [--days 90]     (prints the secret, once)
 * user tokens [--login alice]       user revoke --id 12
 * </pre>
 * Exit status 0 with a one-line report, 1 with the error.
 */
public final class UserCommand {

	static final int MIN_PASSWORD = 12;

	private static final Pattern LOGIN = Pattern.compile("[a-z0-9][a-z0-9._@-]{0,63}");

	private static final String USAGE = """
			usage: user add --login LOGIN --role ADMIN|EDITOR [--territories 83,TPM] [--no-password]
			       user list | user disable --login LOGIN | user enable --login LOGIN | user password --login LOGIN
			       user token --login LOGIN --name NAME [--days 1-365] | user tokens [--login LOGIN] | user revoke --id ID
			the password is read from the terminal, or from standard input without one; never from the command line""";

	private static final String[] QUIET = { "--pacte.geodata.import-on-start=false",
			"--pacte.documents.load-on-start=false", "--spring.main.log-startup-info=false",
			"--logging.level.fr.pactecarto=WARN" };

	private UserCommand() {
	}

	/** Thrown for a usage or input error: its message is printed, the status is 1. */
	static final class UsageException extends RuntimeException {

		UsageException(String message) {
			super(message);
		}

	}

	public static int run(Class<?> application, String... args) {
		PrintStream out = System.out;
		List<String> spring = new ArrayList<>();
		List<String> own = new ArrayList<>();
		for (String arg : args) {
			(arg.startsWith("--") && arg.contains("=") ? spring : own).add(arg);
		}
		Parsed parsed;
		try {
			parsed = Parsed.of(own);
		}
		catch (UsageException ex) {
			System.err.println("[user] ERROR " + ex.getMessage());
			System.err.println(USAGE);
			return 1;
		}
		spring.addAll(List.of(QUIET));
		try (ConfigurableApplicationContext context = Commands.application(application)
			.run(spring.toArray(String[]::new))) {
			out.println("[user] " + execute(parsed, context.getBean(AccountStore.class),
					context.getBean(PasswordEncoder.class), UserCommand::readPassword));
			return 0;
		}
		catch (UsageException ex) {
			System.err.println("[user] ERROR " + ex.getMessage());
			return 1;
		}
		catch (RuntimeException ex) {
			// Start-up failures (database unreachable…) were already reported by the failure analyzers.
			if (ex.getMessage() != null && !(ex instanceof org.springframework.beans.BeansException)) {
				System.err.println("[user] ERROR " + ex.getMessage());
			}
			return 1;
		}
	}

	/** Reads a new password. */
	interface PasswordSource {

		String read(String login);

	}

	/** The command and its options. */
	record Parsed(String command, Map<String, String> options) {

		private static final Map<String, List<String>> OPTIONS = Map.of("add",
				List.of("--login", "--role", "--territories", "--no-password"), "list", List.of(), "disable",
				List.of("--login"), "enable", List.of("--login"), "password", List.of("--login"), "token",
				List.of("--login", "--name", "--days"), "tokens", List.of("--login"), "revoke", List.of("--id"));

		static Parsed of(List<String> args) {
			if (args.isEmpty() || !OPTIONS.containsKey(args.get(0))) {
				throw new UsageException((args.isEmpty() ? "no command" : "unknown command '" + args.get(0) + "'"));
			}
			String command = args.get(0);
			Map<String, String> options = new LinkedHashMap<>();
			for (int i = 1; i < args.size(); i++) {
				String name = args.get(i);
				if (name.equals("--password") || name.startsWith("--password=")) {
					throw new UsageException("a password is never given on the command line (it would stay in the shell's "
							+ "history and the process list): it is read from the terminal or standard input");
				}
				if (!OPTIONS.get(command).contains(name)) {
					throw new UsageException("'" + command + "' has no option '" + name + "'");
				}
				if (name.equals("--no-password")) {
					options.put(name, "true");
				}
				else if (i + 1 < args.size()) {
					options.put(name, args.get(++i));
				}
				else {
					throw new UsageException("'" + name + "' needs a value");
				}
			}
			return new Parsed(command, options);
		}

		String required(String option) {
			String value = this.options.get(option);
			if (value == null || value.isBlank()) {
				throw new UsageException("'" + this.command + "' needs " + option);
			}
			return value.strip();
		}

		String login() {
			String login = required("--login").toLowerCase(Locale.ROOT);
			if (!LOGIN.matcher(login).matches()) {
				throw new UsageException("the login '" + login + "' must be 1 to 64 of a-z 0-9 . _ @ -, starting with a letter or digit");
			}
			return login;
		}

	}

	static String execute(Parsed parsed, AccountStore accounts, PasswordEncoder encoder, PasswordSource passwords) {
		switch (parsed.command()) {
			case "add" -> {
				String login = parsed.login();
				Role role;
				try {
					role = Role.valueOf(parsed.required("--role").toUpperCase(Locale.ROOT));
				}
				catch (IllegalArgumentException ex) {
					throw new UsageException("--role is ADMIN or EDITOR");
				}
				List<String> territories = (parsed.options().get("--territories") != null) ? Arrays
					.stream(parsed.options().get("--territories").split(","))
					.map(String::strip)
					.filter(code -> !code.isEmpty())
					.toList() : List.of();
				if (role == Role.ADMIN && !territories.isEmpty()) {
					throw new UsageException("an administrator is never limited to territories; --territories is for editors");
				}
				if (accounts.find(login).blockOptional().isPresent()) {
					throw new UsageException("the account '" + login + "' exists already");
				}
				boolean withPassword = !parsed.options().containsKey("--no-password");
				String hash = withPassword ? encoder.encode(passwords.read(login)) : null;
				if (!accounts.create(login, hash, role, territories).block()) {
					throw new UsageException("the account '" + login + "' exists already");
				}
				return "account '" + login + "' created: " + role + (territories.isEmpty() ? "" : " of " + territories)
						+ (withPassword ? "" : ", API tokens only (no password)");
			}
			case "list" -> {
				StringBuilder lines = new StringBuilder();
				List<AccountStore.Account> all = accounts.findAll().collectList().block();
				lines.append(all.size()).append(" account(s)");
				for (AccountStore.Account account : all) {
					lines.append("\n  ").append(account.login()).append(' ').append(account.role());
					if (!account.territories().isEmpty()) {
						lines.append(" of ").append(account.territories());
					}
					if (account.passwordHash() == null) {
						lines.append(", no password");
					}
					if (account.disabled()) {
						lines.append(", DISABLED");
					}
				}
				return lines.toString();
			}
			case "disable", "enable" -> {
				String login = parsed.login();
				boolean disable = parsed.command().equals("disable");
				if (!accounts.setDisabled(login, disable).block()) {
					throw new UsageException("no account has the login '" + login + "'");
				}
				return "account '" + login + "' " + (disable ? "disabled: its sessions ended, its tokens stopped working"
						: "enabled");
			}
			case "password" -> {
				String login = parsed.login();
				if (accounts.find(login).blockOptional().isEmpty()) {
					throw new UsageException("no account has the login '" + login + "'");
				}
				accounts.setPassword(login, encoder.encode(passwords.read(login))).block();
				return "password of '" + login + "' changed; its sessions ended";
			}
			case "token" -> {
				String login = parsed.login();
				if (accounts.find(login).blockOptional().isEmpty()) {
					throw new UsageException("no account has the login '" + login + "'");
				}
				String name = parsed.required("--name");
				if (name.length() > 200) {
					throw new UsageException("--name has at most 200 characters");
				}
				int days;
				try {
					days = Integer.parseInt(parsed.options().getOrDefault("--days", "" + AccountController.DEFAULT_TOKEN_DAYS));
				}
				catch (NumberFormatException ex) {
					days = -1;
				}
				if (days < 1 || days > AccountController.MAX_TOKEN_DAYS) {
					throw new UsageException("--days is from 1 to " + AccountController.MAX_TOKEN_DAYS);
				}
				String secret = Secrets.newToken();
				AccountStore.ApiToken token = accounts.createToken(login, name, Secrets.sha256(secret),
						OffsetDateTime.now(ZoneOffset.UTC).plusDays(days), "command").block();
				return "token " + token.id() + " of '" + login + "' (" + name + "), expires " + token.expiresAt().toInstant()
						+ "; its secret, shown this once: " + secret;
			}
			case "tokens" -> {
				String login = parsed.options().containsKey("--login") ? parsed.login() : null;
				List<AccountStore.ApiToken> tokens = accounts.findTokens(login).collectList().block();
				StringBuilder lines = new StringBuilder().append(tokens.size()).append(" token(s)");
				for (AccountStore.ApiToken token : tokens) {
					lines.append("\n  ").append(token.id()).append(' ').append(token.login()).append(" (").append(token.name())
						.append(") expires ").append(token.expiresAt().toInstant())
						.append(token.revokedAt() != null ? ", REVOKED" : token.active() ? "" : ", EXPIRED");
				}
				return lines.toString();
			}
			case "revoke" -> {
				long id;
				try {
					id = Long.parseLong(parsed.required("--id"));
				}
				catch (NumberFormatException ex) {
					throw new UsageException("--id is the number 'user tokens' shows");
				}
				AccountStore.ApiToken token = accounts.revokeToken(id, "command").block();
				if (token == null) {
					throw new UsageException("no API token has the id " + id);
				}
				return "token " + id + " of '" + token.login() + "' revoked";
			}
			default -> throw new UsageException("unknown command '" + parsed.command() + "'");
		}
	}

	private static String readPassword(String login) {
		Console console = System.console();
		String password;
		if (console != null) {
			char[] first = console.readPassword("Password for '%s' (at least %d characters): ", login, MIN_PASSWORD);
			char[] again = console.readPassword("Same password again: ");
			if (first == null || again == null || !Arrays.equals(first, again)) {
				throw new UsageException("the two passwords differ");
			}
			password = new String(first);
		}
		else {
			try {
				password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
			}
			catch (IOException ex) {
				throw new UsageException("cannot read the password from standard input (" + ex.getMessage() + ")");
			}
		}
		return checked(password);
	}

	static String checked(String password) {
		if (password == null || password.length() < MIN_PASSWORD) {
			throw new UsageException("the password needs at least " + MIN_PASSWORD + " characters");
		}
		if (password.length() > 200) {
			throw new UsageException("the password has at most 200 characters");
		}
		return password;
	}

}
