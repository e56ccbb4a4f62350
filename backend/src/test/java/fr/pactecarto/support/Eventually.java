package fr.pactecarto.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Waiting, in tests, for what another connection or instance makes true (a data version heard, a change seen). */
public final class Eventually {

	private Eventually() {
	}

	/** Returns once {@code condition} holds; fails after 15 s. */
	public static void waitFor(BooleanSupplier condition) {
		long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("waited 15 s").isLessThan(deadline);
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

}
