package jp.kenpoportal.admin.imports;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The import_job table; every read names the kenpo. */
@Repository
class ImportJobs {

	private final JdbcClient jdbc;

	ImportJobs(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long create(long kenpoId, ImportKind kind, String fileName, SpooledFile file, LocalDate month, LocalDate created,
			Long staffId, Long apiClientId, Instant now) {
		return jdbc.sql("""
				insert into import_job (kenpo_id, kind, state, file_name, sha256, size_bytes, target_month, file_created_on,
				  staff_id, api_client_id, created_at)
				values (?, ?, 'RECEIVED', ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(kenpoId, kind.name(), fileName, file.sha256(), file.size(), Date.valueOf(month.withDayOfMonth(1)),
					Date.valueOf(created), new SqlParameterValue(Types.BIGINT, staffId),
					new SqlParameterValue(Types.BIGINT, apiClientId), Timestamp.from(now))
			.query(Long.class)
			.single();
	}

	Optional<ImportJob> find(long kenpoId, long id) {
		return jdbc.sql("select * from import_job where kenpo_id = ? and id = ?")
			.params(kenpoId, id)
			.query(ImportJobs::map)
			.optional();
	}

	List<ImportJob> recent(long kenpoId, int limit) {
		return jdbc.sql("select * from import_job where kenpo_id = ? order by id desc limit ?")
			.params(kenpoId, limit)
			.query(ImportJobs::map)
			.list();
	}

	/** The applied job with this file's content, if the same file was applied before. */
	Optional<Long> appliedWithSameContent(long kenpoId, ImportKind kind, String sha256) {
		return jdbc.sql("""
				select id from import_job where kenpo_id = ? and kind = ? and sha256 = ? and state = 'APPLIED'
				order by id desc limit 1""")
			.params(kenpoId, kind.name(), sha256)
			.query(Long.class)
			.optional();
	}

	/** The newest creation date of a file applied for the same month, when it is newer than this one. */
	Optional<LocalDate> newerApplied(long kenpoId, ImportKind kind, LocalDate month, LocalDate created) {
		return jdbc.sql("""
				select max(file_created_on) from import_job where kenpo_id = ? and kind = ? and target_month = ?
				  and state = 'APPLIED' having max(file_created_on) > ?""")
			.params(kenpoId, kind.name(), Date.valueOf(month.withDayOfMonth(1)), Date.valueOf(created))
			.query(Date.class)
			.optional()
			.map(Date::toLocalDate);
	}

	void start(long id, Instant now) {
		jdbc.sql("update import_job set state = 'VALIDATING', started_at = ? where id = ?")
			.params(Timestamp.from(now), id)
			.update();
	}

	void progress(long id, long bytesRead, long rowsRead) {
		jdbc.sql("update import_job set bytes_read = ?, rows_read = ? where id = ?").params(bytesRead, rowsRead, id).update();
	}

	void encoding(long id, String encoding) {
		jdbc.sql("update import_job set encoding = ? where id = ?").params(encoding, id).update();
	}

	void state(long id, ImportState state) {
		jdbc.sql("update import_job set state = ? where id = ?").params(state.name(), id).update();
	}

	/** Moves the job from one state to another; false when another request moved it first. */
	boolean transition(long kenpoId, long id, ImportState from, ImportState to) {
		return jdbc.sql("update import_job set state = ? where kenpo_id = ? and id = ? and state = ?")
			.params(to.name(), kenpoId, id, from.name())
			.update() == 1;
	}

	void finish(long id, ImportState state, Counts counts, String failure, String failureArg, long errors,
			Instant now) {
		jdbc.sql("""
				update import_job set state = ?, inserted = ?, updated = ?, unchanged = ?, lost = ?, rekeyed = ?,
				  failure = ?, failure_arg = ?, error_count = ?, finished_at = ? where id = ?""")
			.params(state.name(), counts.inserted(), counts.updated(), counts.unchanged(), counts.lost(), counts.rekeyed(),
					new SqlParameterValue(Types.VARCHAR, failure), new SqlParameterValue(Types.VARCHAR, failureArg), errors,
					Timestamp.from(now), id)
			.update();
	}

	/** The jobs this node holds (queued or running) are alive at {@code now}. */
	void heartbeat(java.util.Collection<Long> ids, Instant now) {
		jdbc.sql("update import_job set heartbeat_at = ? where id = any(?::bigint[])")
			.params(Timestamp.from(now), ids.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",", "{", "}")))
			.update();
	}

	/**
	 * Fails the unfinished jobs no node has held since {@code silentSince} (their node died with
	 * their spooled file); the IDs and kenpo of those failed, for the audit trail.
	 */
	List<long[]> failAbandoned(Instant silentSince, Instant now) {
		return jdbc.sql("""
				update import_job set state = 'FAILED', failure = 'imports.error.nodeLost', finished_at = ?
				where state in ('RECEIVED', 'VALIDATING', 'APPLYING') and coalesce(heartbeat_at, created_at) < ?
				returning id, kenpo_id""")
			.params(Timestamp.from(now), Timestamp.from(silentSince))
			.query((rs, n) -> new long[] { rs.getLong("id"), rs.getLong("kenpo_id") })
			.list();
	}

	/** Counts of what a file did. */
	record Counts(long inserted, long updated, long unchanged, long lost, long rekeyed) {

		static final Counts NONE = new Counts(0, 0, 0, 0, 0);
	}

	private static ImportJob map(ResultSet rs, int row) throws SQLException {
		return new ImportJob(rs.getLong("id"), rs.getLong("kenpo_id"), ImportKind.valueOf(rs.getString("kind")),
				ImportState.valueOf(rs.getString("state")), rs.getString("file_name"), rs.getString("sha256"),
				rs.getLong("size_bytes"), rs.getString("encoding"), rs.getDate("target_month").toLocalDate(),
				rs.getDate("file_created_on").toLocalDate(), (Long) rs.getObject("staff_id", Long.class),
				(Long) rs.getObject("api_client_id", Long.class), rs.getLong("bytes_read"), rs.getLong("rows_read"),
				rs.getLong("error_count"), rs.getLong("inserted"), rs.getLong("updated"), rs.getLong("unchanged"),
				rs.getLong("lost"), rs.getLong("rekeyed"), rs.getString("failure"), rs.getString("failure_arg"),
				instant(rs, "created_at"), instant(rs, "started_at"), instant(rs, "finished_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}
}
