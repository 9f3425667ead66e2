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

	/** First registrations of new accounts begun, and those that reached the home page. */
	final AtomicLong onboardingsStarted = new AtomicLong();

	final AtomicLong onboardingsCompleted = new AtomicLong();

	/** Complete sign-ins (password and factor) of onboarded members, and those that did not reach home. */
	final AtomicLong signIns = new AtomicLong();

	final AtomicLong signInsFailed = new AtomicLong();

	/** Second-factor codes or passkeys the portal refused (the member's were right). */
	final AtomicLong secondFactorRefused = new AtomicLong();

	/** Signed-in pages that showed what they should, and downloads (CSV, PDF) received whole. */
	final AtomicLong signedInPages = new AtomicLong();

	final AtomicLong downloads = new AtomicLong();

	/** Answers below 500 that were not what a member expects (the first few are kept). */
	final AtomicLong unexpected = new AtomicLong();

	final java.util.List<String> unexpectedSamples = java.util.Collections.synchronizedList(new java.util.ArrayList<>());

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

	void unexpected(String what) {
		if (unexpected.incrementAndGet() <= 5) {
			unexpectedSamples.add(what);
		}
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
