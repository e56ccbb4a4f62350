package fr.pactecarto;

import java.util.Arrays;

import fr.pactecarto.geodata.ImportCommand;
import fr.pactecarto.pacte.document.PacteCommands;
import fr.pactecarto.security.UserCommand;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class PacteCartoApplication {

	public static void main(String[] args) {
		String[] rest = (args.length > 0) ? Arrays.copyOfRange(args, 1, args.length) : args;
		if (args.length > 0 && "import".equals(args[0])) {
			System.exit(ImportCommand.run(PacteCartoApplication.class, rest));
		}
		if (args.length > 0 && "import-pacte".equals(args[0])) {
			System.exit(PacteCommands.importPacte(PacteCartoApplication.class, rest));
		}
		if (args.length > 0 && "export-pacte".equals(args[0])) {
			System.exit(PacteCommands.exportPacte(PacteCartoApplication.class, rest));
		}
		if (args.length > 0 && "user".equals(args[0])) {
			System.exit(UserCommand.run(PacteCartoApplication.class, rest));
		}
		SpringApplication.run(PacteCartoApplication.class, args);
	}

}
