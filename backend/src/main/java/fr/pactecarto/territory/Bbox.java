package fr.pactecarto.territory;

import java.util.List;

import fr.pactecarto.api.ApiException;

/** A box in WGS84 degrees, checked: {@code [west, south, east, north]} with west < east and south < north. */
record Bbox(double west, double south, double east, double north) {

	static Bbox of(List<Double> values, String argument) {
		if (values == null || values.size() != 4) {
			throw ApiException.invalid(argument, "Argument '" + argument + "' must be 4 numbers [west, south, east, north], got "
					+ ((values == null) ? "none" : values.size()));
		}
		Bbox box = new Bbox(values.get(0), values.get(1), values.get(2), values.get(3));
		Coordinates.check(box.west, box.south, argument);
		Coordinates.check(box.east, box.north, argument);
		if (box.west >= box.east || box.south >= box.north) {
			throw ApiException.invalid(argument, "Argument '" + argument + "' is inverted or empty: " + values
					+ " must be [west, south, east, north] with west < east and south < north");
		}
		return box;
	}

}
