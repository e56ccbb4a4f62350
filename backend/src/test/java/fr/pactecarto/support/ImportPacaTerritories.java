package fr.pactecarto.support;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import fr.pactecarto.geodata.GeodataImporter;

import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * For {@code @ExtendWith} on a {@link PacteIntegrationTest}: the PACA territories are imported (once per JVM,
 * see {@link PacaTerritories}) before each test, from the test's own application context.
 */
public class ImportPacaTerritories implements BeforeEachCallback {

	@Override
	public void beforeEach(ExtensionContext context) {
		PacaTerritories.ensureImported(SpringExtension.getApplicationContext(context).getBean(GeodataImporter.class));
	}

}
