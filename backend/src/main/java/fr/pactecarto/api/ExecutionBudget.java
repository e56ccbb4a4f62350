package fr.pactecarto.api;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import graphql.ExecutionResult;
import graphql.GraphQLContext;
import graphql.execution.DataFetcherResult;
import graphql.execution.FetchedValue;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldCompleteParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * Holds each execution to its {@link RequestBudget}: every value fetched is counted, about as many bytes as it
 * will take in the JSON answer (an outline by its length), as soon as it is fetched (when graphql-java starts to
 * complete it), so that no answer is built
 * beyond {@code maxResponseBytes}; fetches in flight are tracked so that a cancel reaches them. A request whose
 * budget ran out answers the budget's error alone, with no partial data.
 */
@Component
class ExecutionBudget implements Instrumentation {

	private final QueryLimits limits;

	ExecutionBudget(QueryLimits limits) {
		this.limits = limits;
	}

	/**
	 * This is the service's one instrumentation: handed to graphql-java as it is. Spring for GraphQL wraps the
	 * instrumentations it finds in a {@link ChainedInstrumentation}, even a single one, whose callbacks, several per
	 * field, each build a list of their contexts: 4.9 % of the service's CPU samples under a load of departments'
	 * boxes of 300 to 1,400 communes, this instrumentation's own work included. Should another instrumentation
	 * appear, Spring's chain is left as it is.
	 */
	@Bean
	static GraphQlSourceBuilderCustomizer oneInstrumentation(ObjectProvider<Instrumentation> instrumentations) {
		return builder -> {
			List<Instrumentation> all = instrumentations.orderedStream().toList();
			if (all.size() == 1) {
				builder.configureGraphQl(graphQl -> graphQl.instrumentation(all.get(0)));
			}
		};
	}

	/** The limits known before any data is fetched ({@link QueryLimits}), checked as the operation begins. */
	@Override
	public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
			InstrumentationState state) {
		this.limits.check(parameters.getExecutionContext());
		return SimpleInstrumentationContext.noOp();
	}

	/** The request's budget is this instrumentation's state: handed to every callback, no look-up per field. */
	@Override
	public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
		GraphQLContext context = parameters.getExecutionInput().getGraphQLContext();
		return (context != null) ? context.get(RequestBudget.KEY) : null;
	}

	@Override
	public InstrumentationContext<ExecutionResult> beginExecution(InstrumentationExecutionParameters parameters,
			InstrumentationState state) {
		if (state instanceof RequestBudget budget) {
			budget.attach(parameters.getExecutionInput());
		}
		return SimpleInstrumentationContext.noOp();
	}

	/**
	 * Fetches stop once the budget is spent, and those in flight are tracked so that a cancel reaches them. A
	 * trivial fetcher (a record's property; {@code Territory.geometry}, which hands out an outline already read or its
	 * key to a DataLoader) is left as it is: graphql-java then reads a property without building a
	 * {@code DataFetchingEnvironment} (a department's communes: 2,900 of their 4,300 fields; 2 % fewer bytes
	 * allocated by the answer).
	 */
	@Override
	public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
			InstrumentationState state) {
		if (!(state instanceof RequestBudget budget) || parameters.isTrivialDataFetcher()) {
			return fetcher;
		}
		return env -> {
			if (budget.isSpent()) {
				return null;
			}
			Object value = fetcher.get(env);
			if (value instanceof CompletionStage<?> stage) {
				budget.track(stage.toCompletableFuture());
			}
			return value;
		};
	}

	/** Every value is counted as it is fetched, before it is completed into the answer: its key and its bytes. */
	@Override
	public InstrumentationContext<Object> beginFieldCompletion(InstrumentationFieldCompleteParameters parameters,
			InstrumentationState state) {
		if (state instanceof RequestBudget budget) {
			String key = parameters.getExecutionStrategyParameters().getField().getResultKey();
			budget.account(key.length() + 4 + bytes(FetchedValue.getFetchedValue(parameters.getFetchedObject())));
		}
		return null;
	}

	@Override
	public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
			InstrumentationExecutionParameters parameters, InstrumentationState state) {
		if (!(state instanceof RequestBudget budget) || !budget.isSpent()) {
			return CompletableFuture.completedFuture(result);
		}
		return CompletableFuture.completedFuture(ExecutionResult.newExecutionResult().addError(budget.error()).build());
	}

	/** About the bytes {@code value} adds to the JSON answer, what is fetched under it aside. */
	static long bytes(Object value) {
		if (value instanceof DataFetcherResult<?> result) {
			return bytes(result.getData());
		}
		if (value instanceof GeoJson geoJson) {
			return geoJson.length();
		}
		if (value instanceof CharSequence text) {
			return text.length() + 2;
		}
		if (value instanceof Collection<?> items) {
			long total = 2;
			for (Object item : items) {
				total += 1 + ((item instanceof CharSequence || item instanceof Number) ? bytes(item) : 2);
			}
			return total;
		}
		if (value instanceof Map<?, ?> map) {
			return 2 + 8L * map.size();
		}
		return 8;
	}

}
