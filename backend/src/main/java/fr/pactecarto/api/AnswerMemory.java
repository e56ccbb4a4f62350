package fr.pactecarto.api;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

/**
 * Bytes of answers that all requests in progress hold together, bounded by {@code pacte.limits.in-flight-bytes}:
 * with every request bounded on its own, this bounds them all, so that many large answers at once cannot fill
 * the heap; the request that would pass the bound is refused ({@code OVERLOADED}) instead.
 */
@Component
class AnswerMemory {

	private final AtomicLong held = new AtomicLong();

	private final long limit;

	AnswerMemory(LimitProperties limits) {
		this.limit = limits.inFlightBytes().toBytes();
	}

	/** Takes {@code bytes}; false when that passes the bound (the bytes are taken anyway, and released with the rest). */
	boolean take(long bytes) {
		return this.held.addAndGet(bytes) <= this.limit;
	}

	void release(long bytes) {
		this.held.addAndGet(-bytes);
	}

	long held() {
		return this.held.get();
	}

	long limit() {
		return this.limit;
	}

}
