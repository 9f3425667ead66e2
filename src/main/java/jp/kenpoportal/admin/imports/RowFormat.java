package jp.kenpoportal.admin.imports;

import java.util.List;

/**
 * One kind of file: its Japanese headers and how a row becomes a row of the staging table. The
 * first two staging columns (job, kenpo) and the line number are written by the caller.
 */
interface RowFormat {

	List<String> headers();

	/** Checks the row's cells; writes the staging row unless a cell is bad. */
	void convert(Fields fields, CleanCsv out);
}
