package fr.pactecarto.api;

import graphql.execution.ExecutionContext;
import graphql.language.OperationDefinition;
import graphql.schema.GraphQLObjectType;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The limits known before any data is fetched: depth, fields and cost of the operation as it will execute
 * (see {@link OperationMeter}), and no NUL character in any string argument. Checked once the document is
 * parsed and validated, with the request's variables; a refusal is one error and no data. The map's first view
 * nests 4 deep, selects about 70 fields and costs about 1,300 points with PACA imported (about 9,000 with France).
 * Called by the one instrumentation, {@link ExecutionBudget}, as the operation begins.
 */
@Component
@EnableConfigurationProperties(LimitProperties.class)
class QueryLimits {

	private final LimitProperties limits;

	private final TerritoryCounts territories;

	QueryLimits(LimitProperties limits, TerritoryCounts territories) {
		this.limits = limits;
		this.territories = territories;
	}

	/** Throws {@link LimitExceeded} (or an invalid argument) when the operation about to execute is beyond a limit. */
	void check(ExecutionContext context) {
		OperationDefinition operation = context.getOperationDefinition();
		GraphQLObjectType root = switch (operation.getOperation()) {
			case MUTATION -> context.getGraphQLSchema().getMutationType();
			case SUBSCRIPTION -> context.getGraphQLSchema().getSubscriptionType();
			default -> context.getGraphQLSchema().getQueryType();
		};
		if (root != null) {
			OperationMeter.measure(this.limits, context.getGraphQLSchema(), root, operation.getSelectionSet(),
					context.getFragmentsByName(), context.getCoercedVariables().toMap(), this.territories.perKind());
		}
	}

}
