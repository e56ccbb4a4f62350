package fr.pactecarto.territory;

import java.math.BigInteger;
import java.util.HashSet;
import java.util.Set;

import graphql.language.Argument;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.DataFetchingEnvironment;

/**
 * What a field selects directly under it: the names of the fields, and the zooms its {@code geometry} fields ask
 * for (an int, or null for no zoom or one that is not an int).
 * <p>
 * Read from the field's own selections, through its fragments (each once, however often it is spread), rather
 * than from graphql-java's selection set, which normalises the whole operation first: 3.2 % of the service's CPU
 * on partner apps' varied documents. Directives are not evaluated: a skipped field is seen as selected, which at
 * most reads a column for nothing.
 */
record Selections(Set<String> names, Set<Object> zooms) {

	static Selections of(DataFetchingEnvironment env) {
		Selections selections = new Selections(new HashSet<>(), new HashSet<>());
		Set<String> fragments = new HashSet<>();
		for (Field field : env.getMergedField().getFields()) {
			selections.collect(field.getSelectionSet(), env, fragments);
		}
		return selections;
	}

	boolean has(String name) {
		return this.names.contains(name);
	}

	private void collect(SelectionSet selections, DataFetchingEnvironment env, Set<String> fragments) {
		if (selections == null) {
			return;
		}
		for (Selection<?> selection : selections.getSelections()) {
			if (selection instanceof Field field) {
				this.names.add(field.getName());
				if (field.getName().equals("geometry")) {
					Argument zoom = field.getArguments().stream().filter(argument -> argument.getName().equals("zoom")).findFirst().orElse(null);
					this.zooms.add((zoom != null) ? value(zoom.getValue(), env) : null);
				}
			}
			else if (selection instanceof InlineFragment inline) {
				collect(inline.getSelectionSet(), env, fragments);
			}
			else if (selection instanceof FragmentSpread spread && fragments.add(spread.getName())) {
				FragmentDefinition fragment = env.getFragmentsByName().get(spread.getName());
				collect((fragment != null) ? fragment.getSelectionSet() : null, env, fragments);
			}
		}
	}

	// A zoom as written (a literal or a variable's value); null for anything else, which is no single zoom.
	private static Object value(Value<?> value, DataFetchingEnvironment env) {
		if (value instanceof IntValue literal) {
			BigInteger zoom = literal.getValue();
			return (zoom.bitLength() < 32) ? zoom.intValue() : null;
		}
		if (value instanceof VariableReference variable) {
			return env.getVariables().get(variable.getName());
		}
		return null;
	}

}
