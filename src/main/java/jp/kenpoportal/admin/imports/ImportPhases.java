package jp.kenpoportal.admin.imports;

import java.util.StringJoiner;

/**
 * How long each step of one import job took (lock, the check and the COPY that runs alongside
 * it, checks across rows, merge, commit), logged when the job ends: where an import's time goes is the first question when one is slow.
 */
final class ImportPhases {

	private final StringJoiner done = new StringJoiner(", ");

	private long since = System.nanoTime();

	/** Ends the step running since the last call under this name. */
	void end(String step) {
		end(step, null);
	}

	/** The same, with what happened inside the step (e.g. two threads' shares of it) in brackets. */
	void end(String step, String detail) {
		long now = System.nanoTime();
		done.add(step + " " + (now - since) / 1_000_000 + " ms" + (detail == null ? "" : " (" + detail + ")"));
		since = now;
	}

	@Override
	public String toString() {
		return done.toString();
	}
}
