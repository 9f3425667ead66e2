package jp.kenpoportal.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Reading the audit trail of one kenpo, filtered, newest first, a page at a time (the console's audit viewer). */
@Service
public class AuditLog {

	private final JdbcClient jdbc;

	AuditLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param type only this type, or null
	 * @param accountId only events about this member account, or null
	 * @param staffId only events of this staff account, or null
	 * @param from events at or after, or null
	 * @param until events before, or null
	 */
	public record Filter(long kenpoId, AuditType type, Long accountId, Long staffId, Instant from, Instant until) {
	}

	/** One event as the audit viewer shows it. */
	public record Event(long id, Instant occurredAt, AuditType type, Long accountId, Long staffId, String clientIp,
			String detail) {
	}

	public List<Event> find(Filter filter, int offset, int limit) {
		StringBuilder where = new StringBuilder("where kenpo_id = ?");
		List<Object> params = new ArrayList<>();
		params.add(filter.kenpoId());
		if (filter.type() != null) {
			where.append(" and type = ?");
			params.add(filter.type().name());
		}
		if (filter.accountId() != null) {
			where.append(" and account_id = ?");
			params.add(filter.accountId());
		}
		if (filter.staffId() != null) {
			where.append(" and staff_id = ?");
			params.add(filter.staffId());
		}
		if (filter.from() != null) {
			where.append(" and occurred_at >= ?");
			params.add(Timestamp.from(filter.from()));
		}
		if (filter.until() != null) {
			where.append(" and occurred_at < ?");
			params.add(Timestamp.from(filter.until()));
		}
		params.add(limit);
		params.add(offset);
		return jdbc.sql("select id, occurred_at, type, account_id, staff_id, client_ip, detail from audit_event "
				+ where + " order by occurred_at desc, id desc limit ? offset ?")
			.params(params)
			.query((rs, n) -> new Event(rs.getLong(1), rs.getTimestamp(2).toInstant(), type(rs.getString(3)),
					(Long) rs.getObject(4, Long.class), (Long) rs.getObject(5, Long.class), rs.getString(6),
					rs.getString(7)))
			.list();
	}

	private static AuditType type(String name) {
		return AuditType.valueOf(name);
	}

}
