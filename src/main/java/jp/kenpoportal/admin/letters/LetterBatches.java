package jp.kenpoportal.admin.letters;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The letter_batch table: requests, the job's claim and progress, and the PDF's one download.
 * Every read a page makes is scoped by the kenpo; the job's reads name the batch it holds.
 */
@Repository
class LetterBatches {

	private static final String SELECT = """
			select b.id, b.kenpo_id, b.requested_by, r.name as requested_by_name, b.scope, b.employer_codes, b.symbol,
			  b.number, b.reason, b.state, b.total, b.done, b.created_at, b.finished_at, b.expires_at, b.downloaded_at,
			  d.name as downloaded_by_name, b.pdf_size, b.error,
			  (select count(*) from letter_batch_member v where v.batch_id = b.id and v.voided_by is not null) as voided,
			  (select max(v.voided_by) from letter_batch_member v where v.batch_id = b.id and v.voided_by is not null)
			    as voided_by
			from letter_batch b join staff_account r on r.id = b.requested_by
			left join staff_account d on d.id = b.downloaded_by
			""";

	private final JdbcClient jdbc;

	LetterBatches(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long create(long kenpoId, long staffId, LetterBatch.Scope scope, List<String> employerCodes, String symbol,
			String number, String reason, Instant now) {
		return jdbc.sql("""
				insert into letter_batch (kenpo_id, requested_by, scope, employer_codes, symbol, number, reason, state,
				  created_at) values (?, ?, ?, ?, ?, ?, ?, 'QUEUED', ?) returning id""")
			.params(kenpoId, staffId, scope.name(), employerCodes.toArray(String[]::new), symbol, number, reason,
					Timestamp.from(now))
			.query(Long.class)
			.single();
	}

	Optional<LetterBatch> find(long kenpoId, long id) {
		return jdbc.sql(SELECT + " where b.kenpo_id = ? and b.id = ?").params(kenpoId, id).query(this::map).optional();
	}

	List<LetterBatch> recent(long kenpoId, int limit) {
		return jdbc.sql(SELECT + " where b.kenpo_id = ? order by b.id desc limit ?")
			.params(kenpoId, limit)
			.query(this::map)
			.list();
	}

	/** Whether a batch of the kenpo is waiting or being made (one at a time per kenpo). */
	boolean working(long kenpoId) {
		return jdbc.sql("select exists(select 1 from letter_batch where kenpo_id = ? and state in ('QUEUED', 'RUNNING'))")
			.param(kenpoId)
			.query(Boolean.class)
			.single();
	}

	/**
	 * Claims the oldest waiting batch, or one whose node died (its lease ran out), until the lease
	 * ends; database time, like the mail outbox, so a test's moved clock holds nothing back.
	 */
	Optional<LetterBatch> claim(Duration lease) {
		return jdbc.sql("""
				update letter_batch set state = 'RUNNING', done = 0, lease_until = now() + ? * interval '1 millisecond'
				where id = (select id from letter_batch
				            where state = 'QUEUED' or (state = 'RUNNING' and lease_until < now())
				            order by id limit 1 for update skip locked)
				returning id""")
			.params(lease.toMillis())
			.query(Long.class)
			.optional()
			.flatMap(id -> jdbc.sql(SELECT + " where b.id = ?").param(id).query(this::map).optional());
	}

	/**
	 * Progress (parts finish in any order: it never goes back), and the lease renewed with it;
	 * false when the batch is no longer this node's to finish.
	 */
	boolean progress(long id, int done, int total, Duration lease) {
		return jdbc.sql("""
				update letter_batch set done = greatest(done, ?), total = ?, lease_until = now() + ? * interval '1 millisecond'
				where id = ? and state = 'RUNNING'""")
			.params(done, total, lease.toMillis(), id)
			.update() == 1;
	}

	boolean ready(long id, int issued, byte[] pdf, Instant now, Instant expiresAt) {
		return jdbc.sql("""
				update letter_batch set state = 'READY', done = ?, total = ?, pdf = ?, pdf_size = ?, finished_at = ?,
				  expires_at = ?, lease_until = null
				where id = ? and state = 'RUNNING'""")
			.params(issued, issued, pdf, (long) pdf.length, Timestamp.from(now), Timestamp.from(expiresAt), id)
			.update() == 1;
	}

	void fail(long id, String error, Instant now) {
		jdbc.sql("""
				update letter_batch set state = 'FAILED', error = ?, finished_at = ?, lease_until = null, pdf = null
				where id = ? and state in ('QUEUED', 'RUNNING')""")
			.params(error.length() > 500 ? error.substring(0, 500) : error, Timestamp.from(now), id)
			.update();
	}

	/** The PDF of a READY batch of the kenpo, row locked until the caller's transaction ends. */
	Optional<byte[]> lockPdf(long kenpoId, long id, Instant now) {
		return jdbc.sql("""
				select pdf from letter_batch where kenpo_id = ? and id = ? and state = 'READY' and expires_at > ?
				for update""")
			.params(kenpoId, id, Timestamp.from(now))
			.query((rs, n) -> rs.getBytes(1))
			.optional();
	}

	/** The one download happened: the PDF is deleted. */
	void downloaded(long kenpoId, long id, long staffId, Instant now) {
		jdbc.sql("""
				update letter_batch set state = 'DOWNLOADED', pdf = null, downloaded_at = ?, downloaded_by = ?
				where kenpo_id = ? and id = ? and state = 'READY'""")
			.params(Timestamp.from(now), staffId, kenpoId, id)
			.update();
	}

	/** Whom the batch's letters go to: written with its PDF, in the same transaction. */
	void recordMembers(long kenpoId, long id, List<Long> memberIds) {
		jdbc.sql("""
				insert into letter_batch_member (kenpo_id, batch_id, member_id)
				select ?, ?, unnest(?::bigint[]) on conflict do nothing""")
			.params(kenpoId, id, memberIds.toArray(Long[]::new))
			.update();
	}

	/**
	 * The batch was downloaded: the letters of older batches to the same members are void from
	 * now on (their credentials were replaced or will never be issued). Returns how many per
	 * older batch.
	 */
	Map<Long, Integer> voidOlder(long kenpoId, long id) {
		Map<Long, Integer> voided = new TreeMap<>();
		jdbc.sql("""
				update letter_batch_member o set voided_by = n.batch_id from letter_batch_member n
				where n.kenpo_id = ? and n.batch_id = ? and o.kenpo_id = n.kenpo_id and o.member_id = n.member_id
				  and o.batch_id < n.batch_id and o.voided_by is null
				returning o.batch_id""")
			.params(kenpoId, id)
			.query(Long.class)
			.list()
			.forEach(batch -> voided.merge(batch, 1, Integer::sum));
		return voided;
	}

	/** Deletes the PDFs nobody downloaded in time; returns the batches expired. */
	List<LetterBatch> expire(Instant now) {
		List<Long> ids = jdbc.sql("""
				update letter_batch set state = 'EXPIRED', pdf = null
				where state = 'READY' and expires_at <= ? returning id""")
			.params(Timestamp.from(now))
			.query(Long.class)
			.list();
		return ids.isEmpty() ? List.of()
				: jdbc.sql(SELECT + " where b.id = any(?)").params((Object) ids.toArray(Long[]::new)).query(this::map).list();
	}

	private LetterBatch map(ResultSet rs, int row) throws SQLException {
		String[] codes = (String[]) rs.getArray("employer_codes").getArray();
		return new LetterBatch(rs.getLong("id"), rs.getLong("kenpo_id"), rs.getLong("requested_by"),
				rs.getString("requested_by_name"), LetterBatch.Scope.valueOf(rs.getString("scope")),
				Arrays.asList(codes), rs.getString("symbol"), rs.getString("number"), rs.getString("reason"),
				LetterBatch.State.valueOf(rs.getString("state")), rs.getInt("total"), rs.getInt("done"),
				instant(rs, "created_at"), instant(rs, "finished_at"), instant(rs, "expires_at"),
				instant(rs, "downloaded_at"), rs.getString("downloaded_by_name"), (Long) rs.getObject("pdf_size"),
				rs.getString("error"), rs.getInt("voided"), (Long) rs.getObject("voided_by"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp ts = rs.getTimestamp(column);
		return ts == null ? null : ts.toInstant();
	}
}
