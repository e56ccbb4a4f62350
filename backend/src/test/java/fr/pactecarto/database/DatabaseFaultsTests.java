package fr.pactecarto.database;

import java.net.ConnectException;

import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTimeoutException;
import io.r2dbc.spi.R2dbcTransientResourceException;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;

import static org.assertj.core.api.Assertions.assertThat;

/** What a database failure is, read from its causes as Spring and the drivers wrap them. */
class DatabaseFaultsTests {

	@Test
	void theDatabaseGoneIsUnavailable() {
		assertThat(DatabaseFaults.isUnavailable(new DataAccessResourceFailureException("x", new ConnectException("refused")))).isTrue();
		assertThat(DatabaseFaults.isUnavailable(new R2dbcNonTransientResourceException("closed"))).isTrue();
		assertThat(DatabaseFaults.isUnavailable(new R2dbcTransientResourceException("shutting down", "57P03"))).isTrue();
		assertThat(DatabaseFaults.isUnavailable(new IllegalStateException("a bug"))).isFalse();
	}

	@Test
	void aPoolWithNoConnectionFreeIsAnOverloadNotAnOutage() {
		R2dbcTimeoutException exhausted = new R2dbcTimeoutException("Connection acquisition timed out after 3000ms");
		assertThat(DatabaseFaults.isPoolExhausted(new DataAccessResourceFailureException("x", exhausted))).isTrue();
		assertThat(DatabaseFaults.isPoolExhausted(new R2dbcNonTransientResourceException("closed"))).isFalse();
	}

	@Test
	void statementTimeoutAndUnstorableText() {
		assertThat(DatabaseFaults.isStatementTimeout(new R2dbcTimeoutException("canceling statement due to statement timeout", "57014"))).isTrue();
		assertThat(DatabaseFaults.isUnstorableText(new R2dbcNonTransientResourceException("invalid byte sequence", "22021"))).isTrue();
		assertThat(DatabaseFaults.isStatementTimeout(new R2dbcTimeoutException("other"))).isFalse();
	}

}
