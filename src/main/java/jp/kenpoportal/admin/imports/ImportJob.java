package jp.kenpoportal.admin.imports;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/** One uploaded file and what became of it (table import_job). */
public record ImportJob(long id, long kenpoId, ImportKind kind, ImportState state, String fileName, String sha256,
		long sizeBytes, String encoding, LocalDate targetMonth, LocalDate fileCreatedOn, Long staffId, Long apiClientId,
		long bytesRead, long rowsRead, long errorCount, long inserted, long updated, long unchanged, long lost,
		long rekeyed, String failure, String failureArg, Instant createdAt, Instant startedAt, Instant finishedAt) {

	/** Share of the file read, 0–100. */
	public int percent() {
		if (state == ImportState.APPLIED || state == ImportState.UNCHANGED || state == ImportState.PREVIEW) {
			return 100;
		}
		return sizeBytes == 0 ? 0 : (int) Math.min(100, bytesRead * 100 / sizeBytes);
	}

	/** Rows read per second so far (or over the whole run once finished). */
	public long rowsPerSecond(Instant now) {
		if (startedAt == null) {
			return 0;
		}
		Instant end = finishedAt != null ? finishedAt : now;
		long millis = Math.max(1, Duration.between(startedAt, end).toMillis());
		return rowsRead * 1000 / millis;
	}

	public boolean running() {
		return state.running();
	}
}
