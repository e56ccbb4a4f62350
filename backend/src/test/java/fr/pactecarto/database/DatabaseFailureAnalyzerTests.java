package fr.pactecarto.database;

import java.net.ConnectException;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseFailureAnalyzerTests {

	private final DatabaseFailureAnalyzer analyzer = new DatabaseFailureAnalyzer(
			new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db.example:5432/pacte"));

	@Test
	void unreachableServerNamesTheUrlAndTheSettings() {
		SQLException refused = new SQLException("Connection to db.example:5432 refused.", "08001",
				new ConnectException("Connection refused"));
		FailureAnalysis analysis = this.analyzer.analyze(new IllegalStateException("flywayInitializer", refused));
		assertThat(analysis.getDescription()).contains("cannot reach PostgreSQL at jdbc:postgresql://db.example:5432/pacte")
			.contains("PACTE_DB_HOST");
	}

	@Test
	void missingPostgisSaysWhichPackageToInstall() {
		SQLException missing = new SQLException(
				"ERROR: extension \"postgis\" is not available\n  Detail: Could not open extension control file", "0A000");
		FailureAnalysis analysis = this.analyzer.analyze(new IllegalStateException("Migration V1__postgis.sql failed", missing));
		assertThat(analysis.getDescription()).contains("PostGIS is not installed").contains("postgis-3");
	}

	@Test
	void otherSqlErrorsAreLeftToSpringBoot() {
		assertThat(this.analyzer.analyze(new SQLException("syntax error", "42601"))).isNull();
	}

}
