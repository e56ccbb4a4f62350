package fr.pactecarto.pacte.document;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;

import fr.pactecarto.pacte.document.Tree.Scalar.Type;

/** JSON text to {@link Tree}, with Jackson's streaming parser held to the same limits as YAML. */
final class JsonTrees {

	private JsonTrees() {
	}

	static Tree read(String text, DocumentLimits limits, Problems problems) {
		JsonFactory factory = JsonFactory.builder()
			.streamReadConstraints(StreamReadConstraints.builder()
				.maxNestingDepth(limits.maxDepth())
				.maxDocumentLength(limits.maxCodePoints())
				.build())
			.build();
		try (JsonParser parser = factory.createParser(ObjectReadContext.empty(), text)) {
			if (parser.nextToken() == null) {
				throw problems.fatal("", 0, "the file is empty (no JSON value in it)");
			}
			Tree root = new JsonTrees.Converter(parser, problems).convert("");
			if (parser.nextToken() != null) {
				throw problems.fatal("", line(parser), "not valid JSON: more than one value in the file");
			}
			return root;
		}
		catch (JacksonException ex) {
			int line = (ex.getLocation() != null) ? ex.getLocation().getLineNr() : 0;
			String message = String.valueOf(ex.getOriginalMessage());
			if (message.contains("Document nesting depth")) {
				message = "nested deeper than " + limits.maxDepth() + " levels (pacte.documents.max-depth)";
			}
			else {
				message = "not valid JSON: " + message;
			}
			throw problems.fatal("", Math.max(line, 0), message);
		}
	}

	private static int line(JsonParser parser) {
		return Math.max(parser.currentTokenLocation().getLineNr(), 0);
	}

	private record Converter(JsonParser parser, Problems problems) {

		Tree convert(String path) {
			int line = line(this.parser);
			JsonToken token = this.parser.currentToken();
			switch (token) {
				case START_OBJECT -> {
					Map<String, Tree> entries = new LinkedHashMap<>();
					Map<String, Integer> keyLines = new LinkedHashMap<>();
					while (this.parser.nextToken() == JsonToken.PROPERTY_NAME) {
						String name = this.parser.currentName();
						int keyLine = line(this.parser);
						String keyPath = path.isEmpty() ? name : path + "." + name;
						this.parser.nextToken();
						Tree value = convert(keyPath);
						if (entries.containsKey(name)) {
							this.problems.error(keyPath, keyLine,
									"duplicate key '" + name + "' (first at line " + keyLines.get(name) + ")");
							continue;
						}
						keyLines.put(name, keyLine);
						entries.put(name, value);
					}
					return new Tree.Mapping(entries, keyLines, line);
				}
				case START_ARRAY -> {
					List<Tree> items = new ArrayList<>();
					while (this.parser.nextToken() != JsonToken.END_ARRAY) {
						items.add(convert(path + "[" + items.size() + "]"));
					}
					return new Tree.Sequence(items, line);
				}
				case VALUE_STRING -> {
					return new Tree.Scalar(this.parser.getString(), Type.STRING, line);
				}
				case VALUE_NUMBER_INT -> {
					return new Tree.Scalar(this.parser.getString(), Type.INTEGER, line);
				}
				case VALUE_NUMBER_FLOAT -> {
					return new Tree.Scalar(this.parser.getString(), Type.FLOAT, line);
				}
				case VALUE_TRUE, VALUE_FALSE -> {
					return new Tree.Scalar(this.parser.getString(), Type.BOOLEAN, line);
				}
				default -> {
					return new Tree.Scalar("null", Type.NULL, line);
				}
			}
		}

	}

}
