package fr.pactecarto.pacte.document;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The reader mirrors {@code schema/pacte-document.schema.json}: for every object of the schema, the keys the
 * reader knows are the schema's properties, the keys it requires are the schema's required ones, and its
 * enums are the schema's. Checked by breaking a valid document at each place and reading the messages.
 */
class DocumentSchemaMirrorTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final JsonNode SCHEMA = JSON.readTree(Path.of("../schema/pacte-document.schema.json").toFile());

	static Stream<Arguments> objects() {
		String action = "axes/0/priorities/0/actions/0";
		return Stream.of(arguments("", ""), arguments("/properties/source", "source"),
				arguments("/properties/aliases/items", "aliases/0"), arguments("/properties/map", "map"),
				arguments("/properties/map/properties/layers/items", "map/layers/0"),
				arguments("/properties/themes/items", "themes/0"), arguments("/properties/axes/items", "axes/0"),
				arguments("/properties/axes/items/properties/priorities/items", "axes/0/priorities/0"),
				arguments("/$defs/action", action), arguments("/$defs/subAction", action + "/subActions/0"),
				arguments("/properties/funding", "funding"),
				arguments("/properties/funding/properties/lines/items", "funding/lines/0"),
				arguments("/properties/nationalMeasures", "nationalMeasures"),
				arguments("/properties/nationalMeasures/properties/pacts/items", "nationalMeasures/pacts/0"),
				arguments("/properties/nationalMeasures/properties/pacts/items/properties/measures/items",
						"nationalMeasures/pacts/0/measures/0"),
				arguments("/properties/localPactFramework", "localPactFramework"),
				arguments("/properties/localPactFramework/properties/sections/items", "localPactFramework/sections/0"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("objects")
	void theReaderKnowsTheSchemasPropertiesRequiresItsRequiredOnesAndChecksItsEnums(String pointer, String location) {
		JsonNode object = SCHEMA.at(pointer);
		Set<String> properties = new LinkedHashSet<>(object.get("properties").propertyNames());
		String path = path(location);

		// An unknown key lists the keys the reader knows.
		Map<String, Object> document = minimal();
		mapAt(document, location).put("zz", "?");
		String unknown = onlyError(document, path.isEmpty() ? "zz" : path + ".zz");
		assertThat(Set.of(unknown.substring(unknown.indexOf("expected one of ") + 16).split(", ")))
			.containsExactlyInAnyOrderElementsOf(properties);

		// Each required key, taken away, is missing; the others may be left out.
		Set<String> required = new LinkedHashSet<>();
		object.path("required").forEach(key -> required.add(key.asString()));
		for (String key : properties) {
			Map<String, Object> without = minimal();
			if (mapAt(without, location).remove(key) == null) {
				assertThat(required).as("%s is required but absent from the test document", key).doesNotContain(key);
				continue;
			}
			List<DocumentProblem> errors = errors(without);
			boolean missing = errors.stream()
				.anyMatch(error -> error.path().equals(path.isEmpty() ? key : path + "." + key)
						&& error.message().equals("missing (required)"));
			assertThat(missing).as("%s.%s missing: %s", path, key, errors).isEqualTo(required.contains(key));
		}

		// Each enum's values are the reader's.
		for (String key : properties) {
			JsonNode values = object.get("properties").get(key).path("enum");
			if (values.isMissingNode() && object.get("properties").get(key).has("$ref")) {
				values = SCHEMA.at(object.get("properties").get(key).get("$ref").asString().substring(1)).path("enum");
			}
			if (values.isMissingNode()) {
				continue;
			}
			List<String> allowed = new ArrayList<>();
			values.forEach(value -> allowed.add(value.asString()));
			Map<String, Object> wrong = minimal();
			mapAt(wrong, location).put(key, "ZZ");
			assertThat(onlyError(wrong, path.isEmpty() ? key : path + "." + key))
				.isEqualTo("'ZZ' is not one of " + String.join(", ", allowed));
		}
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> minimal() {
		// The date quoted: a string date is accepted, and stays a string through the JSON below.
		return (Map<String, Object>) new Yaml().load(PacteDocumentReaderTests.MINIMAL.replace("date: 2024-07-24",
				"date: \"2024-07-24\""));
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> mapAt(Map<String, Object> document, String location) {
		Object node = document;
		for (String step : location.isEmpty() ? new String[0] : location.split("/")) {
			node = (node instanceof List<?> list) ? list.get(Integer.parseInt(step)) : ((Map<String, Object>) node).get(step);
		}
		return (Map<String, Object>) node;
	}

	static String path(String location) {
		return location.isEmpty() ? "" : location.replaceAll("/(\\d+)", "[$1]").replace('/', '.');
	}

	static List<DocumentProblem> errors(Map<String, Object> document) {
		byte[] json = JSON.writeValueAsBytes(document);
		try {
			new PacteDocumentReader(DocumentLimits.defaults()).read("mirror.json", new ByteArrayInputStream(json));
			return List.of();
		}
		catch (PacteDocumentException ex) {
			return ex.errors();
		}
	}

	static String onlyError(Map<String, Object> document, String path) {
		List<DocumentProblem> errors = errors(document);
		assertThat(errors).extracting(DocumentProblem::path).as(errors.toString()).containsExactly(path);
		return errors.get(0).message();
	}

}
