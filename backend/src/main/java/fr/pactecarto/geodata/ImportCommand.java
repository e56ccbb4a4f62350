package fr.pactecarto.geodata;

import java.util.Arrays;

import fr.pactecarto.database.Commands;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar pacte-carto.jar import}: migrates the database, imports {@code PACTE_GEODATA} and exits,
 * with status 1 and one line naming the file and the feature when something is wrong.
 */
public final class ImportCommand {

	private ImportCommand() {
	}

	private static String[] withArgument(String[] args, String argument) {
		String[] all = Arrays.copyOf(args, args.length + 1);
		all[args.length] = argument;
		return all;
	}

	public static int run(Class<?> application, String... args) {
		try (ConfigurableApplicationContext context = Commands.application(application)
			.run(withArgument(args, "--pacte.geodata.import-on-start=false"))) {
			context.getBean(GeodataImporter.class).importAll();
			return 0;
		}
		catch (GeodataImportException ex) {
			System.err.println("[import] ERROR: " + ex.getMessage());
			return 1;
		}
		catch (RuntimeException ex) {
			// Start-up failures (database unreachable…) were already reported by the failure analyzers.
			return 1;
		}
	}

}
