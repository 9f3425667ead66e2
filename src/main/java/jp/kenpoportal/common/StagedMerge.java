package jp.kenpoportal.common;

import java.io.Reader;
import java.util.List;

/**
 * A module's way of taking in one kind of imported file, next to its own tables: COPY of the
 * checked rows into a staging table of the job, the checks across rows, the set-based merge in
 * the caller's transaction, and dropping what the job staged.
 */
public interface StagedMerge {

	/** COPYs the cleaned CSV (the import's own header-less columns) into staging; the rows loaded. */
	long load(long jobId, Reader cleanCsv);

	/** What the checks across rows refuse (a duplicate key, an unknown person); empty when none. */
	List<StagedRowProblem> problems(long jobId);

	/** Merges the staged rows; the counts of rows inserted, updated and unchanged (or as documented). */
	long[] apply(long jobId);

	/** Forgets what the job staged. */
	void discard(long jobId);
}
