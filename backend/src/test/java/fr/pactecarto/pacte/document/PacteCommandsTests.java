package fr.pactecarto.pacte.document;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.IntSupplier;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import fr.pactecarto.PacteCartoApplication;
import fr.pactecarto.support.TestData;
import fr.pactecarto.support.PacteIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The jar's {@code import-pacte} and {@code export-pacte} commands: exit codes and what they print. */
@PacteIntegrationTest
@ExtendWith(TestData.class)
class PacteCommandsTests {

	@Autowired
	DataSource dataSource;

	@TempDir
	Path directory;

	record Run(int status, String out, String err) {
	}

	// The commands start their own application on the test database.
	private String[] database() {
		HikariDataSource hikari = (HikariDataSource) this.dataSource;
		return new String[] { "--spring.datasource.url=" + hikari.getJdbcUrl(),
				"--spring.datasource.username=" + hikari.getUsername(),
				"--spring.datasource.password=" + ((hikari.getPassword() != null) ? hikari.getPassword() : "") };
	}

	private String[] args(String... positional) {
		String[] database = database();
		String[] all = new String[positional.length + database.length];
		System.arraycopy(positional, 0, all, 0, positional.length);
		System.arraycopy(database, 0, all, positional.length, database.length);
		return all;
	}

	private static synchronized Run run(IntSupplier command) {
		PrintStream out = System.out;
		PrintStream err = System.err;
		ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
		ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
		try {
			System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
			System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
			int status = command.getAsInt();
			return new Run(status, outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8));
		}
		finally {
			System.setOut(out);
			System.setErr(err);
		}
	}

	@Test
	void importPacteSaysUnchangedOnOneLineAndExitsZero() {
		Run run = run(() -> PacteCommands.importPacte(PacteCartoApplication.class,
				args(PacteImportTests.REFERENCE.toString())));
		assertThat(run.status()).isZero();
		assertThat(run.out()).matches("\\[import-pacte] 93-2024 \\(\\.\\./pactes/paca-2024\\.yaml\\): unchanged — 4 axes, "
				+ "11 priorities, 40 actions, 14 themes, 5 aliases, 3 map layers, 5 funding lines, 4 national pacts, "
				+ "14 national measures, 4 local-pact sections; 0 warning\\(s\\); [0-9.]+ s\\R");
	}

	@Test
	void importPacteListsEveryErrorOnePerLineAndExitsOne() throws Exception {
		Path broken = this.directory.resolve("broken.yaml");
		Files.writeString(broken, Files.readString(PacteImportTests.REFERENCE)
			.replace("themes: [jeunesse]", "themes: [jeunes]")
			.replace("year: 2024", "year: \"2024\""));
		Run run = run(() -> PacteCommands.importPacte(PacteCartoApplication.class, args(broken.toString())));
		assertThat(run.status()).isEqualTo(1);
		assertThat(run.out()).isEmpty();
		assertThat(run.err().lines().filter(line -> line.startsWith("[import-pacte]"))).containsExactly(
				"[import-pacte] ERROR " + broken + ":8: year: must be a whole number, found a string: write 2024 without quotes",
				"[import-pacte] ERROR " + broken + ":122: axes[0].priorities[2].actions[0].themes[0]: unknown theme 'jeunes' (not in themes)",
				"[import-pacte] ERROR " + broken + ":134: axes[0].priorities[2].actions[3].themes[0]: unknown theme 'jeunes' (not in themes)",
				"[import-pacte] 3 error(s): nothing changed");
	}

	@Test
	void exportPacteWritesTheDocumentToAFileOrStandardOutput() throws Exception {
		String reference = PacteDocumentReaderTests.withoutLeadingComments(Files.readString(PacteImportTests.REFERENCE));
		Path file = this.directory.resolve("out.yaml");
		Run toFile = run(() -> PacteCommands.exportPacte(PacteCartoApplication.class, args("93-2024", file.toString())));
		assertThat(toFile.status()).isZero();
		assertThat(Files.readString(file)).isEqualTo(reference);
		Run toStdout = run(() -> PacteCommands.exportPacte(PacteCartoApplication.class, args("93-2024")));
		assertThat(toStdout.status()).isZero();
		assertThat(toStdout.out()).isEqualTo(reference);
	}

	@Test
	void exportPacteOfAnUnknownPacteExitsOne() {
		Run run = run(() -> PacteCommands.exportPacte(PacteCartoApplication.class, args("11-2024")));
		assertThat(run.status()).isEqualTo(1);
		assertThat(run.out()).isEmpty();
		assertThat(run.err()).contains("[export-pacte] ERROR No pacte '11-2024': a pacte id is <region>-<year>, e.g. 93-2024");
	}

}
