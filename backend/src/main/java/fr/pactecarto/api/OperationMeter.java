package fr.pactecarto.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.introspection.Introspection;
import graphql.language.Argument;
import graphql.language.ArrayValue;
import graphql.language.BooleanValue;
import graphql.language.EnumValue;
import graphql.language.Field;
import graphql.language.FloatValue;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.ObjectField;
import graphql.language.ObjectValue;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;

/**
 * Walks an operation as execution will see it — every fragment spread expanded where it is spread, every alias
 * a field of its own — and stops at the first limit passed. The walk itself is bounded: it gives up after
 * {@code maxFields} fields and {@code maxFragmentDepth} nested spreads, so a fragment « bomb » (each fragment
 * spreading the previous one twice) costs it no more than a plain query of that many fields.
 */
final class OperationMeter {

	/** What the walk found: deepest field, fields selected, estimated cost. */
	record Measure(int depth, int fields, long cost) {
	}

	private final LimitProperties limits;

	private final GraphQLSchema schema;

	private final Map<String, FragmentDefinition> fragments;

	private final Map<String, Object> variables;

	private final Map<String, Long> territoriesPerKind;

	private int deepest;

	private int fields;

	private long cost;

	private OperationMeter(LimitProperties limits, GraphQLSchema schema, Map<String, FragmentDefinition> fragments,
			Map<String, Object> variables, Map<String, Long> territoriesPerKind) {
		this.limits = limits;
		this.territoriesPerKind = territoriesPerKind;
		this.schema = schema;
		this.fragments = fragments;
		this.variables = variables;
	}

	/** Measures the operation, or throws {@link LimitExceeded} at the first limit passed. */
	static Measure measure(LimitProperties limits, GraphQLSchema schema, GraphQLFieldsContainer root,
			SelectionSet selections, Map<String, FragmentDefinition> fragments, Map<String, Object> variables,
			Map<String, Long> territoriesPerKind) {
		Nul.check(variables, "variables");
		OperationMeter meter = new OperationMeter(limits, schema, fragments, variables, territoriesPerKind);
		meter.walk(selections, root, Map.of(), 0, 0, 1, false);
		// Cost last: a query too deep or too wide is told so, though it usually costs too much as well.
		if (meter.cost > limits.maxCost()) {
			throw new LimitExceeded(ErrorCode.MAX_COMPLEXITY_EXCEEDED, "maxCost", limits.maxCost(),
					"The answer would cost about " + ((meter.cost >= Long.MAX_VALUE / 4) ? "far more than " + limits.maxCost() : meter.cost)
							+ " points; the maximum is " + limits.maxCost()
							+ " (fields weighted by what they return, times the expected size of their lists): "
							+ "narrow the lists (filter.codes, filter.kinds), ask outlines with a zoom, or split the query");
		}
		return new Measure(meter.deepest, meter.fields, meter.cost);
	}

	private void walk(SelectionSet set, GraphQLType parent, Map<String, Object> parentArguments, int depth,
			int fragmentDepth, long multiplier, boolean introspection) {
		for (Selection<?> selection : set.getSelections()) {
			if (selection instanceof Field field) {
				field(field, parent, parentArguments, depth + 1, fragmentDepth, multiplier, introspection);
			}
			else if (selection instanceof InlineFragment inline) {
				GraphQLType type = (inline.getTypeCondition() != null) ? this.schema.getType(inline.getTypeCondition().getName()) : parent;
				walk(inline.getSelectionSet(), (type != null) ? type : parent, parentArguments, depth,
						nestFragment(fragmentDepth), multiplier, introspection);
			}
			else if (selection instanceof FragmentSpread spread) {
				FragmentDefinition fragment = this.fragments.get(spread.getName());
				if (fragment != null) {
					GraphQLType type = this.schema.getType(fragment.getTypeCondition().getName());
					walk(fragment.getSelectionSet(), (type != null) ? type : parent, parentArguments, depth,
							nestFragment(fragmentDepth), multiplier, introspection);
				}
			}
		}
	}

	private int nestFragment(int fragmentDepth) {
		if (fragmentDepth + 1 > this.limits.maxFragmentDepth()) {
			throw new LimitExceeded(ErrorCode.MAX_DEPTH_EXCEEDED, "maxFragmentDepth", this.limits.maxFragmentDepth(),
					"Fragment spreads nest more than " + this.limits.maxFragmentDepth() + " deep");
		}
		return fragmentDepth + 1;
	}

	private void field(Field field, GraphQLType parent, Map<String, Object> parentArguments, int depth,
			int fragmentDepth, long multiplier, boolean introspection) {
		if (++this.fields > this.limits.maxFields()) {
			throw new LimitExceeded(ErrorCode.MAX_FIELDS_EXCEEDED, "maxFields", this.limits.maxFields(),
					"The query selects more than " + this.limits.maxFields()
							+ " fields once its fragments are expanded (each alias counts)");
		}
		String name = field.getName();
		boolean meta = introspection || name.equals("__schema") || name.equals("__type");
		int maxDepth = meta ? this.limits.maxIntrospectionDepth() : this.limits.maxDepth();
		if (depth > maxDepth) {
			throw new LimitExceeded(ErrorCode.MAX_DEPTH_EXCEEDED, meta ? "maxIntrospectionDepth" : "maxDepth", maxDepth,
					"The query nests " + depth + " levels deep; the maximum is " + maxDepth);
		}
		this.deepest = Math.max(this.deepest, depth);
		Map<String, Object> arguments = arguments(field.getArguments(), name);
		GraphQLFieldDefinition definition = definition(parent, name);
		if (definition == null) {
			add(multiplier);
			return;
		}
		String typeName = GraphQLTypeUtil.simplePrint(GraphQLTypeUtil.unwrapAll(parent));
		GraphQLType type = GraphQLTypeUtil.unwrapNonNull(definition.getType());
		long size = 1;
		// Introspection answers are bounded by the schema itself: their lists are not multiplied.
		if (GraphQLTypeUtil.isList(type) && !meta) {
			size = CostModel.listSize(typeName, name, arguments, parentArguments, this.territoriesPerKind);
		}
		long values = times(multiplier, size);
		add(times(values, CostModel.weight(typeName, name, arguments)));
		if (field.getSelectionSet() != null) {
			walk(field.getSelectionSet(), GraphQLTypeUtil.unwrapAll(type), arguments, depth, fragmentDepth, values, meta);
		}
	}

	private GraphQLFieldDefinition definition(GraphQLType parent, String name) {
		if (name.equals(Introspection.SchemaMetaFieldDef.getName())) {
			return Introspection.SchemaMetaFieldDef;
		}
		if (name.equals(Introspection.TypeMetaFieldDef.getName())) {
			return Introspection.TypeMetaFieldDef;
		}
		return (parent instanceof GraphQLFieldsContainer container) ? container.getFieldDefinition(name) : null;
	}

	private void add(long points) {
		this.cost = Math.min(this.cost + points, Long.MAX_VALUE / 2);
	}

	private static long times(long a, long b) {
		long product = a * b;
		return (a != 0 && (product / a != b || product < 0)) ? Long.MAX_VALUE / 2 : Math.min(product, Long.MAX_VALUE / 2);
	}

	private Map<String, Object> arguments(List<Argument> arguments, String field) {
		if (arguments.isEmpty()) {
			return Map.of();
		}
		Map<String, Object> values = new LinkedHashMap<>();
		for (Argument argument : arguments) {
			Object value = value(argument.getValue());
			Nul.check(value, argument.getName());
			Items.check(value, argument.getName(), this.limits.maxArgumentItems());
			values.put(argument.getName(), value);
		}
		return values;
	}

	private Object value(Value<?> value) {
		if (value instanceof VariableReference variable) {
			return this.variables.get(variable.getName());
		}
		if (value instanceof StringValue string) {
			return string.getValue();
		}
		if (value instanceof IntValue integer) {
			return integer.getValue();
		}
		if (value instanceof FloatValue decimal) {
			return decimal.getValue();
		}
		if (value instanceof BooleanValue bool) {
			return bool.isValue();
		}
		if (value instanceof EnumValue enumValue) {
			return enumValue.getName();
		}
		if (value instanceof ArrayValue array) {
			return array.getValues().stream().map(this::value).toList();
		}
		if (value instanceof ObjectValue object) {
			Map<String, Object> fields = new LinkedHashMap<>();
			for (ObjectField objectField : object.getObjectFields()) {
				fields.put(objectField.getName(), value(objectField.getValue()));
			}
			return fields;
		}
		return null;
	}

}
