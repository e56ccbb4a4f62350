package fr.pactecarto.geodata;

import java.io.EOFException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.function.Consumer;
import java.util.zip.ZipException;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a GeoJSON FeatureCollection one feature at a time (the whole file is never in memory), checking each
 * feature. Structural errors (not JSON, not a FeatureCollection, truncated gzip) stop the file with a
 * {@link GeodataImportException}; a bad feature is handed to {@code rejected} with the reason and reading goes on.
 */
final class ContourFileReader {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Set<String> EPCI_NATURES = Set.of("METRO", "MET69", "CU", "CA", "CC");

	private final String file;

	private final GeodataLayer layer;

	ContourFileReader(String file, GeodataLayer layer) {
		this.file = file;
		this.layer = layer;
	}

	/** Reads every feature; returns how many were read. */
	int read(InputStream content, Consumer<ContourFeature> accepted, Consumer<String> rejected) {
		try (JsonParser parser = JSON.createParser(content)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				throw notGeoJson("it does not start with a JSON object");
			}
			String type = null;
			int count = -1;
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				String name = parser.currentName();
				JsonToken value = parser.nextToken();
				if ("type".equals(name) && value == JsonToken.VALUE_STRING) {
					type = parser.getString();
				}
				else if ("features".equals(name) && value == JsonToken.START_ARRAY) {
					count = 0;
					while (parser.nextToken() != JsonToken.END_ARRAY) {
						JsonNode feature = parser.readValueAsTree();
						count++;
						try {
							accepted.accept(feature(count, feature));
						}
						catch (IllegalArgumentException ex) {
							rejected.accept("feature #" + count + describe(feature) + ": " + ex.getMessage());
						}
					}
				}
				else {
					parser.skipChildren();
				}
			}
			if (!"FeatureCollection".equals(type) || count < 0) {
				throw notGeoJson("it is not a GeoJSON FeatureCollection with a \"features\" array");
			}
			return count;
		}
		catch (JacksonException ex) {
			if (ex.getCause() instanceof EOFException || ex.getCause() instanceof ZipException) {
				throw truncated(ex.getCause());
			}
			throw notGeoJson("invalid JSON at line " + ex.getLocation().getLineNr() + ", column "
					+ ex.getLocation().getColumnNr() + " (" + ex.getOriginalMessage() + ")");
		}
		catch (UncheckedIOException ex) {
			throw truncated(ex.getCause());
		}
	}

	private GeodataImportException truncated(Throwable cause) {
		return new GeodataImportException(this.file + ": truncated or corrupt gzip data (" + cause.getMessage() + ")", cause);
	}

	private GeodataImportException notGeoJson(String why) {
		return new GeodataImportException(this.file + ": not GeoJSON: " + why);
	}

	private static String describe(JsonNode feature) {
		JsonNode code = feature.path("properties").path("code");
		return code.isString() ? " (code " + code.asString() + ")" : "";
	}

	private ContourFeature feature(int number, JsonNode feature) {
		if (!feature.isObject() || !"Feature".equals(feature.path("type").asString(""))) {
			throw new IllegalArgumentException("not a GeoJSON Feature");
		}
		JsonNode properties = feature.path("properties");
		String code = text(properties, "code");
		if (code == null) {
			throw new IllegalArgumentException("missing property \"code\"");
		}
		if (!this.layer.isValidCode(code)) {
			throw new IllegalArgumentException("malformed code '" + code + "' for " + this.layer.fileName());
		}
		String name = text(properties, "nom");
		if (name == null) {
			throw new IllegalArgumentException("missing property \"nom\"");
		}
		String nature = text(properties, "nature");
		if (this.layer == GeodataLayer.EPCI && nature != null && !EPCI_NATURES.contains(nature)) {
			throw new IllegalArgumentException("unknown EPCI nature '" + nature + "' (expected one of " + EPCI_NATURES + ")");
		}
		JsonNode population = properties.path("population");
		JsonNode geometry = feature.path("geometry");
		checkGeometry(geometry);
		return new ContourFeature(number, code, name, (this.layer == GeodataLayer.EPCI) ? nature : null,
				text(properties, "region"), text(properties, "departement"), text(properties, "epci"),
				population.canConvertToInt() ? population.asInt() : null, ContourWkb.hex(geometry));
	}

	private static String text(JsonNode properties, String name) {
		JsonNode value = properties.path(name);
		String text = value.isString() ? value.asString().strip() : null;
		return (text == null || text.isEmpty()) ? null : text;
	}

	private static void checkGeometry(JsonNode geometry) {
		String type = geometry.path("type").asString("");
		JsonNode coordinates = geometry.path("coordinates");
		switch (type) {
			case "Polygon" -> checkPolygon(coordinates);
			case "MultiPolygon" -> {
				if (!coordinates.isArray() || coordinates.isEmpty()) {
					throw new IllegalArgumentException("MultiPolygon without polygons");
				}
				coordinates.forEach(ContourFileReader::checkPolygon);
			}
			default -> throw new IllegalArgumentException("wrong geometry type '" + (geometry.isNull() || geometry.isMissingNode()
					? "none" : type) + "' (expected Polygon or MultiPolygon)");
		}
	}

	private static void checkPolygon(JsonNode rings) {
		if (!rings.isArray() || rings.isEmpty()) {
			throw new IllegalArgumentException("polygon without rings");
		}
		for (JsonNode ring : rings) {
			if (!ring.isArray() || ring.size() < 4) {
				throw new IllegalArgumentException("polygon ring with fewer than 4 positions");
			}
			for (JsonNode position : ring) {
				if (!position.isArray() || position.size() < 2 || !position.get(0).isNumber() || !position.get(1).isNumber()) {
					throw new IllegalArgumentException("malformed position " + position);
				}
				double lon = position.get(0).asDouble();
				double lat = position.get(1).asDouble();
				if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
					throw new IllegalArgumentException("coordinates outside WGS84 (" + lon + ", " + lat
							+ "): longitude must be within -180..180 and latitude within -90..90");
				}
			}
		}
	}

}
