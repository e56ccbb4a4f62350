package fr.pactecarto.api;

import java.util.Map;

import graphql.ExecutionResult;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.Field;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Limits against abusive queries: nesting depth and complexity (one point per field). The map's first view
 * (coverage, territories with their outline, actions with their themes) nests about 5 deep and costs well
 * under 100. Introspection-only operations (GraphiQL's schema query nests ~13 deep) are left to graphql-java's
 * own introspection checks.
 */
@Configuration(proxyBeanMethods = false)
class QueryLimits {

	static final int MAX_DEPTH = 10;

	static final int MAX_COMPLEXITY = 300;

	@Bean
	Instrumentation depthAndComplexityLimits() {
		MaxQueryDepthInstrumentation depth = new MaxQueryDepthInstrumentation(MAX_DEPTH) {

			@Override
			protected AbortExecutionException mkAbortException(int depth, int maxDepth) {
				return new LimitExceeded(ErrorCode.MAX_DEPTH_EXCEEDED,
						"The query nests " + depth + " levels deep; the maximum is " + maxDepth);
			}

		};
		MaxQueryComplexityInstrumentation complexity = new MaxQueryComplexityInstrumentation(MAX_COMPLEXITY) {

			@Override
			protected AbortExecutionException mkAbortException(int complexity, int maxComplexity) {
				return new LimitExceeded(ErrorCode.MAX_COMPLEXITY_EXCEEDED,
						"The query asks for " + complexity + " fields; the maximum is " + maxComplexity);
			}

		};
		return new ChainedInstrumentation(depth, complexity) {

			@Override
			public InstrumentationContext<ExecutionResult> beginExecuteOperation(
					InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
				return introspectionOnly(parameters) ? SimpleInstrumentationContext.noOp()
						: super.beginExecuteOperation(parameters, state);
			}

		};
	}

	private static boolean introspectionOnly(InstrumentationExecuteOperationParameters parameters) {
		return parameters.getExecutionContext().getOperationDefinition().getSelectionSet().getSelections().stream()
			.allMatch(selection -> selection instanceof Field field && field.getName().startsWith("__"));
	}

	/** The GraphQL error of an aborted query, with the stable code in {@code extensions.code}. */
	static final class LimitExceeded extends AbortExecutionException {

		private final ErrorCode code;

		LimitExceeded(ErrorCode code, String message) {
			super(message);
			this.code = code;
		}

		@Override
		public Map<String, Object> getExtensions() {
			return Map.of("code", this.code.name());
		}

	}

}
