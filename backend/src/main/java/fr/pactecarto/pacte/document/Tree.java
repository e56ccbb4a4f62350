package fr.pactecarto.pacte.document;

import java.util.List;
import java.util.Map;

/**
 * A document as read, before it is bound to {@link PacteDocument}: mappings, lists and scalars with the line
 * they start on. YAML and JSON files both become this, so that one binder checks both.
 */
sealed interface Tree permits Tree.Mapping, Tree.Sequence, Tree.Scalar {

	int line();

	/** What it is, for messages: « a mapping », « a list », « a number »… */
	String description();

	/** Keys in document order; {@code keyLines} gives the line of each key. */
	record Mapping(Map<String, Tree> entries, Map<String, Integer> keyLines, int line) implements Tree {

		@Override
		public String description() {
			return "a mapping";
		}

	}

	record Sequence(List<Tree> items, int line) implements Tree {

		@Override
		public String description() {
			return "a list";
		}

	}

	/** {@code text} is the value as written (unquoted); {@code type} what YAML or JSON reads it as. */
	record Scalar(String text, Type type, int line) implements Tree {

		enum Type {

			STRING("a string"), INTEGER("a number"), FLOAT("a number"), BOOLEAN("true/false"), NULL("null"),
			TIMESTAMP("a date");

			final String description;

			Type(String description) {
				this.description = description;
			}

		}

		@Override
		public String description() {
			return this.type.description;
		}

		boolean isNull() {
			return this.type == Type.NULL;
		}

	}

}
