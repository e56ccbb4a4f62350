package fr.pactecarto.database;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.TimeoutException;

import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTransientResourceException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;

/**
 * What kind of database failure an exception is, read from its causes: the database unreachable or restarting
 * (the request should fail fast with {@code DATABASE_UNAVAILABLE}, and the next ones succeed once it is back), a
 * statement cancelled by {@code statement_timeout}, or a string PostgreSQL cannot store (NUL).
 */
public final class DatabaseFaults {

	private DatabaseFaults() {
	}

	public static boolean isUnavailable(Throwable failure) {
		for (Throwable t = failure; t != null; t = next(t)) {
			String state = sqlState(t);
			if (state != null && (state.startsWith("08") || state.startsWith("57P") || state.startsWith("53"))) {
				return true;
			}
			if (t instanceof R2dbcNonTransientResourceException || t instanceof R2dbcTransientResourceException
					|| t instanceof DataAccessResourceFailureException || t instanceof TransientDataAccessResourceException
					|| t instanceof ConnectException || t instanceof ClosedChannelException || t instanceof TimeoutException
					|| (t instanceof IOException && t.getClass().getName().startsWith("io.netty"))
					|| t.getClass().getName().startsWith("io.r2dbc.pool.")
					|| t.getClass().getName().contains("PostgresConnection")) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Every connection of the pool stayed busy past {@code max-acquire-time}: the server is overloaded, not the
	 * database gone (then a new connection fails at once, or within the connect timeout).
	 */
	public static boolean isPoolExhausted(Throwable failure) {
		for (Throwable t = failure; t != null; t = next(t)) {
			if (t instanceof io.r2dbc.spi.R2dbcTimeoutException && t.getMessage() != null
					&& t.getMessage().startsWith("Connection acquisition timed out")) {
				return true;
			}
		}
		return false;
	}

	/** The statement ran past PostgreSQL's {@code statement_timeout} (the backstop of the request's time budget). */
	public static boolean isStatementTimeout(Throwable failure) {
		return hasState(failure, "57014");
	}

	/** A string PostgreSQL cannot hold in text (a NUL character). */
	public static boolean isUnstorableText(Throwable failure) {
		return hasState(failure, "22021") || hasState(failure, "22P05");
	}

	private static boolean hasState(Throwable failure, String state) {
		for (Throwable t = failure; t != null; t = next(t)) {
			if (state.equals(sqlState(t))) {
				return true;
			}
		}
		return false;
	}

	private static String sqlState(Throwable t) {
		return (t instanceof R2dbcException r2dbc) ? r2dbc.getSqlState()
				: (t instanceof java.sql.SQLException sql) ? sql.getSQLState() : null;
	}

	private static Throwable next(Throwable t) {
		return (t.getCause() != t) ? t.getCause() : null;
	}

}
