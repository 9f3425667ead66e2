package jp.kenpoportal.admin.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The error report of a job (table import_error), written in batches outside the import's
 * transaction, so it stays when the file is refused. At most {@link #STORED} errors are kept
 * per file; all are counted.
 */
@Repository
class ImportErrors {

	/** Errors kept per file: enough for any real file, bounded for a hostile one. */
	static final int STORED = 100_000;

	private static final int BATCH = 500;

	private final JdbcTemplate jdbcTemplate;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	ImportErrors(JdbcTemplate jdbcTemplate, JdbcClient jdbc, TransactionTemplate transactions) {
		this.jdbcTemplate = jdbcTemplate;
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	/** A sink for one job's errors; close it to write the last batch. */
	Sink sink(long jobId) {
		return new Sink(jobId);
	}

	List<RowError> first(long jobId, int limit) {
		return jdbc.sql("select line, column_name, reason, reason_arg, value from import_error where job_id = ? order by seq limit ?")
			.params(jobId, limit)
			.query((rs, i) -> new RowError(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5)))
			.list();
	}

	/** Every stored error of the job, in order, one at a time (a cursor: never all in the heap). */
	void each(long jobId, Consumer<RowError> consumer) {
		transactions.executeWithoutResult(status -> {
			JdbcTemplate cursor = new JdbcTemplate(jdbcTemplate.getDataSource());
			cursor.setFetchSize(1000);
			cursor.query("select line, column_name, reason, reason_arg, value from import_error where job_id = ? order by seq",
					(RowCallbackHandler) rs -> consumer.accept(new RowError(rs.getLong(1), rs.getString(2),
							rs.getString(3), rs.getString(4), rs.getString(5))),
					jobId);
		});
	}

	final class Sink implements Consumer<RowError>, AutoCloseable {

		private final long jobId;

		private final List<Object[]> batch = new ArrayList<>(BATCH);

		private long count;

		private Sink(long jobId) {
			this.jobId = jobId;
		}

		@Override
		public void accept(RowError e) {
			count++;
			if (count > STORED) {
				return;
			}
			batch.add(new Object[] { jobId, (int) count, e.line(), e.column(), e.reason(), e.reasonArg(), e.value() });
			if (batch.size() >= BATCH) {
				flush();
			}
		}

		long count() {
			return count;
		}

		private void flush() {
			if (batch.isEmpty()) {
				return;
			}
			jdbcTemplate.batchUpdate("""
					insert into import_error (job_id, seq, line, column_name, reason, reason_arg, value)
					values (?, ?, ?, ?, ?, ?, ?)""", batch);
			batch.clear();
		}

		@Override
		public void close() {
			flush();
		}
	}
}
