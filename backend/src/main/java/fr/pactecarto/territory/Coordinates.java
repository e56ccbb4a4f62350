package fr.pactecarto.territory;

import fr.pactecarto.api.ApiException;

/** Range checks of WGS84 coordinates given as arguments. */
final class Coordinates {

	private Coordinates() {
	}

	static void check(double lon, double lat, String argument) {
		checkLon(lon, argument);
		checkLat(lat, argument);
	}

	static void checkLon(double lon, String argument) {
		if (!(lon >= -180 && lon <= 180)) {
			throw ApiException.invalid(argument, "Argument '" + argument + "': longitude " + lon + " is outside -180..180");
		}
	}

	static void checkLat(double lat, String argument) {
		if (!(lat >= -90 && lat <= 90)) {
			throw ApiException.invalid(argument, "Argument '" + argument + "': latitude " + lat + " is outside -90..90");
		}
	}

}
