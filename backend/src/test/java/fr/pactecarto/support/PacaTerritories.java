package fr.pactecarto.support;

import fr.pactecarto.geodata.GeodataImporter;

/**
 * The PACA territories the integration tests rely on: {@link #ensureImported} imports {@code PACTE_GEODATA}
 * (the directory of the PACA contours, {@code ../shared/geodata/paca}; {@code make test} sets it) once per
 * test JVM. Idempotent: the importer changes nothing when the data is already there.
 */
public final class PacaTerritories {

	private static boolean imported;

	private PacaTerritories() {
	}

	public static synchronized void ensureImported(GeodataImporter importer) {
		if (imported) {
			return;
		}
		String source = System.getenv("PACTE_GEODATA");
		if (source == null || source.isBlank()) {
			throw new IllegalStateException(
					"PACTE_GEODATA is not set: the integration tests import the PACA contours from it (../shared/geodata/paca)");
		}
		importer.importAll();
		imported = true;
	}

}
