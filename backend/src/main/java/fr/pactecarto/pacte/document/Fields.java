package fr.pactecarto.pacte.document;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import fr.pactecarto.pacte.document.Tree.Scalar.Type;

/**
 * The fields of one mapping of a document, read by name with their expected type. Every mistake is recorded
 * with its path and line and a usable value (or null) returned, so that reading goes on and reports all
 * errors at once. {@link #finish()} reports the keys nobody asked for.
 */
final class Fields {

	static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,99}");

	private static final Pattern DECIMAL = Pattern.compile("[+-]?(0|[1-9][0-9]*)");

	private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

	private static final int MAX_TEXT = 20_000;

	private final Tree.Mapping mapping;

	private final String path;

	private final Problems problems;

	private final Set<String> known = new LinkedHashSet<>();

	private Fields(Tree.Mapping mapping, String path, Problems problems) {
		this.mapping = mapping;
		this.path = path;
		this.problems = problems;
	}

	/** The mapping at {@code path}, or null (error recorded) when it is something else. */
	static Fields of(Tree tree, String path, Problems problems) {
		if (tree instanceof Tree.Mapping mapping) {
			return new Fields(mapping, path, problems);
		}
		problems.error(path, tree.line(), "must be a mapping (key: value…), found " + tree.description());
		return null;
	}

	String path() {
		return this.path;
	}

	int line() {
		return this.mapping.line();
	}

	String pathOf(String key) {
		return this.path.isEmpty() ? key : this.path + "." + key;
	}

	int lineOf(String key) {
		Integer line = this.mapping.keyLines().get(key);
		return (line != null) ? line : this.mapping.line();
	}

	/** The value of {@code key}, null when absent or null (then an error if required). */
	Tree get(String key, boolean required) {
		this.known.add(key);
		Tree value = this.mapping.entries().get(key);
		if (value instanceof Tree.Scalar scalar && scalar.isNull()) {
			value = null;
		}
		if (value == null && required) {
			this.problems.error(pathOf(key), lineOf(key), "missing (required)");
		}
		return value;
	}

	String text(String key, boolean required) {
		Tree value = get(key, required);
		return (value != null) ? text(value, pathOf(key), false) : null;
	}

	/** A territory code, region or alias target: a string, which YAML reads as a number when unquoted. */
	String code(String key, boolean required) {
		Tree value = get(key, required);
		return (value != null) ? text(value, pathOf(key), true) : null;
	}

	String identifier(String key) {
		String value = text(key, true);
		if (value != null && !IDENTIFIER.matcher(value).matches()) {
			this.problems.error(pathOf(key), lineOf(key), "'" + value
					+ "' is not a valid identifier (letters, digits, '-', '_', '.'; at most 100; no space)");
			return value;
		}
		return value;
	}

	String oneOf(String key, boolean required, Set<String> allowed) {
		String value = text(key, required);
		if (value != null && !allowed.contains(value)) {
			this.problems.error(pathOf(key), lineOf(key), "'" + value + "' is not one of " + String.join(", ", allowed));
			return null;
		}
		return value;
	}

	Long integer(String key, boolean required, long min, long max) {
		Tree value = get(key, required);
		if (value == null) {
			return null;
		}
		String where = pathOf(key);
		if (!(value instanceof Tree.Scalar scalar) || scalar.type() != Type.INTEGER) {
			String hint = (value instanceof Tree.Scalar scalar && DECIMAL.matcher(scalar.text().strip()).matches())
					? ": write " + scalar.text().strip() + " without quotes" : "";
			this.problems.error(where, value.line(), "must be a whole number, found " + value.description() + hint);
			return null;
		}
		String text = scalar.text();
		if (!DECIMAL.matcher(text).matches()) {
			this.problems.error(where, value.line(), "'" + scalar.text()
					+ "': write a plain decimal number (no leading zero, octal, hexadecimal or separators)");
			return null;
		}
		try {
			long number = Long.parseLong(text);
			if (number < min || number > max) {
				this.problems.error(where, value.line(), number + " is out of range (" + min + " to " + max + ")");
				return null;
			}
			return number;
		}
		catch (NumberFormatException ex) {
			this.problems.error(where, value.line(), "'" + scalar.text() + "' is too large");
			return null;
		}
	}

	boolean flag(String key) {
		Tree value = get(key, false);
		if (value == null) {
			return false;
		}
		if (value instanceof Tree.Scalar scalar && scalar.type() == Type.BOOLEAN
				&& (scalar.text().equals("true") || scalar.text().equals("false"))) {
			return scalar.text().equals("true");
		}
		this.problems.error(pathOf(key), value.line(), "must be true or false, found " + value.description()
				+ ((value instanceof Tree.Scalar scalar) ? " '" + scalar.text() + "'" : ""));
		return false;
	}

	LocalDate date(String key) {
		Tree value = get(key, true);
		if (value == null) {
			return null;
		}
		if (value instanceof Tree.Scalar scalar
				&& (scalar.type() == Type.TIMESTAMP || scalar.type() == Type.STRING)
				&& DATE.matcher(scalar.text()).matches()) {
			try {
				return LocalDate.parse(scalar.text());
			}
			catch (DateTimeParseException ex) {
				// reported below
			}
		}
		String text = (value instanceof Tree.Scalar scalar) ? " '" + scalar.text() + "'" : "";
		this.problems.error(pathOf(key), value.line(), "not a date" + text + ": write YYYY-MM-DD (e.g. 2024-07-24)");
		return null;
	}

	/** The items of a list (empty when absent, or when not a list: then an error). */
	List<Tree> list(String key, boolean required) {
		Tree value = get(key, required);
		if (value == null) {
			return List.of();
		}
		if (value instanceof Tree.Sequence sequence) {
			return sequence.items();
		}
		this.problems.error(pathOf(key), value.line(), "must be a list, found " + value.description());
		return List.of();
	}

	/** A list of strings; codes ({@code codes} true) are told to be quoted when YAML read them as numbers. */
	List<String> texts(String key, boolean required, boolean codes) {
		List<Tree> items = list(key, required);
		List<String> texts = new ArrayList<>(items.size());
		for (int i = 0; i < items.size(); i++) {
			String text = text(items.get(i), pathOf(key) + "[" + i + "]", codes);
			if (text != null) {
				texts.add(text);
			}
		}
		return texts;
	}

	Fields object(String key, boolean required) {
		Tree value = get(key, required);
		return (value != null) ? of(value, pathOf(key), this.problems) : null;
	}

	/** Reports the keys of the mapping that are not part of the format, with a suggestion when close. */
	void finish() {
		for (Map.Entry<String, Tree> entry : this.mapping.entries().entrySet()) {
			String key = entry.getKey();
			if (!this.known.contains(key)) {
				String suggestion = closest(key);
				this.problems.error(pathOf(key), lineOf(key), "unknown key '" + key + "'"
						+ ((suggestion != null) ? " (did you mean '" + suggestion + "'?)" : "")
						+ "; expected one of " + String.join(", ", this.known));
			}
		}
	}

	/** The text of a scalar string; other scalars are refused with how to write them. */
	String text(Tree value, String where, boolean code) {
		if (!(value instanceof Tree.Scalar scalar) || scalar.isNull()) {
			this.problems.error(where, value.line(), "must be a string, found " + value.description());
			return null;
		}
		if (scalar.type() != Type.STRING) {
			this.problems.error(where, value.line(), "must be a string, found " + scalar.description() + " "
					+ scalar.text() + (code ? " (YAML reads an unquoted " + scalar.text() + " as a number)" : "")
					+ ": quote it: \"" + scalar.text() + "\"");
			return null;
		}
		String text = scalar.text();
		if (text.isBlank()) {
			this.problems.error(where, value.line(), "must not be empty");
			return null;
		}
		if (text.length() > MAX_TEXT) {
			this.problems.error(where, value.line(), "longer than " + MAX_TEXT + " characters");
			return null;
		}
		return text;
	}

	private String closest(String key) {
		String best = null;
		int bestDistance = 3;
		for (String candidate : this.known) {
			int distance = candidate.equalsIgnoreCase(key) ? 0
					: distance(candidate.toLowerCase(Locale.ROOT), key.toLowerCase(Locale.ROOT));
			if (distance < bestDistance) {
				best = candidate;
				bestDistance = distance;
			}
		}
		return best;
	}

	private static int distance(String a, String b) {
		if (Math.abs(a.length() - b.length()) > 2) {
			return Integer.MAX_VALUE;
		}
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int cost = (a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1;
				current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

}
