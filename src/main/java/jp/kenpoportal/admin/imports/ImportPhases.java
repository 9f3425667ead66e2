package jp.kenpoportal.admin.imports;

import java.util.StringJoiner;

/**
 * How long each step of one import job took (check, COPY, checks across rows, merge, commit),
 * logged when the job ends: where an import's time goes is the first question when one is slow.
 */
final class ImportPhases {

	private final StringJoiner done = new StringJoiner(", ");

	private long since = System.nanoTime();

	/** Ends the step running since the last call under this name. */
	void end(String step) {
		long now = System.nanoTime();
		done.add(step + " " + (now - since) / 1_000_000 + " ms");
		since = now;
	}

	@Override
	public String toString() {
		return done.toString();
	}
}
