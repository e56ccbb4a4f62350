package fr.pactecarto.geodata;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;

import tools.jackson.databind.JsonNode;

/**
 * A checked GeoJSON Polygon or MultiPolygon as hex EWKB (SRID 4326, two dimensions), the text PostGIS reads
 * as a geometry without parsing JSON: reading GeoJSON in PostgreSQL took 2.9 s of the 34,868 communes' import,
 * hex EWKB 0.2 s. The coordinates are the doubles the GeoJSON numbers denote, as PostGIS would have read them; a
 * third coordinate is dropped (the service keeps outlines in two dimensions).
 */
final class ContourWkb {

	private static final int POLYGON = 3;

	private static final int MULTI_POLYGON = 6;

	private static final int WITH_SRID = 0x20000000;

	private static final int WGS84 = 4326;

	private ContourWkb() {
	}

	/** The geometry, already checked by {@link ContourFileReader}, as hex EWKB. */
	static String hex(JsonNode geometry) {
		JsonNode coordinates = geometry.path("coordinates");
		boolean multi = "MultiPolygon".equals(geometry.path("type").asString(""));
		// Byte order, type and SRID; inside a MultiPolygon each polygon has its own byte order and type (5 bytes).
		int size = 9 + (multi ? 4 : ringsSize(coordinates));
		if (multi) {
			for (JsonNode polygon : coordinates) {
				size += 5 + ringsSize(polygon);
			}
		}
		ByteBuffer wkb = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
		wkb.put((byte) 1).putInt((multi ? MULTI_POLYGON : POLYGON) | WITH_SRID).putInt(WGS84);
		if (multi) {
			wkb.putInt(coordinates.size());
			for (JsonNode polygon : coordinates) {
				wkb.put((byte) 1).putInt(POLYGON);
				putRings(wkb, polygon);
			}
		}
		else {
			putRings(wkb, coordinates);
		}
		return HexFormat.of().formatHex(wkb.array());
	}

	// A polygon's rings: their count, then each ring's point count and its points (two doubles each).
	private static int ringsSize(JsonNode rings) {
		int size = 4;
		for (JsonNode ring : rings) {
			size += 4 + 16 * ring.size();
		}
		return size;
	}

	private static void putRings(ByteBuffer wkb, JsonNode rings) {
		wkb.putInt(rings.size());
		for (JsonNode ring : rings) {
			wkb.putInt(ring.size());
			for (JsonNode position : ring) {
				wkb.putDouble(position.get(0).asDouble()).putDouble(position.get(1).asDouble());
			}
		}
	}

}
