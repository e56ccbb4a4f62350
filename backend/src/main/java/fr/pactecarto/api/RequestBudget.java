package fr.pactecarto.api;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import graphql.ExecutionInput;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.instrumentation.InstrumentationState;

/**
 * What one GraphQL request may still spend: bytes of answer (its own maximum and its share of
 * {@link AnswerMemory}) and time. When it is spent, {@link #cancel} stops the execution (graphql-java's
 * cooperative cancel) and cancels the fetches in flight, which cancels their reactive SQL; the request then
 * answers one error saying which budget ran out.
 */
final class RequestBudget implements InstrumentationState {

	/** Key of the budget in the request's {@code GraphQLContext}. */
	static final String KEY = RequestBudget.class.getName();

	private final LimitProperties limits;

	private final AnswerMemory memory;

	private final AtomicLong bytes = new AtomicLong();

	private final AtomicReference<ErrorCode> spent = new AtomicReference<>();

	private final AtomicBoolean released = new AtomicBoolean();

	private final Set<CompletableFuture<?>> inFlight = ConcurrentHashMap.newKeySet();

	private volatile ExecutionInput execution;

	RequestBudget(LimitProperties limits, AnswerMemory memory) {
		this.limits = limits;
		this.memory = memory;
	}

	void attach(ExecutionInput input) {
		this.execution = input;
		if (this.spent.get() != null) {
			input.cancel();
		}
	}

	/** Counts {@code count} more bytes of answer; cancels the request when that is beyond a bound. */
	void account(long count) {
		long total = this.bytes.addAndGet(count);
		boolean withinMemory = this.memory.take(count);
		if (total > this.limits.maxResponseBytes().toBytes()) {
			cancel(ErrorCode.RESPONSE_TOO_LARGE);
		}
		else if (!withinMemory) {
			cancel(ErrorCode.OVERLOADED);
		}
	}

	/** A fetch in flight: cancelled with the request. */
	void track(CompletableFuture<?> fetch) {
		if (this.spent.get() != null) {
			fetch.cancel(true);
			return;
		}
		this.inFlight.add(fetch);
		fetch.whenComplete((value, error) -> this.inFlight.remove(fetch));
	}

	void cancel(ErrorCode reason) {
		if (!this.spent.compareAndSet(null, reason)) {
			return;
		}
		ExecutionInput input = this.execution;
		if (input != null) {
			input.cancel();
		}
		for (CompletableFuture<?> fetch : this.inFlight) {
			fetch.cancel(true);
		}
		this.inFlight.clear();
	}

	boolean isSpent() {
		return this.spent.get() != null;
	}

	long bytes() {
		return this.bytes.get();
	}

	/** Gives the bytes back to {@link AnswerMemory}, once, when the request is over. */
	void release() {
		if (this.released.compareAndSet(false, true)) {
			this.memory.release(this.bytes.get());
		}
	}

	/** The error that replaces the answer of a request whose budget ran out. */
	GraphQLError error() {
		ErrorCode reason = this.spent.get();
		GraphqlErrorBuilder<?> error = GraphqlErrorBuilder.newError().errorType(reason);
		return switch (reason) {
			case RESPONSE_TOO_LARGE -> error
				.message("The answer would be larger than " + this.limits.maxResponseBytes().toBytes()
						+ " bytes: narrow the query (fewer territories, outlines with a zoom) or split it")
				.extensions(LimitExceeded.extensions(reason, "maxResponseBytes", this.limits.maxResponseBytes().toBytes()))
				.build();
			case TIME_BUDGET_EXCEEDED -> error
				.message("The request took longer than its " + this.limits.timeout().toMillis()
						+ " ms budget and was cancelled: narrow the query or retry later")
				.extensions(LimitExceeded.extensions(reason, "timeout", this.limits.timeout().toMillis()))
				.build();
			default -> error
				.message("The server holds too many large answers at once: retry in a few seconds")
				.extensions(LimitExceeded.extensions(ErrorCode.OVERLOADED, "inFlightBytes", this.memory.limit()))
				.build();
		};
	}

}
