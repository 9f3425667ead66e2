package jp.kenpoportal.medical;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import jp.kenpoportal.member.Household;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Claim lines of 医療費のお知らせ: recorded from the kenpo's data, read only through a
 * household and only from their publication time on (claims arrive 2–3 months after the
 * treatment, and the kenpo decides when they show).
 */
@Service
public class MedicalExpenses {

	private final JdbcClient jdbc;

	MedicalExpenses(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long record(long kenpoId, long memberId, NewClaim c) {
		return jdbc.sql("""
				insert into medical_claim (kenpo_id, member_id, service_month, category, provider_name, days,
				  total_cost, insurer_paid, patient_paid, published_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(kenpoId, memberId, Date.valueOf(c.serviceMonth().atDay(1)), c.category().name(), c.providerName(),
					c.days(), c.totalCost(), c.insurerPaid(), c.patientPaid(), Timestamp.from(c.publishedAt()))
			.query(Long.class)
			.single();
	}

	/** The household's published claims treated from {@code from} to {@code to}, by month and person. */
	public List<MedicalClaim> published(Household household, YearMonth from, YearMonth to, Instant now) {
		return published(household.kenpoId(), household.memberIdArray(), from, to, now);
	}

	/**
	 * Published claims of the given persons of the kenpo: only to weigh a 世帯合算 補填 over
	 * persons the household does not see, never to show.
	 */
	List<MedicalClaim> published(long kenpoId, Long[] memberIds, YearMonth from, YearMonth to, Instant now) {
		return jdbc.sql("""
				select c.id, c.member_id, c.service_month, c.category, c.provider_name, c.days, c.total_cost,
				  c.insurer_paid, c.patient_paid, c.published_at
				from medical_claim c
				where c.kenpo_id = ? and c.member_id = any(?) and c.service_month between ? and ? and c.published_at <= ?
				order by c.service_month, c.member_id, c.category, c.provider_name""")
			.params(kenpoId, memberIds, Date.valueOf(from.atDay(1)), Date.valueOf(to.atDay(1)), Timestamp.from(now))
			.query(MedicalExpenses::map)
			.list();
	}

	/** The months of treatment the household has published claims for, newest first. */
	public List<YearMonth> publishedMonths(Household household, Instant now) {
		return jdbc.sql("""
				select distinct service_month from medical_claim
				where kenpo_id = ? and member_id = any(?) and published_at <= ? order by service_month desc""")
			.params(household.kenpoId(), household.memberIdArray(), Timestamp.from(now))
			.query((rs, n) -> YearMonth.from(rs.getDate(1).toLocalDate()))
			.list();
	}

	/**
	 * The newest month of treatment the kenpo has published claims for, for any member: how far
	 * the data reaches, whether or not this household was treated that month. Every 医療費 page
	 * asks, so it must not read the claims of the months not yet out (two or three months of
	 * the whole kenpo's claims, skipped row by row): it walks the kenpo's months from the
	 * newest down, one index probe each, and stops at the first with a claim published by
	 * {@code now} (index medical_claim_kenpo_month_published).
	 */
	public Optional<YearMonth> newestPublishedMonth(long kenpoId, Instant now) {
		return jdbc.sql("""
				with recursive month (m) as (
				    select max(service_month) from medical_claim where kenpo_id = ?
				  union all
				    select (select max(c.service_month) from medical_claim c where c.kenpo_id = ? and c.service_month < month.m)
				    from month where month.m is not null
				)
				select m from month
				where m is not null and exists (
				    select 1 from medical_claim c where c.kenpo_id = ? and c.service_month = month.m and c.published_at <= ?)
				limit 1""")
			.params(kenpoId, kenpoId, kenpoId, Timestamp.from(now))
			.query((rs, n) -> YearMonth.from(rs.getDate(1).toLocalDate()))
			.optional();
	}

	/** Members of the kenpo with a claim published in (from, to]: for publication mails. */
	public List<Long> membersPublishedBetween(long kenpoId, Instant from, Instant to) {
		return jdbc.sql("""
				select distinct member_id from medical_claim
				where kenpo_id = ? and published_at > ? and published_at <= ?""")
			.params(kenpoId, Timestamp.from(from), Timestamp.from(to))
			.query(Long.class)
			.list();
	}

	private static MedicalClaim map(ResultSet rs, int row) throws SQLException {
		return new MedicalClaim(rs.getLong(1), rs.getLong(2), YearMonth.from(rs.getDate(3).toLocalDate()),
				ClaimCategory.valueOf(rs.getString(4)), rs.getString(5), rs.getInt(6), rs.getLong(7), rs.getLong(8),
				rs.getLong(9), rs.getTimestamp(10).toInstant());
	}
}
