package fr.pactecarto.support;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import fr.pactecarto.geodata.GeodataImporter;
import fr.pactecarto.pacte.document.PacteImporter;

import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * For {@code @ExtendWith} on a {@link PacteIntegrationTest}: before each test, the tests' contours are imported
 * (see {@link TestTerritories}) and the fixture pacte {@value #FIXTURE} is loaded beside the PACA reference
 * pacte (which the application loads at start into a database without pacte). Both once per test JVM.
 */
public class TestData implements BeforeEachCallback {

	/** The small, clearly synthetic pacte of the tests: Corse (region 94), year 2099. */
	public static final String FIXTURE = "94-2099";

	private static final String FIXTURE_FILE = "pactes/fixture-corse-2099.yaml";

	private static boolean fixtureLoaded;

	@Override
	public void beforeEach(ExtensionContext context) {
		ensureLoaded(SpringExtension.getApplicationContext(context));
	}

	public static synchronized void ensureLoaded(ApplicationContext context) {
		TestTerritories.ensureImported(context.getBean(GeodataImporter.class));
		if (!fixtureLoaded) {
			context.getBean(PacteImporter.class).importResource(new ClassPathResource(FIXTURE_FILE), FIXTURE_FILE);
			fixtureLoaded = true;
		}
	}

}
