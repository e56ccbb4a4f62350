package fr.pactecarto;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class PacteCartoApplication {

	public static void main(String[] args) {
		SpringApplication.run(PacteCartoApplication.class, args);
	}

}
