package fr.pactecarto.pacte.document;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

/**
 * A fresh database beside the test database, migrated by Flyway and dropped on close: for the round trip
 * into an empty database and for contours the shared test database must not get (all of France's departments).
 * Named after the test database ({@code pacte_<purpose>_<test database>}) so that parallel runs do not clash.
 */
final class ScratchDatabase implements AutoCloseable {

	private final HikariDataSource main;

	private final String name;

	private final HikariDataSource dataSource;

	private ScratchDatabase(HikariDataSource main, String name) throws SQLException {
		this.main = main;
		this.name = name;
		execute(main, "DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
		execute(main, "CREATE DATABASE \"" + name + "\"");
		this.dataSource = new HikariDataSource();
		this.dataSource.setJdbcUrl(main.getJdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1"));
		this.dataSource.setUsername(main.getUsername());
		this.dataSource.setPassword(main.getPassword());
		this.dataSource.setMaximumPoolSize(2);
		this.dataSource.setPoolName(name);
		execute(this.dataSource, "CREATE EXTENSION IF NOT EXISTS postgis");
		Flyway.configure().dataSource(this.dataSource).locations("classpath:db/migration").load().migrate();
	}

	static ScratchDatabase create(DataSource main, String purpose) throws SQLException {
		HikariDataSource hikari = (HikariDataSource) main;
		String database;
		try (Connection connection = hikari.getConnection()) {
			database = connection.getCatalog();
		}
		return new ScratchDatabase(hikari, "pacte_" + purpose + "_" + database);
	}

	DataSource dataSource() {
		return this.dataSource;
	}

	@Override
	public void close() throws SQLException {
		this.dataSource.close();
		execute(this.main, "DROP DATABASE IF EXISTS \"" + this.name + "\" WITH (FORCE)");
	}

	private static void execute(DataSource dataSource, String sql) throws SQLException {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
