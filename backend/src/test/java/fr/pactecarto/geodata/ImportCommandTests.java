package fr.pactecarto.geodata;

import java.sql.SQLException;
import java.util.Map;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import fr.pactecarto.PacteCartoApplication;
import fr.pactecarto.support.PacteIntegrationTest;
import fr.pactecarto.support.ScratchDatabase;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jar's {@code import} command on a database nobody has used yet: the command starts only the beans it needs
 * (database/Commands), and the migrations must run all the same; the import analyses what it stored.
 */
@PacteIntegrationTest
class ImportCommandTests {

	@Autowired
	DataSource dataSource;

	@Test
	void importIntoANewDatabaseMigratesItThenImportsEveryLayer() throws SQLException {
		HikariDataSource main = (HikariDataSource) this.dataSource;
		String password = (main.getPassword() != null) ? main.getPassword() : "";
		try (ScratchDatabase scratch = ScratchDatabase.empty(main, "import_command")) {
			int status = ImportCommand.run(PacteCartoApplication.class, "--spring.datasource.url=" + scratch.jdbcUrl(),
					"--spring.r2dbc.url=" + scratch.jdbcUrl().replaceFirst("^jdbc:", "r2dbc:"),
					"--spring.datasource.username=" + main.getUsername(), "--spring.r2dbc.username=" + main.getUsername(),
					"--spring.datasource.password=" + password, "--spring.r2dbc.password=" + password,
					"--pacte.geodata.source=" + System.getenv("PACTE_GEODATA"));
			assertThat(status).isZero();
			JdbcTemplate jdbc = new JdbcTemplate(scratch.dataSource());
			Map<String, Long> counts = jdbc.queryForList("SELECT kind, count(*) AS n FROM territory GROUP BY kind")
				.stream()
				.collect(Collectors.toMap(row -> (String) row.get("kind"), row -> (Long) row.get("n")));
			assertThat(counts).containsExactlyInAnyOrderEntriesOf(
					Map.of("REGION", 13L, "DEPARTMENT", 101L, "EPCI", 52L, "COMMUNE", 946L));
			String migrations = "SELECT string_agg(version, ',' ORDER BY installed_rank) FROM flyway_schema_history WHERE success";
			assertThat(jdbc.queryForObject(migrations, String.class))
				.isEqualTo(new JdbcTemplate(main).queryForObject(migrations, String.class));
			assertThat(jdbc.queryForObject("SELECT count(*) FROM territory_outline", Long.class)).isEqualTo(6 * 1112L);
			// Analysed by the import itself (autovacuum's passes set last_autoanalyze): the planner's estimates
			// are right from the first query.
			assertThat(jdbc.queryForList("""
					SELECT relname FROM pg_stat_user_tables WHERE last_analyze IS NOT NULL
					AND relname IN ('territory', 'territory_outline', 'territory_piece') ORDER BY relname
					""", String.class)).containsExactly("territory", "territory_outline", "territory_piece");
		}
	}

}
