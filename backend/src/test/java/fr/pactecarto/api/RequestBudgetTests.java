package fr.pactecarto.api;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import graphql.ExecutionInput;
import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/** The budget of one request, and the cost model, on their own. */
class RequestBudgetTests {

	static LimitProperties limits(long maxResponseBytes, long inFlightBytes) {
		return new LimitProperties(10, 20, 30, 500, 1000, 1_000_000, DataSize.ofBytes(maxResponseBytes),
				DataSize.ofBytes(inFlightBytes), Duration.ofSeconds(10));
	}

	@Test
	void anAnswerPastItsMaximumCancelsTheExecutionAndItsFetches() {
		LimitProperties limits = limits(1000, 1_000_000);
		AnswerMemory memory = new AnswerMemory(limits);
		RequestBudget budget = new RequestBudget(limits, memory);
		ExecutionInput input = ExecutionInput.newExecutionInput("{ __typename }").build();
		budget.attach(input);
		CompletableFuture<Object> fetch = new CompletableFuture<>();
		budget.track(fetch);
		budget.account(600);
		assertThat(budget.isSpent()).isFalse();
		budget.account(600);
		assertThat(budget.isSpent()).isTrue();
		assertThat(input.isCancelled()).isTrue();
		assertThat(fetch.isCancelled()).isTrue();
		assertThat(budget.error().getExtensions())
			.containsAllEntriesOf(Map.of("code", "RESPONSE_TOO_LARGE", "limit", "maxResponseBytes", "value", 1000L));
		budget.release();
		budget.release();
		assertThat(memory.held()).as("released once").isZero();
	}

	@Test
	void allAnswersTogetherAreBoundedToo() {
		LimitProperties limits = limits(1_000_000, 1500);
		AnswerMemory memory = new AnswerMemory(limits);
		RequestBudget first = new RequestBudget(limits, memory);
		RequestBudget second = new RequestBudget(limits, memory);
		first.account(1000);
		second.account(1000);
		assertThat(first.isSpent()).isFalse();
		assertThat(second.isSpent()).isTrue();
		assertThat(second.error().getExtensions()).containsEntry("code", "OVERLOADED").containsEntry("limit", "inFlightBytes");
		second.release();
		first.release();
		assertThat(memory.held()).isZero();
	}

	@Test
	void outlinesCostMoreAsTheyGetFinerAndListsBySize() {
		assertThat(CostModel.outline(4)).isLessThan(CostModel.outline(8));
		assertThat(CostModel.outline(8)).isLessThan(CostModel.outline(12));
		assertThat(CostModel.outline(12)).isLessThan(CostModel.outline(null));
		assertThat(CostModel.weight("Territory", "name", Map.of())).isEqualTo(1);
		Map<String, Long> france = CostModel.TERRITORIES_PER_KIND;
		assertThat(CostModel.listSize("Query", "territories", Map.of(), Map.of(), france)).isEqualTo(18 + 101 + 1260 + 35_000);
		assertThat(CostModel.listSize("Query", "territories", Map.of("filter", Map.of("kinds", List.of("DEPARTMENT"))), Map.of(), france))
			.isEqualTo(101);
		assertThat(CostModel.listSize("Query", "territories", Map.of("filter", Map.of("kinds", List.of("COMMUNE"))), Map.of(),
				Map.of("COMMUNE", 946L))).as("by what is imported").isEqualTo(946);
		assertThat(CostModel.listSize("Query", "territories",
				Map.of("filter", Map.of("kinds", List.of("COMMUNE"), "codes", List.of("13055", "13001"))), Map.of(), france)).isEqualTo(2);
		assertThat(CostModel.listSize("ActionConnection", "edges", Map.of(), Map.of("first", 7), france)).isEqualTo(7);
	}

}
