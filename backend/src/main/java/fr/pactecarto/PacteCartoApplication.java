package fr.pactecarto;

import java.util.Arrays;

import fr.pactecarto.geodata.ImportCommand;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class PacteCartoApplication {

	public static void main(String[] args) {
		if (args.length > 0 && "import".equals(args[0])) {
			System.exit(ImportCommand.run(PacteCartoApplication.class, Arrays.copyOfRange(args, 1, args.length)));
		}
		SpringApplication.run(PacteCartoApplication.class, args);
	}

}
