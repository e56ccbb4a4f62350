package fr.pactecarto.support;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;

/**
 * A fresh database beside the test database, dropped on close: migrated by Flyway ({@link #create}) for the round
 * trip into an empty database and for contours the shared test database must not get (all of France's
 * departments); or left empty ({@link #empty}) for what the jar's commands do on a database nobody has used yet;
 * or a copy of the test database's rows ({@link #copyOf}), standing for a read replica.
 * Named after the test database ({@code pacte_<purpose>_<test database>}) so that parallel runs do not clash.
 */
public final class ScratchDatabase implements AutoCloseable {

	private final HikariDataSource main;

	private final String name;

	private final HikariDataSource dataSource;

	private ScratchDatabase(HikariDataSource main, String name, boolean migrated) throws SQLException {
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
		if (migrated) {
			execute(this.dataSource, "CREATE EXTENSION IF NOT EXISTS postgis");
			Flyway.configure().dataSource(this.dataSource).locations("classpath:db/migration").load().migrate();
		}
	}

	/** A new database with every migration applied. */
	public static ScratchDatabase create(DataSource main, String purpose) throws SQLException {
		return new ScratchDatabase((HikariDataSource) main, name(main, purpose), true);
	}

	/** A new database with nothing in it, not even PostGIS. */
	public static ScratchDatabase empty(DataSource main, String purpose) throws SQLException {
		return new ScratchDatabase((HikariDataSource) main, name(main, purpose), false);
	}

	/**
	 * A new migrated database holding a copy of every row of {@code main} (as a replica would), copied table by
	 * table with {@code COPY}, triggers and foreign keys off meanwhile.
	 */
	public static ScratchDatabase copyOf(DataSource main, String purpose) throws SQLException, IOException {
		ScratchDatabase copy = create(main, purpose);
		try (Connection from = main.getConnection(); Connection to = copy.dataSource.getConnection();
				Statement target = to.createStatement()) {
			List<String> tables = new ArrayList<>();
			try (Statement source = from.createStatement(); ResultSet rows = source.executeQuery("SELECT tablename FROM "
					+ "pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('flyway_schema_history', 'spatial_ref_sys')")) {
				while (rows.next()) {
					tables.add('"' + rows.getString(1) + '"');
				}
			}
			to.setAutoCommit(false);
			target.execute("SET LOCAL session_replication_role = replica");
			target.execute("TRUNCATE " + String.join(", ", tables));
			for (String table : tables) {
				ByteArrayOutputStream rows = new ByteArrayOutputStream();
				from.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY " + table + " TO STDOUT (FORMAT binary)", rows);
				to.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table + " FROM STDIN (FORMAT binary)",
						new ByteArrayInputStream(rows.toByteArray()));
			}
			to.commit();
		}
		catch (SQLException | IOException | RuntimeException ex) {
			copy.close();
			throw ex;
		}
		return copy;
	}

	/** Its name, for an application started on it. */
	public String name() {
		return this.name;
	}

	private static String name(DataSource main, String purpose) throws SQLException {
		try (Connection connection = main.getConnection()) {
			return "pacte_" + purpose + "_" + connection.getCatalog();
		}
	}

	public DataSource dataSource() {
		return this.dataSource;
	}

	/** Its JDBC URL, for an application started on it. */
	public String jdbcUrl() {
		return this.dataSource.getJdbcUrl();
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
