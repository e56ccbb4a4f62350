package fr.pactecarto.pacte.edit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import fr.pactecarto.api.ApiException;
import fr.pactecarto.api.ErrorCode;
import fr.pactecarto.api.InvalidInput;

/**
 * The problems found in one mutation's input, each with its code and the field's path; thrown all at once
 * ({@link InvalidInput}) before anything is written. The limits are the pacte documents' (JSON Schema), so that
 * an export after any edit is a valid document.
 */
final class Checks {

	/** The documents' identifiers (JSON Schema {@code identifier}). */
	static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,99}");

	/** The documents' texts (JSON Schema {@code text}). */
	static final int MAX_TEXT = 20000;

	static final int MAX_CODE = 100;

	static final int MAX_ITEMS = 100;

	private final List<ApiException> problems = new ArrayList<>();

	void add(ErrorCode code, String field, String message) {
		this.problems.add(new ApiException(code, field, message));
	}

	void add(ApiException problem) {
		this.problems.add(problem);
	}

	boolean isEmpty() {
		return this.problems.isEmpty();
	}

	void throwIfAny() {
		if (!this.problems.isEmpty()) {
			throw new InvalidInput(this.problems);
		}
	}

	/** A required text, trimmed; {@code REQUIRED} when blank, {@code TOO_LONG} beyond the limit. */
	String required(String value, String field) {
		String text = (value != null) ? value.strip() : "";
		if (text.isEmpty()) {
			add(ErrorCode.REQUIRED, field, "'" + field + "' is required and cannot be blank");
			return text;
		}
		return limited(text, field);
	}

	/** An optional text, trimmed, blank as {@code null}; {@code TOO_LONG} beyond the limit. */
	String optional(String value, String field) {
		String text = (value != null) ? value.strip() : "";
		return text.isEmpty() ? null : limited(text, field);
	}

	private String limited(String text, String field) {
		if (text.length() > MAX_TEXT) {
			add(ErrorCode.TOO_LONG, field, "'" + field + "' has " + text.length() + " characters; at most " + MAX_TEXT);
		}
		return text;
	}

	/** Theme slugs: each known and listed once. */
	List<String> themes(List<String> slugs, Set<String> known, String field) {
		List<String> themes = new ArrayList<>();
		if (slugs == null) {
			return themes;
		}
		if (slugs.size() > MAX_ITEMS) {
			add(ErrorCode.TOO_LONG, field, "'" + field + "' lists " + slugs.size() + " themes; at most " + MAX_ITEMS);
			return themes;
		}
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < slugs.size(); i++) {
			String slug = (slugs.get(i) != null) ? slugs.get(i).strip() : "";
			String where = field + "[" + i + "]";
			if (!known.contains(slug)) {
				add(ErrorCode.UNKNOWN_THEME, where, "'" + where + "' is '" + slug + "': no theme of the pacte has this slug; "
						+ "they are " + known.stream().sorted().toList());
			}
			else if (!seen.add(slug)) {
				add(ErrorCode.DUPLICATE, where, "'" + where + "': theme '" + slug + "' is listed twice");
			}
			themes.add(slug);
		}
		return themes;
	}

	/** Territory codes, trimmed; {@code REQUIRED} when blank, {@code TOO_LONG} beyond the limits. */
	List<String> codes(List<String> values, String field) {
		List<String> codes = new ArrayList<>();
		if (values == null) {
			return codes;
		}
		if (values.size() > MAX_ITEMS) {
			add(ErrorCode.TOO_LONG, field, "'" + field + "' lists " + values.size() + " codes; at most " + MAX_ITEMS);
			return codes;
		}
		for (int i = 0; i < values.size(); i++) {
			String code = (values.get(i) != null) ? values.get(i).strip() : "";
			String where = field + "[" + i + "]";
			if (code.isEmpty()) {
				add(ErrorCode.REQUIRED, where, "'" + where + "' is blank");
			}
			else if (code.length() > MAX_CODE) {
				add(ErrorCode.TOO_LONG, where, "'" + where + "' has " + code.length() + " characters; at most " + MAX_CODE);
			}
			codes.add(code);
		}
		return codes;
	}

	/** {@code UNKNOWN_TERRITORY} for each code that names no territory ({@code resolved} null at its index). */
	void territories(List<String> codes, List<String> resolved, String pacte, String field) {
		for (int i = 0; i < codes.size(); i++) {
			if (resolved.get(i) == null && !codes.get(i).isEmpty() && codes.get(i).length() <= MAX_CODE) {
				String where = field + "[" + i + "]";
				add(ErrorCode.UNKNOWN_TERRITORY, where, "'" + where + "' is '" + codes.get(i)
						+ "': neither an alias of pacte " + pacte + " nor the code of an imported territory");
			}
		}
	}

	/** The conflict of a stale version: the object as it is now in {@code extensions.current}. */
	static ApiException conflict(String what, long based, Map<String, Object> current) {
		Object by = current.get("updatedBy");
		Object at = current.get("updatedAt");
		return new ApiException(ErrorCode.CONFLICT, "input.version", what + " changed since version " + based
				+ " (now version " + current.get("version") + ((by != null) ? ", by " + by + " at " + at : "")
				+ "): merge with the current state and send its version", Map.of("current", current,
						"updatedBy", (by != null) ? by : "", "updatedAt", (at != null) ? at : ""));
	}

}
