package jp.kenpoportal.benefit;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import jp.kenpoportal.member.Household;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 現金給付支給決定: recorded from the kenpo's data, read only through a household and only
 * from their publication time on.
 */
@Service
public class BenefitDecisions {

	/** The selected columns, ending in a line break so a query can follow. */
	private static final String COLUMNS = """
			id, member_id, decision_number, kind, service_month, period_from, period_to, provider_name, decided_on,
			amount, paid_on, payee, bank_name, account_last_digits, published_at, direct_payment, cost,
			array(select c.member_id from benefit_decision_coverage c where c.kenpo_id = d.kenpo_id
			  and c.decision_id = d.id order by c.member_id) as covered
			""";

	private final JdbcClient jdbc;

	BenefitDecisions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional
	public long record(long kenpoId, long memberId, NewDecision d) {
		long id = jdbc.sql("""
				insert into benefit_decision (kenpo_id, member_id, decision_number, kind, service_month, period_from,
				  period_to, provider_name, decided_on, amount, paid_on, payee, bank_name, account_last_digits, published_at,
				  direct_payment, cost)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(kenpoId, memberId, d.decisionNumber(), d.kind().name(), month(d.serviceMonth()), date(d.periodFrom()),
					date(d.periodTo()), d.providerName(), date(d.decidedOn()), d.amount(), date(d.paidOn()),
					d.payee().name(), d.bankName(), d.accountLastDigits(), Timestamp.from(d.publishedAt()),
					d.directPayment(), d.cost())
			.query(Long.class)
			.single();
		for (long covered : d.coveredMemberIds()) {
			jdbc.sql("insert into benefit_decision_coverage (kenpo_id, decision_id, member_id) values (?, ?, ?)")
				.params(kenpoId, id, covered)
				.update();
		}
		return id;
	}

	/** The household's published decisions, newest decision first. */
	public List<BenefitDecision> published(Household household, Instant now) {
		return jdbc.sql("select " + COLUMNS + """
				 from benefit_decision d where kenpo_id = ? and member_id = any(?) and published_at <= ?
				order by decided_on desc, id desc""")
			.params(household.kenpoId(), household.memberIdArray(), Timestamp.from(now))
			.query(BenefitDecisions::map)
			.list();
	}

	/** One published decision of the household; empty for anyone else's, or one not yet published. */
	public Optional<BenefitDecision> find(Household household, long id, Instant now) {
		return jdbc.sql("select " + COLUMNS + """
				 from benefit_decision d where kenpo_id = ? and member_id = any(?) and id = ? and published_at <= ?""")
			.params(household.kenpoId(), household.memberIdArray(), id, Timestamp.from(now))
			.query(BenefitDecisions::map)
			.optional();
	}

	/**
	 * Published 補填 decisions of the household for claims treated in the given months, with the
	 * persons each paid for (a 世帯合算 may name one the household does not see).
	 */
	public List<BenefitDecision> reimbursements(Household household, YearMonth from, YearMonth to, Instant now) {
		String[] kinds = java.util.Arrays.stream(BenefitKind.values())
			.filter(BenefitKind::reimbursesClaims)
			.map(Enum::name)
			.toArray(String[]::new);
		return jdbc.sql("select " + COLUMNS + """
				 from benefit_decision d where kenpo_id = ? and member_id = any(?) and published_at <= ?
				  and kind = any(?) and service_month between ? and ? order by service_month, id""")
			.params(household.kenpoId(), household.memberIdArray(), Timestamp.from(now), kinds, month(from), month(to))
			.query(BenefitDecisions::map)
			.list();
	}

	/** Members of the kenpo with a decision published in (from, to]: for publication mails. */
	public List<Long> membersPublishedBetween(long kenpoId, Instant from, Instant to) {
		return jdbc.sql("""
				select distinct member_id from benefit_decision
				where kenpo_id = ? and published_at > ? and published_at <= ?""")
			.params(kenpoId, Timestamp.from(from), Timestamp.from(to))
			.query(Long.class)
			.list();
	}

	private static Date month(YearMonth month) {
		return month == null ? null : Date.valueOf(month.atDay(1));
	}

	private static Date date(LocalDate date) {
		return date == null ? null : Date.valueOf(date);
	}

	private static BenefitDecision map(ResultSet rs, int row) throws SQLException {
		return new BenefitDecision(rs.getLong("id"), rs.getLong("member_id"), rs.getString("decision_number"),
				BenefitKind.valueOf(rs.getString("kind")), yearMonth(rs.getDate("service_month")),
				local(rs.getDate("period_from")), local(rs.getDate("period_to")), rs.getString("provider_name"),
				local(rs.getDate("decided_on")), rs.getLong("amount"), local(rs.getDate("paid_on")),
				Payee.valueOf(rs.getString("payee")), rs.getString("bank_name"), rs.getString("account_last_digits"),
				rs.getTimestamp("published_at").toInstant(), rs.getLong("direct_payment"), cost(rs),
				List.of((Long[]) rs.getArray("covered").getArray()));
	}

	private static Long cost(ResultSet rs) throws SQLException {
		long cost = rs.getLong("cost");
		return rs.wasNull() ? null : cost;
	}

	private static LocalDate local(Date date) {
		return date == null ? null : date.toLocalDate();
	}

	private static YearMonth yearMonth(Date date) {
		return date == null ? null : YearMonth.from(date.toLocalDate());
	}
}
