package fr.pactecarto.support;

import fr.pactecarto.geodata.GeodataImporter;

/**
 * The territories the integration tests rely on: {@link #ensureImported} imports {@code PACTE_GEODATA} once
 * per test JVM. {@code make test} points it at France's 13 regions and 101 departments with PACA's 52 EPCI and
 * 946 communes (links to ../shared/geodata). Idempotent: the importer changes nothing when the data is there.
 */
public final class TestTerritories {

	private static boolean imported;

	private TestTerritories() {
	}

	public static synchronized void ensureImported(GeodataImporter importer) {
		if (imported) {
			return;
		}
		String source = System.getenv("PACTE_GEODATA");
		if (source == null || source.isBlank()) {
			throw new IllegalStateException("PACTE_GEODATA is not set: the integration tests import the contours from it "
					+ "(make test links France's regions and departments and PACA's EPCI and communes)");
		}
		importer.importAll();
		imported = true;
	}

}
