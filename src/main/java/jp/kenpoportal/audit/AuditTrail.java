package jp.kenpoportal.audit;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The append-only audit trail. Written in the caller's transaction, so an action and its
 * record stand or fall together; the client address and browser come from the request.
 */
@Service
public class AuditTrail {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final AuditMetrics metrics;

	AuditTrail(JdbcClient jdbc, Clock clock, AuditMetrics metrics) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.metrics = metrics;
	}

	public void record(Long kenpoId, Long accountId, AuditType type, String detail) {
		HttpServletRequest request = currentRequest();
		String ip = request == null ? null : request.getRemoteAddr();
		String agent = request == null ? null : truncate(request.getHeader("User-Agent"));
		jdbc.sql("""
				insert into audit_event (kenpo_id, account_id, type, occurred_at, client_ip, user_agent, detail)
				values (?, ?, ?, ?, ?, ?, ?)""")
			// typed parameters keep one prepared statement whether the values are null or not
			.params(new SqlParameterValue(Types.BIGINT, kenpoId), new SqlParameterValue(Types.BIGINT, accountId),
					type.name(), Timestamp.from(clock.instant()), new SqlParameterValue(Types.VARCHAR, ip),
					new SqlParameterValue(Types.VARCHAR, agent), new SqlParameterValue(Types.VARCHAR, detail))
			.update();
		metrics.recorded(type, detail);
	}

	public void record(long kenpoId, long accountId, AuditType type) {
		record(kenpoId, accountId, type, null);
	}

	/**
	 * An event of the staff console: {@code staffId} is the staff account that acted (or
	 * tried to), {@code accountId} the member's account it concerned, if any, and the detail
	 * names the reason the staff member gave.
	 */
	public void recordStaff(Long kenpoId, Long accountId, long staffId, AuditType type, String detail) {
		HttpServletRequest request = currentRequest();
		String ip = request == null ? null : request.getRemoteAddr();
		String agent = request == null ? null : truncate(request.getHeader("User-Agent"));
		jdbc.sql("""
				insert into audit_event (kenpo_id, account_id, staff_id, type, occurred_at, client_ip, user_agent, detail)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(new SqlParameterValue(Types.BIGINT, kenpoId), new SqlParameterValue(Types.BIGINT, accountId),
					staffId, type.name(), Timestamp.from(clock.instant()), new SqlParameterValue(Types.VARCHAR, ip),
					new SqlParameterValue(Types.VARCHAR, agent), new SqlParameterValue(Types.VARCHAR, detail))
			.update();
		metrics.recorded(type, detail);
	}

	/** The newest events of an account, for the member's history and for tests. */
	public List<AuditEntry> recent(long kenpoId, long accountId, int limit) {
		return jdbc.sql("""
				select type, occurred_at, client_ip, user_agent, detail from audit_event
				where kenpo_id = ? and account_id = ? order by id desc limit ?""")
			.params(kenpoId, accountId, limit)
			.query((rs, n) -> new AuditEntry(AuditType.valueOf(rs.getString(1)), rs.getTimestamp(2).toInstant(),
					rs.getString(3), rs.getString(4), rs.getString(5)))
			.list();
	}

	/** The newest events of an account of the given types. */
	public List<AuditEntry> recent(long kenpoId, long accountId, java.util.Collection<AuditType> types, int limit) {
		return jdbc.sql("""
				select type, occurred_at, client_ip, user_agent, detail from audit_event
				where kenpo_id = ? and account_id = ? and type = any(?) order by id desc limit ?""")
			.params(kenpoId, accountId, types.stream().map(Enum::name).toArray(String[]::new), limit)
			.query((rs, n) -> new AuditEntry(AuditType.valueOf(rs.getString(1)), rs.getTimestamp(2).toInstant(),
					rs.getString(3), rs.getString(4), rs.getString(5)))
			.list();
	}

	/**
	 * Events of the kenpo of the given types per day or per week (starting Monday) in Japan, from
	 * {@code from} (inclusive) to {@code to} (exclusive), counted in the database (the staff
	 * dashboard's sign-ins per day); periods without any are left out. The accounts are counted
	 * from one row per period and account, which a hash aggregate makes faster than count(distinct)'s sort.
	 */
	public List<EventCount> countPer(long kenpoId, java.util.Collection<AuditType> types,
			java.time.temporal.ChronoUnit period, java.time.LocalDate from, java.time.LocalDate to) {
		String unit = switch (period) {
			case DAYS -> "day";
			case WEEKS -> "week";
			default -> throw new IllegalArgumentException("per day or per week: " + period);
		};
		return jdbc.sql("""
				select period, sum(events), count(account_id) from (
				  select date_trunc('%s', occurred_at at time zone 'Asia/Tokyo')::date as period, account_id, count(*) as events
				  from audit_event
				  where kenpo_id = ? and type = any(?)
				    and occurred_at >= (?::date::timestamp at time zone 'Asia/Tokyo')
				    and occurred_at < (?::date::timestamp at time zone 'Asia/Tokyo')
				  group by 1, 2) per_account
				group by 1 order by 1""".formatted(unit))
			.params(kenpoId, types.stream().map(Enum::name).toArray(String[]::new), java.sql.Date.valueOf(from),
					java.sql.Date.valueOf(to))
			.query((rs, n) -> new EventCount(rs.getDate(1).toLocalDate(), rs.getLong(2), rs.getLong(3)))
			.list();
	}

	private static HttpServletRequest currentRequest() {
		return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
				? attributes.getRequest() : null;
	}

	private static String truncate(String s) {
		return s == null || s.length() <= 400 ? s : s.substring(0, 400);
	}
}
