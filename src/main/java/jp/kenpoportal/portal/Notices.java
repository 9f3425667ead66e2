package jp.kenpoportal.portal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * お知らせ of a kenpo: shown to the members in their audience within their publication window,
 * newest first, each marked read once the member has opened it; written, edited and withdrawn
 * by the kenpo's staff in the console (through the methods for a kenpo below).
 */
@Service
public class Notices {

	/** A member sees a notice in its window, not withdrawn, and in its audience. */
	private static final String SHOWN = """
			n.kenpo_id = ? and n.withdrawn_at is null and n.publish_from <= ?
			and (n.publish_until is null or n.publish_until > ?)
			and (n.audience = 'ALL' or (n.audience = 'INSURED' and ?)
			  or (n.audience = 'EMPLOYERS' and exists (select 1 from notice_employer e
			    where e.notice_id = n.id and e.kenpo_id = n.kenpo_id and e.employer_code = ?)))
			""";

	private static final String STAFF_COLUMNS = """
			n.id, n.title, n.body, n.publish_from, n.publish_until, n.audience, n.mail_alert, n.created_at,
			n.updated_at, n.withdrawn_at,
			array(select e.employer_code from notice_employer e where e.notice_id = n.id order by e.employer_code)
			""";

	private final JdbcClient jdbc;

	private final Clock clock;

	Notices(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A notice for everyone, mailed (the demo data's way). */
	public long publish(long kenpoId, String title, String body, Instant from, Instant until) {
		return create(kenpoId, new NoticeDraft(title, body, from, until, NoticeAudience.ALL, List.of(), true));
	}

	@Transactional
	public long create(long kenpoId, NoticeDraft draft) {
		long id = jdbc.sql("""
				insert into notice (kenpo_id, title, body, publish_from, publish_until, audience, mail_alert, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(kenpoId, draft.title(), draft.body(), Timestamp.from(draft.publishFrom()),
					timestamp(draft.publishUntil()), draft.audience().name(), draft.mailAlert(), now())
			.query(Long.class)
			.single();
		saveEmployers(kenpoId, id, draft);
		return id;
	}

	/** Replaces what the notice says, its window and its audience; false if not the kenpo's or withdrawn. */
	@Transactional
	public boolean update(long kenpoId, long noticeId, NoticeDraft draft) {
		int updated = jdbc.sql("""
				update notice set title = ?, body = ?, publish_from = ?, publish_until = ?, audience = ?, mail_alert = ?,
				  updated_at = ?
				where kenpo_id = ? and id = ? and withdrawn_at is null""")
			.params(draft.title(), draft.body(), Timestamp.from(draft.publishFrom()), timestamp(draft.publishUntil()),
					draft.audience().name(), draft.mailAlert(), now(), kenpoId, noticeId)
			.update();
		if (updated == 0) {
			return false;
		}
		jdbc.sql("delete from notice_employer where kenpo_id = ? and notice_id = ?").params(kenpoId, noticeId).update();
		saveEmployers(kenpoId, noticeId, draft);
		return true;
	}

	/** Takes the notice down for good; false if not the kenpo's or already withdrawn. */
	public boolean withdraw(long kenpoId, long noticeId) {
		return jdbc.sql("update notice set withdrawn_at = ? where kenpo_id = ? and id = ? and withdrawn_at is null")
			.params(now(), kenpoId, noticeId)
			.update() == 1;
	}

	/** Every notice of the kenpo, newest publication first, a page of them. */
	public List<KenpoNotice> listForKenpo(long kenpoId, int offset, int limit) {
		return jdbc.sql("select " + STAFF_COLUMNS + """
				from notice n where n.kenpo_id = ? order by n.publish_from desc, n.id desc offset ? limit ?""")
			.params(kenpoId, offset, limit)
			.query(Notices::kenpoNotice)
			.list();
	}

	/** One notice of the kenpo, whatever its state; empty for another kenpo's. */
	public Optional<KenpoNotice> findForKenpo(long kenpoId, long noticeId) {
		return jdbc.sql("select " + STAFF_COLUMNS + " from notice n where n.kenpo_id = ? and n.id = ?")
			.params(kenpoId, noticeId)
			.query(Notices::kenpoNotice)
			.optional();
	}

	/** The notices the reader sees now, newest first, at most {@code limit}. */
	public List<Notice> current(long kenpoId, long accountId, NoticeReader reader, int limit) {
		return shown(accountId, kenpoId, reader, "order by n.publish_from desc, n.id desc limit ?", limit).list();
	}

	/** One notice the reader sees now; empty for another kenpo's, one not out, withdrawn, or for others. */
	public Optional<Notice> find(long kenpoId, long accountId, NoticeReader reader, long noticeId) {
		return shown(accountId, kenpoId, reader, "and n.id = ?", noticeId).optional();
	}

	private JdbcClient.MappedQuerySpec<Notice> shown(long accountId, long kenpoId, NoticeReader reader, String rest,
			Object last) {
		Timestamp now = now();
		return jdbc.sql("""
				select n.id, n.title, n.body, n.publish_from, n.publish_until, r.read_at is not null
				from notice n left join notice_read r on r.notice_id = n.id and r.account_id = ?
				where
				""" + SHOWN + rest)
			.params(accountId, kenpoId, now, now, reader.insured(),
					new SqlParameterValue(Types.VARCHAR, reader.employerCode()), last)
			.query((rs, i) -> new Notice(rs.getLong(1), rs.getString(2), rs.getString(3),
					rs.getTimestamp(4).toInstant(), instant(rs.getTimestamp(5)), rs.getBoolean(6)));
	}

	public void markRead(long accountId, long noticeId) {
		jdbc.sql("""
				insert into notice_read (account_id, notice_id, read_at) values (?, ?, ?)
				on conflict do nothing""")
			.params(accountId, noticeId, now())
			.update();
	}

	/**
	 * The audiences of the kenpo's notices that came out in (from, to] with a mail alert and are
	 * still up: for publication mails.
	 */
	public List<NoticeDraft> mailedBetween(long kenpoId, Instant from, Instant to) {
		return jdbc.sql("select " + STAFF_COLUMNS + """
				from notice n where n.kenpo_id = ? and n.mail_alert and n.withdrawn_at is null
				and n.publish_from > ? and n.publish_from <= ? and (n.publish_until is null or n.publish_until > ?)""")
			.params(kenpoId, Timestamp.from(from), Timestamp.from(to), Timestamp.from(to))
			.query(Notices::kenpoNotice)
			.list()
			.stream()
			.map(KenpoNotice::draft)
			.toList();
	}

	private void saveEmployers(long kenpoId, long noticeId, NoticeDraft draft) {
		for (String code : draft.employerCodes()) {
			jdbc.sql("insert into notice_employer (notice_id, kenpo_id, employer_code) values (?, ?, ?) on conflict do nothing")
				.params(noticeId, kenpoId, code)
				.update();
		}
	}

	private static KenpoNotice kenpoNotice(ResultSet rs, int row) throws SQLException {
		NoticeDraft draft = new NoticeDraft(rs.getString("title"), rs.getString("body"),
				rs.getTimestamp("publish_from").toInstant(), instant(rs.getTimestamp("publish_until")),
				NoticeAudience.valueOf(rs.getString("audience")),
				Arrays.asList((String[]) rs.getArray(11).getArray()), rs.getBoolean("mail_alert"));
		return new KenpoNotice(rs.getLong("id"), draft, rs.getTimestamp("created_at").toInstant(),
				instant(rs.getTimestamp("updated_at")), instant(rs.getTimestamp("withdrawn_at")));
	}

	private Timestamp now() {
		return Timestamp.from(clock.instant());
	}

	private static SqlParameterValue timestamp(Instant instant) {
		return new SqlParameterValue(Types.TIMESTAMP, instant == null ? null : Timestamp.from(instant));
	}

	private static Instant instant(Timestamp ts) {
		return ts == null ? null : ts.toInstant();
	}
}
