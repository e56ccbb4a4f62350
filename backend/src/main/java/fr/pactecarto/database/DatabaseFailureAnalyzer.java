package fr.pactecarto.database;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * Turns a database that cannot be used at start-up (unreachable, missing, refusing the user, without PostGIS)
 * into one line that names the URL tried and what to do, instead of a page of stack trace.
 */
class DatabaseFailureAnalyzer extends AbstractFailureAnalyzer<SQLException> {

	private static final String SETTINGS = "PACTE_DB_HOST, PACTE_DB_PORT, PACTE_DB_NAME, PACTE_DB_USER, PACTE_DB_PASSWORD";

	private final Environment environment;

	DatabaseFailureAnalyzer(Environment environment) {
		this.environment = environment;
	}

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
		String url = this.environment.getProperty("spring.datasource.url", "(spring.datasource.url not set)");
		String state = (cause.getSQLState() != null) ? cause.getSQLState() : "";
		String message = messageChain(rootFailure);
		String problem;
		String action;
		if (message.contains("postgis") && (message.contains("not available") || message.contains("could not open extension"))) {
			problem = "PostGIS is not installed on the PostgreSQL server at " + url;
			action = "install the PostGIS package of that server (Debian: apt-get install postgresql-<major>-postgis-3) or run 'make run', which installs it on a local server";
		}
		else if (state.startsWith("08") || hasCause(rootFailure, ConnectException.class)
				|| hasCause(rootFailure, UnknownHostException.class)) {
			problem = "cannot reach PostgreSQL at " + url;
			action = "start PostgreSQL (or run 'make run', which starts or installs it) or point " + SETTINGS + " at a PostGIS database";
		}
		else if ("3D000".equals(state)) {
			problem = "the database named in " + url + " does not exist";
			action = "create it (createdb) or run 'make run', which creates it; or set PACTE_DB_NAME";
		}
		else if (state.startsWith("28")) {
			problem = "PostgreSQL at " + url + " refused the user or password";
			action = "set PACTE_DB_USER and PACTE_DB_PASSWORD";
		}
		else {
			return null;
		}
		return new FailureAnalysis("Database: " + problem + ". What to do: " + action + ".", action, cause);
	}

	private static String messageChain(Throwable failure) {
		StringBuilder text = new StringBuilder();
		for (Throwable t = failure; t != null; t = (t.getCause() != t) ? t.getCause() : null) {
			text.append(' ').append(t.getMessage());
		}
		return text.toString();
	}

	private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
		for (Throwable t = failure; t != null; t = (t.getCause() != t) ? t.getCause() : null) {
			if (type.isInstance(t)) {
				return true;
			}
		}
		return false;
	}

}
