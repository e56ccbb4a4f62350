package fr.pactecarto.pacte.document;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import fr.pactecarto.pacte.document.Tree.Scalar.Type;

/**
 * YAML text to {@link Tree}. SnakeYAML only composes the node graph here: nothing is constructed, so no tag
 * can instantiate a type, and every tag beyond the plain ones is refused. Its limits refuse deep nesting,
 * oversized text and aliases of mappings or lists (alias bombs) while parsing; duplicate keys and merge keys
 * are refused here.
 */
final class YamlTrees {

	private YamlTrees() {
	}

	static Tree read(String text, DocumentLimits limits, Problems problems) {
		LoaderOptions options = new LoaderOptions();
		options.setMaxAliasesForCollections(limits.maxCollectionAliases());
		options.setNestingDepthLimit(limits.maxDepth());
		options.setCodePointLimit(limits.maxCodePoints());
		options.setAllowDuplicateKeys(false);
		options.setAllowRecursiveKeys(false);
		options.setProcessComments(false);
		Node root;
		try {
			root = new Yaml(options).compose(new StringReader(text));
		}
		catch (MarkedYAMLException ex) {
			int line = (ex.getProblemMark() != null) ? ex.getProblemMark().getLine() + 1 : 0;
			String problem = (ex.getProblem() != null) ? ex.getProblem() : ex.getMessage();
			String context = (ex.getContext() != null) ? ex.getContext() + ": " : "";
			throw problems.fatal("", line, "not valid YAML: " + context + problem);
		}
		catch (YAMLException ex) {
			throw problems.fatal("", 0, limitMessage(ex.getMessage(), limits));
		}
		catch (StackOverflowError ex) {
			throw problems.fatal("", 0, "nested too deeply (pacte.documents.max-depth=" + limits.maxDepth() + ")");
		}
		if (root == null) {
			throw problems.fatal("", 0, "the file is empty (no YAML document in it)");
		}
		return new YamlTrees.Converter(problems).convert(root, "");
	}

	private static String limitMessage(String message, DocumentLimits limits) {
		String text = String.valueOf(message);
		if (text.startsWith("Number of aliases")) {
			return "YAML aliases (*name) of mappings or lists are not allowed (pacte.documents.max-collection-aliases="
					+ limits.maxCollectionAliases() + "): write the content out";
		}
		if (text.startsWith("Nesting Depth exceeded")) {
			return "nested deeper than " + limits.maxDepth() + " levels (pacte.documents.max-depth)";
		}
		if (text.contains("exceeds the limit")) {
			return "more than " + limits.maxCodePoints() + " characters (pacte.documents.max-code-points): refused";
		}
		return "not valid YAML: " + text;
	}

	private static final class Converter {

		private final Problems problems;

		Converter(Problems problems) {
			this.problems = problems;
		}

		Tree convert(Node node, String path) {
			int line = node.getStartMark().getLine() + 1;
			if (node instanceof ScalarNode scalar) {
				return new Tree.Scalar(scalar.getValue(), type(scalar, path, line), line);
			}
			if (node instanceof SequenceNode sequence) {
				checkTag(node, Tag.SEQ, path, line);
				List<Tree> items = new ArrayList<>(sequence.getValue().size());
				for (Node item : sequence.getValue()) {
					items.add(convert(item, path + "[" + items.size() + "]"));
				}
				return new Tree.Sequence(items, line);
			}
			MappingNode mapping = (MappingNode) node;
			checkTag(node, Tag.MAP, path, line);
			Map<String, Tree> entries = new LinkedHashMap<>();
			Map<String, Integer> keyLines = new LinkedHashMap<>();
			for (NodeTuple tuple : mapping.getValue()) {
				Node keyNode = tuple.getKeyNode();
				int keyLine = keyNode.getStartMark().getLine() + 1;
				if (!(keyNode instanceof ScalarNode key) || !Tag.STR.equals(key.getTag())) {
					String text = (keyNode instanceof ScalarNode key) ? key.getValue() : "?";
					this.problems.error(path, keyLine, Tag.MERGE.equals(keyNode.getTag())
							? "merge keys (<<) are not allowed: write the keys out"
							: "a key must be a plain name, not '" + text + "'");
					continue;
				}
				String name = key.getValue();
				String keyPath = path.isEmpty() ? name : path + "." + name;
				if (entries.containsKey(name)) {
					this.problems.error(keyPath, keyLine, "duplicate key '" + name + "' (first at line " + keyLines.get(name) + ")");
					continue;
				}
				keyLines.put(name, keyLine);
				entries.put(name, convert(tuple.getValueNode(), keyPath));
			}
			return new Tree.Mapping(entries, keyLines, line);
		}

		private Type type(ScalarNode scalar, String path, int line) {
			Tag tag = scalar.getTag();
			if (Tag.STR.equals(tag)) {
				return Type.STRING;
			}
			if (Tag.INT.equals(tag)) {
				return Type.INTEGER;
			}
			if (Tag.FLOAT.equals(tag)) {
				return Type.FLOAT;
			}
			if (Tag.BOOL.equals(tag)) {
				return Type.BOOLEAN;
			}
			if (Tag.NULL.equals(tag)) {
				return Type.NULL;
			}
			if (Tag.TIMESTAMP.equals(tag)) {
				return Type.TIMESTAMP;
			}
			this.problems.error(path, line, "the tag " + tag + " is not allowed: write plain values");
			return Type.NULL;
		}

		private void checkTag(Node node, Tag expected, String path, int line) {
			if (!expected.equals(node.getTag())) {
				this.problems.error(path, line, "the tag " + node.getTag() + " is not allowed: write plain values");
			}
		}

	}

}
