package jp.kenpoportal.faults;

import java.util.concurrent.atomic.AtomicLong;

/** What the members met during one fault (or the warm-up): one row of the table. */
final class PhaseStats {

	final String name;

	final AtomicLong requests = new AtomicLong();

	/** Requests whose first try failed (an error status, a broken connection, a timeout). */
	final AtomicLong failures = new AtomicLong();

	/** ... and whose retry failed too. */
	final AtomicLong failedAfterRetry = new AtomicLong();

	/** A signed-in member sent to the sign-in page. */
	final AtomicLong sessionsLost = new AtomicLong();

	/** First registrations that had to sign in again to go on after a failure. */
	final AtomicLong journeysResumed = new AtomicLong();

	/** Answers with the portal's (or HAProxy's) Japanese 503 page. */
	final AtomicLong friendly503 = new AtomicLong();

	final AtomicLong maxMillis = new AtomicLong();

	/** When the last failure happened (System.nanoTime), 0 when none. */
	final AtomicLong lastFailureNanos = new AtomicLong();

	volatile long faultNanos;

	volatile String recovery = "-";

	volatile String mailsLost = "-";

	volatile String notes = "";

	PhaseStats(String name) {
		this.name = name;
	}

	void took(long millis) {
		maxMillis.accumulateAndGet(millis, Math::max);
	}

	void failed() {
		failures.incrementAndGet();
		lastFailureNanos.set(System.nanoTime());
	}

	/** Seconds from the fault to the last failure (0 when nothing failed). */
	String secondsToLastFailure() {
		long last = lastFailureNanos.get();
		return last == 0 || last < faultNanos ? "0 s" : "%.1f s".formatted((last - faultNanos) / 1e9);
	}
}
