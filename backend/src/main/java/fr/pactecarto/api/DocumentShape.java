package fr.pactecarto.api;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;

/**
 * The shape of a document, checked before graphql-java validates it: some of its validation rules take time
 * that grows very fast with fragments spread inside one another (a chain of 1,000 keeps a core busy for
 * minutes), so a document whose fragments nest deeper than {@code maxFragmentDepth}, or whose operations
 * select more than {@code maxFields} fields once fragments are expanded, is refused first. Linear in the size
 * of the document: each fragment is measured once.
 */
final class DocumentShape {

	private final LimitProperties limits;

	private final Map<String, FragmentDefinition> fragments = new HashMap<>();

	private final Map<String, Long> fieldsOf = new HashMap<>();

	private final Set<String> measuring = new HashSet<>();

	private DocumentShape(LimitProperties limits, Document document) {
		this.limits = limits;
		for (Definition<?> definition : document.getDefinitions()) {
			if (definition instanceof FragmentDefinition fragment) {
				this.fragments.putIfAbsent(fragment.getName(), fragment);
			}
		}
	}

	/** Throws {@link LimitExceeded} when the document passes a limit; cycles are left to validation. */
	static void check(LimitProperties limits, Document document) {
		DocumentShape shape = new DocumentShape(limits, document);
		for (Definition<?> definition : document.getDefinitions()) {
			if (definition instanceof OperationDefinition operation) {
				long fields = shape.fields(operation.getSelectionSet(), 0);
				if (fields > limits.maxFields()) {
					throw new LimitExceeded(ErrorCode.MAX_FIELDS_EXCEEDED, "maxFields", limits.maxFields(),
							"The query selects " + ((fields >= Long.MAX_VALUE / 4) ? "far more" : fields) + " fields once its "
									+ "fragments are expanded (each alias counts); the maximum is " + limits.maxFields());
				}
			}
		}
	}

	private long fields(SelectionSet set, int fragmentDepth) {
		long count = 0;
		for (Selection<?> selection : set.getSelections()) {
			if (selection instanceof Field field) {
				count++;
				if (field.getSelectionSet() != null) {
					count += fields(field.getSelectionSet(), fragmentDepth);
				}
			}
			else if (selection instanceof InlineFragment inline) {
				count += fields(inline.getSelectionSet(), fragmentDepth);
			}
			else if (selection instanceof FragmentSpread spread) {
				count += spread(spread.getName(), fragmentDepth + 1);
			}
			count = Math.min(count, Long.MAX_VALUE / 4);
		}
		return count;
	}

	private long spread(String name, int fragmentDepth) {
		if (fragmentDepth > this.limits.maxFragmentDepth()) {
			throw new LimitExceeded(ErrorCode.MAX_DEPTH_EXCEEDED, "maxFragmentDepth", this.limits.maxFragmentDepth(),
					"Fragment spreads nest more than " + this.limits.maxFragmentDepth() + " deep");
		}
		Long known = this.fieldsOf.get(name);
		if (known != null) {
			return known;
		}
		FragmentDefinition fragment = this.fragments.get(name);
		if (fragment == null || !this.measuring.add(name)) {
			return 0; // unknown fragment or a cycle: validation says so
		}
		long count = fields(fragment.getSelectionSet(), fragmentDepth);
		this.measuring.remove(name);
		this.fieldsOf.put(name, count);
		return count;
	}

}
