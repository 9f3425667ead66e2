package jp.kenpoportal.admin.letters;

import java.time.Instant;
import java.util.List;

import jp.kenpoportal.account.RecipientFilter;

/**
 * A request for letters and the state of its background job (the PDF itself is read only to be
 * downloaded).
 *
 * @param total households the job found to write to (0 until it starts)
 * @param done households rendered so far
 * @param expiresAt when an undownloaded PDF is deleted (READY only)
 * @param voided letters of this batch made void by a newer batch's download (to the same members)
 * @param voidedBy the newest batch that voided some of them, or null
 */
record LetterBatch(long id, long kenpoId, long requestedBy, String requestedByName, Scope scope,
		List<String> employerCodes, String symbol, String number, String reason, State state, int total, int done,
		Instant createdAt, Instant finishedAt, Instant expiresAt, Instant downloadedAt, String downloadedByName,
		Long pdfSize, String error, int voided, Long voidedBy) {

	enum Scope {
		ALL, EMPLOYERS, HOUSEHOLD
	}

	enum State {
		QUEUED, RUNNING, READY, DOWNLOADED, EXPIRED, FAILED;

		public boolean working() {
			return this == QUEUED || this == RUNNING;
		}
	}

	RecipientFilter filter() {
		return switch (scope) {
			case ALL -> RecipientFilter.all();
			case EMPLOYERS -> RecipientFilter.employers(employerCodes);
			case HOUSEHOLD -> RecipientFilter.household(symbol, number);
		};
	}

	public int percent() {
		return total == 0 ? (state.working() ? 0 : 100) : (int) (100L * done / total);
	}

	/** How the audit trail names whom the batch is for. */
	String target() {
		return switch (scope) {
			case ALL -> "ALL";
			case EMPLOYERS -> "EMPLOYERS " + String.join(",", employerCodes);
			case HOUSEHOLD -> "HOUSEHOLD " + symbol + "-" + number;
		};
	}
}
