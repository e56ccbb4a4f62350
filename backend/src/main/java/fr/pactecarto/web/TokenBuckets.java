package fr.pactecarto.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One token bucket per client key: {@code burst} requests at once, refilled at {@code perSecond}. Memory is
 * bounded: past {@code maxClients} keys, the buckets that have refilled (idle clients) are forgotten, and if that
 * is not enough, all of them (a flood of distinct addresses then meets full buckets, never an error of ours).
 */
final class TokenBuckets {

	private final double perSecond;

	private final double burst;

	private final int maxClients;

	private final LongSupplier nanoClock;

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	TokenBuckets(double perSecond, double burst, int maxClients, LongSupplier nanoClock) {
		this.perSecond = perSecond;
		this.burst = burst;
		this.maxClients = maxClients;
		this.nanoClock = nanoClock;
	}

	/** 0 when the request may go; otherwise the seconds (rounded up) before this client may send the next one. */
	long take(String key) {
		long now = this.nanoClock.getAsLong();
		if (this.buckets.size() >= this.maxClients && !this.buckets.containsKey(key)) {
			forgetIdle(now);
		}
		return this.buckets.computeIfAbsent(key, k -> new Bucket(this.burst, now)).take(now, this.perSecond, this.burst);
	}

	int size() {
		return this.buckets.size();
	}

	private void forgetIdle(long now) {
		this.buckets.values().removeIf(bucket -> bucket.fullAt(now, this.perSecond, this.burst));
		if (this.buckets.size() >= this.maxClients) {
			this.buckets.clear();
		}
	}

	private static final class Bucket {

		private double tokens;

		private long updatedAt;

		Bucket(double tokens, long now) {
			this.tokens = tokens;
			this.updatedAt = now;
		}

		synchronized long take(long now, double perSecond, double burst) {
			refill(now, perSecond, burst);
			if (this.tokens >= 1) {
				this.tokens -= 1;
				return 0;
			}
			return Math.max(1, (long) Math.ceil((1 - this.tokens) / perSecond));
		}

		synchronized boolean fullAt(long now, double perSecond, double burst) {
			refill(now, perSecond, burst);
			return this.tokens >= burst;
		}

		private void refill(long now, double perSecond, double burst) {
			this.tokens = Math.min(burst, this.tokens + (now - this.updatedAt) / 1e9 * perSecond);
			this.updatedAt = now;
		}

	}

}
