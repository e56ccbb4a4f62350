package fr.pactecarto.api;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A logger that writes at most {@code burst} lines at once and {@code perSecond} lines a second on average, and
 * says how many it left out: an outage or an attack (thousands of failing requests a second) must not fill the
 * disk, yet the first lines and the count stay visible.
 */
public final class ThrottledLog {

	private final Logger logger;

	private final double perSecond;

	private final double burst;

	private double tokens;

	private long refilledAt = System.nanoTime();

	private long suppressed;

	public ThrottledLog(Class<?> owner, double perSecond, double burst) {
		this.logger = LoggerFactory.getLogger(owner);
		this.perSecond = perSecond;
		this.burst = burst;
		this.tokens = burst;
	}

	public void info(String message) {
		long left = permit();
		if (left >= 0) {
			this.logger.info(withSuppressed(message, left));
		}
	}

	public void warn(String message) {
		long left = permit();
		if (left >= 0) {
			this.logger.warn(withSuppressed(message, left));
		}
	}

	/** A real bug: the stack trace is written, within the same bounds. */
	public void error(String message, Throwable failure) {
		long left = permit();
		if (left >= 0) {
			this.logger.error(withSuppressed(message, left), failure);
		}
	}

	// -1: leave this line out; otherwise the number of lines left out since the last one written.
	private synchronized long permit() {
		long now = System.nanoTime();
		this.tokens = Math.min(this.burst, this.tokens + (now - this.refilledAt) / 1e9 * this.perSecond);
		this.refilledAt = now;
		if (this.tokens < 1) {
			this.suppressed++;
			return -1;
		}
		this.tokens -= 1;
		long left = this.suppressed;
		this.suppressed = 0;
		return left;
	}

	private static String withSuppressed(String message, long left) {
		return (left > 0) ? message + " (" + left + " similar lines left out)" : message;
	}

}
