package fr.pactecarto.api;

import graphql.ExecutionResult;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * Gives each GraphQL request its {@link RequestBudget} and enforces its time budget: at the deadline the work
 * is cancelled (the execution, the fetches in flight and their reactive SQL; PostgreSQL's
 * {@code statement_timeout} is the backstop for a statement already running) and the request answers
 * {@code TIME_BUDGET_EXCEEDED} at once, whatever the execution is still doing. A client that leaves cancels the
 * same way.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class BudgetInterceptor implements WebGraphQlInterceptor {

	private final LimitProperties limits;

	private final AnswerMemory memory;

	BudgetInterceptor(LimitProperties limits, AnswerMemory memory) {
		this.limits = limits;
		this.memory = memory;
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		RequestBudget budget = new RequestBudget(this.limits, this.memory);
		request.configureExecutionInput((input, builder) -> {
			input.getGraphQLContext().put(RequestBudget.KEY, budget);
			return input;
		});
		return chain.next(request)
			.timeout(this.limits.timeout(), Mono.fromSupplier(() -> {
				budget.cancel(ErrorCode.TIME_BUDGET_EXCEEDED);
				return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(),
						ExecutionResult.newExecutionResult().addError(budget.error()).build()));
			}))
			.doOnCancel(() -> budget.cancel(ErrorCode.TIME_BUDGET_EXCEEDED))
			.doFinally(signal -> budget.release());
	}

}
