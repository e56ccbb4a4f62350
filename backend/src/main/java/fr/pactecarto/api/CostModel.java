package fr.pactecarto.api;

import java.util.List;
import java.util.Map;

/**
 * What a field is expected to cost in the answer, known from the document and its variables alone, before any
 * data is fetched. One point is about one small scalar (some 30 bytes of JSON); an outline costs what its JSON
 * weighs at its zoom band; a list multiplies what is under it by its expected size: territory lists by the
 * territories imported ({@link TerritoryCounts}), the Pacte's lists by their average size.
 */
final class CostModel {

	/** A full-precision outline (no zoom, or past the last simplified band): some 30 KB. */
	static final long FULL_OUTLINE = 1000;

	/** Territories of each kind in France (2024): what an unfiltered list may hold. */
	static final Map<String, Long> TERRITORIES_PER_KIND = Map.of("REGION", 18L, "DEPARTMENT", 101L, "EPCI", 1260L,
			"COMMUNE", 35_000L);


	/** Any list not named in {@link #LIST_SIZES}. */
	static final long DEFAULT_LIST_SIZE = 20;

	/**
	 * Average sizes of the lists of the Pacte: most territories run no action, an action cites a few territories
	 * and has a few themes. A list nested in a long list costs its average there, not its largest.
	 */
	static final Map<String, Long> LIST_SIZES = Map.ofEntries(Map.entry("Territory.actions", 1L),
			Map.entry("Territory.themes", 1L), Map.entry("Territory.fundingLines", 1L), Map.entry("Territory.aliases", 1L),
			Map.entry("Territory.bbox", 4L), Map.entry("Action.territories", 3L), Map.entry("Action.themes", 2L),
			Map.entry("Action.subActions", 2L), Map.entry("Action.citedAs", 3L), Map.entry("Axis.priorities", 3L),
			Map.entry("Priority.actions", 4L), Map.entry("Query.axes", 4L), Map.entry("Query.themes", 14L),
			Map.entry("Query.coverage", 15L), Map.entry("TerritoryCoverage.actions", 10L), Map.entry("Funding.lines", 5L),
			Map.entry("FundingLine.partners", 4L));

	static final long CHILDREN = 100;

	static final long TERRITORIES_AT_POINT = 4;

	static final long DEFAULT_PAGE = 50;

	static final long MAX_PAGE = 100;

	// Communes of France per square degree, about: sizes a bbox filter.
	private static final long TERRITORIES_PER_SQUARE_DEGREE = 600;

	private CostModel() {
	}

	/** The cost of one value of this field, what is selected under it aside. */
	static long weight(String type, String field, Map<String, Object> arguments) {
		if ("Territory".equals(type) && "geometry".equals(field)) {
			return outline(arguments.get("zoom"));
		}
		return 1;
	}

	// Average JSON of the stored outlines per zoom band (4, 6, 8, 10, 12), in points.
	static long outline(Object zoom) {
		if (!(zoom instanceof Number number)) {
			return FULL_OUTLINE;
		}
		int z = number.intValue();
		if (z <= 4) {
			return 10;
		}
		if (z <= 6) {
			return 20;
		}
		if (z <= 8) {
			return 60;
		}
		if (z <= 10) {
			return 150;
		}
		return (z <= 12) ? 400 : FULL_OUTLINE;
	}

	/** The number of values a list field is expected to hold. */
	static long listSize(String type, String field, Map<String, Object> arguments, Map<String, Object> parentArguments,
			Map<String, Long> territoriesPerKind) {
		String coordinates = type + "." + field;
		return switch (coordinates) {
			case "Query.territories" -> territories(arguments.get("filter"), territoriesPerKind);
			case "Query.territoriesAt" -> TERRITORIES_AT_POINT;
			case "Territory.children" -> CHILDREN;
			case "ActionConnection.edges" -> page(parentArguments.get("first"));
			default -> LIST_SIZES.getOrDefault(coordinates, DEFAULT_LIST_SIZE);
		};
	}

	private static long page(Object first) {
		return (first instanceof Number number) ? Math.max(0, Math.min(number.longValue(), MAX_PAGE)) : DEFAULT_PAGE;
	}

	private static long territories(Object filter, Map<String, Long> perKind) {
		long size = perKind.values().stream().mapToLong(Long::longValue).sum();
		if (!(filter instanceof Map<?, ?> criteria)) {
			return size;
		}
		if (criteria.get("kinds") instanceof List<?> kinds) {
			size = kinds.stream().distinct().mapToLong(kind -> perKind.getOrDefault(String.valueOf(kind), 0L)).sum();
		}
		if (criteria.get("codes") instanceof List<?> codes) {
			size = Math.min(size, codes.size());
		}
		if (criteria.get("parent") != null) {
			size = Math.min(size, CHILDREN);
		}
		if (criteria.get("bbox") instanceof List<?> bbox && bbox.size() == 4 && bbox.stream().allMatch(Number.class::isInstance)) {
			double width = Math.abs(((Number) bbox.get(2)).doubleValue() - ((Number) bbox.get(0)).doubleValue());
			double height = Math.abs(((Number) bbox.get(3)).doubleValue() - ((Number) bbox.get(1)).doubleValue());
			double area = Math.min(width * height, 1e9);
			size = Math.min(size, 20 + (long) Math.ceil(area * TERRITORIES_PER_SQUARE_DEGREE));
		}
		return size;
	}

}
