package fr.pactecarto.geodata;

/**
 * One feature of a contour file, checked: its position in the file (from 1), the properties the model keeps
 * and its Polygon/MultiPolygon geometry as hex EWKB ({@link ContourWkb}).
 */
record ContourFeature(int number, String code, String name, String nature, String region, String department,
		String epci, Integer population, String geometry) {

}
