package fr.pactecarto.pacte.document;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import fr.pactecarto.database.Commands;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar pacte-carto.jar import-pacte FILE} and {@code export-pacte PACTE_ID [FILE]}: migrate the
 * database, do the one thing and exit — 0 with a one-line report, 1 with the errors, one per line
 * ({@code file:line: path: message}). Arguments starting with {@code --} are Spring settings.
 */
public final class PacteCommands {

	// No start-up import or load, and no log lines around the one-line report (errors still show).
	private static final String[] QUIET = { "--pacte.geodata.import-on-start=false",
			"--pacte.documents.load-on-start=false", "--spring.main.log-startup-info=false",
			"--logging.level.fr.pactecarto=WARN", "--logging.level.fr.pactecarto.pacte.document=ERROR" };

	private PacteCommands() {
	}

	public static int importPacte(Class<?> application, String... args) {
		List<String> files = positional(args);
		if (files.size() != 1) {
			System.err.println("[import-pacte] usage: import-pacte FILE (a pacte document, .yaml or .json)");
			return 1;
		}
		try (ConfigurableApplicationContext context = start(application, args)) {
			PacteImportReport report = context.getBean(PacteImporter.class).importFile(Path.of(files.get(0)));
			for (DocumentProblem warning : report.warnings()) {
				System.err.println("[import-pacte] WARNING " + warning);
			}
			System.out.println("[import-pacte] " + report);
			return 0;
		}
		catch (PacteDocumentException ex) {
			for (DocumentProblem error : ex.errors()) {
				System.err.println("[import-pacte] ERROR " + error);
			}
			System.err.println("[import-pacte] " + ex.errors().size() + " error(s): nothing changed");
			return 1;
		}
		catch (PacteImportException ex) {
			System.err.println("[import-pacte] ERROR " + ex.getMessage());
			return 1;
		}
		catch (RuntimeException ex) {
			// Start-up failures (database unreachable…) were already reported by the failure analyzers.
			return 1;
		}
	}

	public static int exportPacte(Class<?> application, String... args) {
		List<String> positional = positional(args);
		if (positional.isEmpty() || positional.size() > 2) {
			System.err.println("[export-pacte] usage: export-pacte PACTE_ID [FILE] (e.g. 93-2024; standard output without FILE)");
			return 1;
		}
		String pacteId = positional.get(0);
		Path file = (positional.size() == 2) ? Path.of(positional.get(1)) : null;
		// Logs go to standard output: while the application runs, it is pointed at standard error, so that
		// `export-pacte 93-2024 > file.yaml` holds the document only.
		PrintStream stdout = System.out;
		System.setOut(System.err);
		try (ConfigurableApplicationContext context = start(application, args)) {
			String yaml = context.getBean(PacteExporter.class).exportYaml(pacteId);
			if (file != null) {
				Files.writeString(file, yaml, StandardCharsets.UTF_8);
				System.err.println("[export-pacte] " + pacteId + " written to " + file + " (" + yaml.length() + " characters)");
			}
			else {
				OutputStream out = stdout;
				out.write(yaml.getBytes(StandardCharsets.UTF_8));
				out.flush();
			}
			return 0;
		}
		catch (PacteExporter.UnknownPacteException ex) {
			System.err.println("[export-pacte] ERROR " + ex.getMessage());
			return 1;
		}
		catch (IOException ex) {
			System.err.println("[export-pacte] ERROR " + file + ": cannot be written (" + ex.getMessage() + ")");
			return 1;
		}
		catch (PacteImportException ex) {
			System.err.println("[export-pacte] ERROR " + ex.getMessage());
			return 1;
		}
		catch (RuntimeException ex) {
			return 1;
		}
		finally {
			System.setOut(stdout);
		}
	}

	private static ConfigurableApplicationContext start(Class<?> application, String[] args) {
		List<String> all = new ArrayList<>();
		for (String arg : args) {
			if (arg.startsWith("--")) {
				all.add(arg);
			}
		}
		all.addAll(List.of(QUIET));
		return Commands.application(application).run(all.toArray(String[]::new));
	}

	private static List<String> positional(String[] args) {
		List<String> positional = new ArrayList<>();
		for (String arg : args) {
			if (!arg.startsWith("--")) {
				positional.add(arg);
			}
		}
		return positional;
	}

}
