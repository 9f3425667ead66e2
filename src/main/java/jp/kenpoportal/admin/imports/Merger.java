package jp.kenpoportal.admin.imports;

import java.io.Reader;
import java.time.LocalDate;
import java.util.List;

import jp.kenpoportal.admin.imports.ImportJobs.Counts;
import jp.kenpoportal.common.StagedRowProblem;
import jp.kenpoportal.tenant.Kenpo;

/**
 * One kind of file's way into its module's tables: the row format, then COPY into staging, the
 * checks across rows and the set-based merge, which the owning module does next to its tables.
 */
interface Merger {

	ImportKind kind();

	RowFormat format(Kenpo kenpo);

	void load(long jobId, Reader clean);

	List<StagedRowProblem> problems(long jobId);

	/** What applying would do, without doing it (kinds that are {@link ImportKind#previewed()}). */
	default Counts preview(long kenpoId, long jobId, LocalDate fileDate) {
		throw new UnsupportedOperationException(kind() + " has no preview");
	}

	Counts apply(long kenpoId, long jobId, LocalDate fileDate);

	void discard(long jobId);
}
