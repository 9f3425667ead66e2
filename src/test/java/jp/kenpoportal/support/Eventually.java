package jp.kenpoportal.support;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waiting for a condition instead of sleeping for a guessed time: the condition is asked
 * again every few milliseconds until it holds or the time is up. For what happens on real
 * time outside the test's clock (mail delivery, a worker thread); expiry and other rules on
 * the portal's time move the {@link MutableClock} instead.
 */
public final class Eventually {

	private static final Duration POLL = Duration.ofMillis(20);

	private Eventually() {
	}

	/** Returns once the condition holds; fails with the message when it does not within the time. */
	public static void holds(Duration within, BooleanSupplier condition, Supplier<String> failure) {
		value(within, () -> condition.getAsBoolean() ? Optional.of(Boolean.TRUE) : Optional.empty(), failure);
	}

	/** The first value the look-up finds; fails with the message when it finds none within the time. */
	public static <T> T value(Duration within, Supplier<Optional<T>> lookUp, Supplier<String> failure) {
		Instant deadline = Instant.now().plus(within);
		while (true) {
			Optional<T> found = lookUp.get();
			if (found.isPresent()) {
				return found.get();
			}
			if (Instant.now().isAfter(deadline)) {
				throw new AssertionError(failure.get());
			}
			pause();
		}
	}

	/** Whether the condition comes to hold within the time. */
	public static boolean within(Duration within, BooleanSupplier condition) {
		Instant deadline = Instant.now().plus(within);
		while (!condition.getAsBoolean()) {
			if (Instant.now().isAfter(deadline)) {
				return false;
			}
			pause();
		}
		return true;
	}

	private static void pause() {
		LockSupport.parkNanos(POLL.toNanos());
		if (Thread.interrupted()) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while waiting");
		}
	}
}
