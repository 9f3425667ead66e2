package jp.kenpoportal.portal;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * お知らせ of a kenpo: shown to its members within their publication window, newest first,
 * each marked read once the member has opened it. Kenpo staff publish them (the console comes
 * later; until then the demo data does).
 */
@Service
public class Notices {

	private final JdbcClient jdbc;

	private final Clock clock;

	Notices(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public long publish(long kenpoId, String title, String body, Instant from, Instant until) {
		return jdbc.sql("""
				insert into notice (kenpo_id, title, body, publish_from, publish_until, created_at)
				values (?, ?, ?, ?, ?, ?) returning id""")
			.params(kenpoId, title, body, Timestamp.from(from),
					new SqlParameterValue(Types.TIMESTAMP, until == null ? null : Timestamp.from(until)),
					Timestamp.from(clock.instant()))
			.query(Long.class)
			.single();
	}

	/** The notices shown now, newest first, at most {@code limit}. */
	public List<Notice> current(long kenpoId, long accountId, int limit) {
		return shown(accountId, kenpoId, "order by n.publish_from desc, n.id desc limit ?", limit).list();
	}

	/** One notice shown now; empty for another kenpo's, one not yet out, or one taken down. */
	public Optional<Notice> find(long kenpoId, long accountId, long noticeId) {
		return shown(accountId, kenpoId, "and n.id = ?", noticeId).optional();
	}

	private JdbcClient.MappedQuerySpec<Notice> shown(long accountId, long kenpoId, String rest, Object last) {
		Timestamp now = now();
		return jdbc.sql("""
				select n.id, n.title, n.body, n.publish_from, n.publish_until, r.read_at is not null
				from notice n left join notice_read r on r.notice_id = n.id and r.account_id = ?
				where n.kenpo_id = ? and n.publish_from <= ? and (n.publish_until is null or n.publish_until > ?)
				""" + rest)
			.params(accountId, kenpoId, now, now, last)
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

	/** Whether the kenpo published a notice in (from, to]: for publication mails. */
	public boolean publishedBetween(long kenpoId, Instant from, Instant to) {
		return jdbc.sql("""
				select exists(select 1 from notice where kenpo_id = ? and publish_from > ? and publish_from <= ?
				  and (publish_until is null or publish_until > ?))""")
			.params(kenpoId, Timestamp.from(from), Timestamp.from(to), Timestamp.from(to))
			.query(Boolean.class)
			.single();
	}

	private Timestamp now() {
		return Timestamp.from(clock.instant());
	}

	private static Instant instant(Timestamp ts) {
		return ts == null ? null : ts.toInstant();
	}
}
