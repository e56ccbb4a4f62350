package fr.pactecarto.api;

import java.util.List;
import java.util.Map;

/**
 * What a field is expected to cost in the answer, known from the document and its variables alone, before any
 * data is fetched. One point is about one small scalar (some 30 bytes of JSON); an outline costs what its JSON
 * weighs at its zoom band; a list multiplies what is under it by its expected size. Territory lists are
 * sized for all of France (whatever is imported), so a query costs the same on every deployment.
 */
final class CostModel {

	/** A full-precision outline (no zoom, or past the last simplified band): some 30 KB. */
	static final long FULL_OUTLINE = 1000;

	/** Territories of each kind in France (2024): what an unfiltered list may hold. */
	static final Map<String, Long> TERRITORIES_PER_KIND = Map.of("REGION", 18L, "DEPARTMENT", 101L, "EPCI", 1260L,
			"COMMUNE", 35_000L);

	static final long ALL_TERRITORIES = TERRITORIES_PER_KIND.values().stream().mapToLong(Long::longValue).sum();

	/** Lists of the Pacte (axes, themes, actions…) are small; this bounds any list not named below. */
	static final long DEFAULT_LIST_SIZE = 20;

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
	static long listSize(String type, String field, Map<String, Object> arguments, Map<String, Object> parentArguments) {
		return switch (type + "." + field) {
			case "Query.territories" -> territories(arguments.get("filter"));
			case "Query.territoriesAt" -> TERRITORIES_AT_POINT;
			case "Territory.children" -> CHILDREN;
			case "Territory.bbox" -> 4;
			case "ActionConnection.edges" -> page(parentArguments.get("first"));
			default -> DEFAULT_LIST_SIZE;
		};
	}

	private static long page(Object first) {
		return (first instanceof Number number) ? Math.max(0, Math.min(number.longValue(), MAX_PAGE)) : DEFAULT_PAGE;
	}

	private static long territories(Object filter) {
		if (!(filter instanceof Map<?, ?> criteria)) {
			return ALL_TERRITORIES;
		}
		long size = ALL_TERRITORIES;
		if (criteria.get("kinds") instanceof List<?> kinds) {
			size = kinds.stream().distinct().mapToLong(kind -> TERRITORIES_PER_KIND.getOrDefault(String.valueOf(kind), 0L)).sum();
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
