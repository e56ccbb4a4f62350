package fr.pactecarto.pacte.document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

import fr.pactecarto.pacte.document.PacteDocument.Action;
import fr.pactecarto.pacte.document.PacteDocument.Alias;
import fr.pactecarto.pacte.document.PacteDocument.Axis;
import fr.pactecarto.pacte.document.PacteDocument.FundingLine;
import fr.pactecarto.pacte.document.PacteDocument.LocalPactSection;
import fr.pactecarto.pacte.document.PacteDocument.MapLayer;
import fr.pactecarto.pacte.document.PacteDocument.NationalMeasure;
import fr.pactecarto.pacte.document.PacteDocument.NationalPact;
import fr.pactecarto.pacte.document.PacteDocument.Priority;
import fr.pactecarto.pacte.document.PacteDocument.Theme;

/**
 * A {@link PacteDocument} written in the document format, deterministically: keys in the schema's order,
 * optional values left out when absent, block mappings, short lists of codes and slugs on one line, codes
 * always quoted, other strings plain when YAML reads them back as the same string and double-quoted
 * otherwise, one value per line (no folding), {@code \n} line ends. The JSON form has the same structure.
 */
final class DocumentWriter {

	// Lists of identifiers or codes: written on one line.
	private record Flow(List<Object> items) {
	}

	// A territory code: always quoted, so that 04 stays "04" whatever edits follow.
	private record Code(String code) {
	}

	private static final Resolver RESOLVER = new Resolver();

	private DocumentWriter() {
	}

	static String yaml(PacteDocument document) {
		StringBuilder out = new StringBuilder(64 * 1024);
		writeYamlMapping(out, tree(document), 0);
		return out.toString();
	}

	static String json(PacteDocument document) {
		StringBuilder out = new StringBuilder(64 * 1024);
		writeJson(out, tree(document), 0);
		return out.append('\n').toString();
	}

	// The document as ordered maps and lists, in the schema's key order.
	private static Map<String, Object> tree(PacteDocument document) {
		Map<String, Object> root = new LinkedHashMap<>();
		root.put("format", PacteDocument.FORMAT);
		root.put("region", new Code(document.region()));
		root.put("year", document.year());
		root.put("title", document.title());
		Map<String, Object> source = new LinkedHashMap<>();
		source.put("title", document.source().title());
		source.put("body", document.source().body());
		source.put("date", document.source().date());
		root.put("source", source);
		List<Object> aliases = new ArrayList<>();
		for (Alias alias : document.aliases()) {
			aliases.add(map("alias", alias.alias(), "kind", alias.kind(), "code", new Code(alias.code())));
		}
		root.put("aliases", aliases);
		List<Object> layers = new ArrayList<>();
		for (MapLayer layer : document.layers()) {
			layers.add(map("key", layer.key(), "label", layer.label(), "itemLabel", layer.itemLabel(), "kind",
					layer.kind(), "codes", layer.codes().isEmpty() ? null : codes(layer.codes())));
		}
		root.put("map", map("layers", layers));
		List<Object> themes = new ArrayList<>();
		for (Theme theme : document.themes()) {
			themes.add(map("slug", theme.slug(), "label", theme.label(), "headline", theme.headline() ? true : null));
		}
		root.put("themes", themes);
		List<Object> axes = new ArrayList<>();
		for (Axis axis : document.axes()) {
			List<Object> priorities = new ArrayList<>();
			for (Priority priority : axis.priorities()) {
				priorities.add(map("id", priority.id(), "title", priority.title(), "actions",
						priority.actions().stream().map(DocumentWriter::action).toList()));
			}
			axes.add(map("number", axis.number(), "shortName", axis.shortName(), "title", axis.title(), "note",
					axis.note(), "priorities", priorities));
		}
		root.put("axes", axes);
		List<Object> lines = new ArrayList<>();
		for (FundingLine line : document.funding().lines()) {
			lines.add(map("id", line.id(), "instrument", line.instrument(), "label", line.label(), "partnerKind",
					line.partnerKind(), "contractCount", line.contractCount(), "amount", line.amount(), "partners",
					codes(line.partners()), "note", line.note()));
		}
		root.put("funding", map("currency", document.funding().currency(), "note", document.funding().note(),
				"lines", lines));
		List<Object> pacts = new ArrayList<>();
		for (NationalPact pact : document.nationalMeasures().pacts()) {
			List<Object> measures = new ArrayList<>();
			for (NationalMeasure measure : pact.measures()) {
				measures.add(map("name", measure.name(), "note", measure.note()));
			}
			pacts.add(map("title", pact.title(), "axis", pact.axis(), "reforms",
					pact.reforms().isEmpty() ? null : new ArrayList<Object>(pact.reforms()), "measures",
					measures.isEmpty() ? null : measures));
		}
		root.put("nationalMeasures", map("announcedCount", document.nationalMeasures().announcedCount(), "note",
				document.nationalMeasures().note(), "pacts", pacts));
		List<Object> sections = new ArrayList<>();
		for (LocalPactSection section : document.localPactFramework().sections()) {
			sections.add(map("key", section.key(), "title", section.title(), "text", section.text(), "items",
					section.items().isEmpty() ? null : new ArrayList<Object>(section.items())));
		}
		root.put("localPactFramework", map("title", document.localPactFramework().title(), "reference",
				document.localPactFramework().reference(), "regionalCredits",
				document.localPactFramework().regionalCredits(), "sections", sections));
		return root;
	}

	private static Map<String, Object> action(Action action) {
		return map("id", action.id(), "label", action.label(), "category", action.category(), "instrument",
				action.instrument(), "themes", new Flow(new ArrayList<>(action.themes())), "citedAs",
				codes(action.citedAs()), "note", action.note(), "archived", action.archived() ? true : null, "subActions",
				action.subActions().isEmpty() ? null : action.subActions().stream().map(DocumentWriter::action).toList());
	}

	private static Flow codes(List<String> codes) {
		return new Flow(codes.stream().<Object>map(Code::new).toList());
	}

	// Pairs of key and value; null values are left out.
	private static Map<String, Object> map(Object... pairs) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			if (pairs[i + 1] != null) {
				map.put((String) pairs[i], pairs[i + 1]);
			}
		}
		return map;
	}

	// indent >= 0: every key at that column; indent < 0: the first key right after a list item's "- ", the
	// others at column -indent.
	private static void writeYamlMapping(StringBuilder out, Map<String, Object> map, int indent) {
		int column = Math.abs(indent);
		boolean first = true;
		for (Map.Entry<String, Object> entry : map.entrySet()) {
			if (!first || indent >= 0) {
				out.append(" ".repeat(column));
			}
			first = false;
			out.append(entry.getKey()).append(':');
			writeYamlValue(out, entry.getValue(), column + 2);
		}
	}

	@SuppressWarnings("unchecked")
	private static void writeYamlValue(StringBuilder out, Object value, int indent) {
		if (value instanceof Map<?, ?> map) {
			out.append('\n');
			writeYamlMapping(out, (Map<String, Object>) map, indent);
		}
		else if (value instanceof Flow flow) {
			out.append(" [");
			for (int i = 0; i < flow.items().size(); i++) {
				out.append((i > 0) ? ", " : "").append(yamlScalar(flow.items().get(i), true));
			}
			out.append("]\n");
		}
		else if (value instanceof List<?> list) {
			if (list.isEmpty()) {
				out.append(" []\n");
				return;
			}
			out.append('\n');
			for (Object item : list) {
				out.append(" ".repeat(indent)).append("- ");
				if (item instanceof Map<?, ?> map) {
					// the item's keys sit two columns right of its dash
					writeYamlMapping(out, (Map<String, Object>) map, -(indent + 2));
				}
				else {
					out.append(yamlScalar(item, false)).append('\n');
				}
			}
		}
		else {
			out.append(' ').append(yamlScalar(value, false)).append('\n');
		}
	}

	private static String yamlScalar(Object value, boolean inFlow) {
		if (value instanceof Code code) {
			return quoted(code.code());
		}
		if (value instanceof String text) {
			return isPlain(text, inFlow) ? text : quoted(text);
		}
		if (value instanceof LocalDate date) {
			return date.toString();
		}
		return String.valueOf(value); // numbers and booleans
	}

	/** True when this string, written unquoted, reads back as the same string. */
	static boolean isPlain(String text, boolean inFlow) {
		if (text.isEmpty() || !text.equals(text.strip()) || "-?:,[]{}#&*!|>'\"%@`".indexOf(text.charAt(0)) >= 0) {
			return false;
		}
		if (text.contains(": ") || text.contains(" #") || text.endsWith(":")) {
			return false;
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (needsEscape(c) || (inFlow && ",[]{}".indexOf(c) >= 0)) {
				return false;
			}
		}
		return RESOLVER.resolve(NodeId.scalar, text, true).equals(Tag.STR);
	}

	private static boolean needsEscape(char c) {
		return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029 || c == 0xFEFF || c == 0xFFFE
				|| c == 0xFFFF;
	}

	// A double-quoted string, valid both as YAML and as JSON.
	private static String quoted(String text) {
		StringBuilder out = new StringBuilder(text.length() + 2).append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\t' -> out.append("\\t");
				case '\r' -> out.append("\\r");
				default -> {
					if (needsEscape(c)) {
						out.append(String.format("\\u%04X", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		return out.append('"').toString();
	}

	@SuppressWarnings("unchecked")
	private static void writeJson(StringBuilder out, Object value, int indent) {
		if (value instanceof Map<?, ?> map) {
			out.append('{');
			boolean first = true;
			for (Map.Entry<String, Object> entry : ((Map<String, Object>) map).entrySet()) {
				out.append(first ? "\n" : ",\n").append(" ".repeat(indent + 2)).append(quoted(entry.getKey())).append(": ");
				writeJson(out, entry.getValue(), indent + 2);
				first = false;
			}
			out.append(first ? "}" : "\n" + " ".repeat(indent) + "}");
		}
		else if (value instanceof Flow flow) {
			out.append('[');
			for (int i = 0; i < flow.items().size(); i++) {
				out.append((i > 0) ? ", " : "");
				writeJson(out, flow.items().get(i), indent);
			}
			out.append(']');
		}
		else if (value instanceof List<?> list) {
			out.append('[');
			for (int i = 0; i < list.size(); i++) {
				out.append((i > 0) ? ",\n" : "\n").append(" ".repeat(indent + 2));
				writeJson(out, list.get(i), indent + 2);
			}
			out.append(list.isEmpty() ? "]" : "\n" + " ".repeat(indent) + "]");
		}
		else if (value instanceof Code code) {
			out.append(quoted(code.code()));
		}
		else if (value instanceof String || value instanceof LocalDate) {
			out.append(quoted(value.toString()));
		}
		else {
			out.append(value);
		}
	}

}
