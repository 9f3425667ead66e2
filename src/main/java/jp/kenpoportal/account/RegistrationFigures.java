package jp.kenpoportal.account;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import jp.kenpoportal.tenant.SecondFactor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Registration figures of a kenpo for the staff console's dashboard, counted in PostgreSQL in
 * one pass over the roster (grouping sets), never row by row in Java: a kenpo may have 100,000
 * insured persons. The account module reads the roster here because an account exists only as
 * a roster row's account (account.member_id references member): the figures are the roster's
 * insured persons, each with or without their account. Insured means branch 00 and insured on
 * the day asked about (acquired on or before it, not lost by it).
 */
@Service
public class RegistrationFigures {

	/** The lowest age of each band: 〜29, 30代, 40代, 50代, 60〜. */
	public static final List<Integer> AGE_BANDS = List.of(0, 30, 40, 50, 60);

	/** Days and weeks start at midnight in Japan, wherever the database runs. */
	private static final String JAPAN = "Asia/Tokyo";

	private static final String INSURED = """
			with insured as (
			  select m.id, m.symbol, m.number, m.employer_code, m.employer_name, m.name, m.name_kana, m.birth_date,
			    case when m.birth_date > :born30 then 0 when m.birth_date > :born40 then 30
			      when m.birth_date > :born50 then 40 when m.birth_date > :born60 then 50 else 60 end as band
			  from member m
			  where m.kenpo_id = :kenpo and m.branch = '00' and m.acquired_on <= :today
			    and (m.lost_on is null or m.lost_on > :today))
			""";

	private final JdbcClient jdbc;

	RegistrationFigures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The figures of the insured persons of {@code today}, locks as of {@code now}. */
	public RegistrationReport report(long kenpoId, LocalDate today, Instant now) {
		List<Row> rows = jdbc.sql(INSURED + """
				select grouping(i.employer_code) as all_employers, grouping(i.band) as all_bands, i.employer_code,
				  i.employer_name, i.band,
				  count(*) as insured, count(a.id) as with_account, count(a.onboarded_at) as registered,
				  count(*) filter (where a.onboarded_at is not null and a.second_factor = 'EMAIL_CODE') as email_code,
				  count(*) filter (where a.onboarded_at is not null and a.second_factor = 'TOTP') as totp,
				  count(*) filter (where a.onboarded_at is not null and a.second_factor = 'PASSKEY') as passkey,
				  count(*) filter (where a.locked_by_kenpo_at is null and a.locked_until > :now) as locked_temporarily,
				  count(*) filter (where a.locked_by_kenpo_at is not null) as locked_by_kenpo
				from insured i left join account a on a.kenpo_id = :kenpo and a.member_id = i.id
				group by grouping sets ((), (i.employer_code, i.employer_name), (i.band))
				order by i.employer_code nulls last, i.employer_name, i.band""")
			.params(insuredOn(kenpoId, today))
			.param("now", Timestamp.from(now))
			.query(RegistrationFigures::row)
			.list();
		Row total = rows.stream()
			.filter(r -> r.allEmployers && r.allBands)
			.findFirst()
			.orElse(new Row(true, true, null, 0, new RegistrationCounts("", 0, 0, 0), new long[5]));
		List<EmployerCounts> byEmployer = rows.stream().filter(r -> !r.allEmployers).map(Row::employer).toList();
		Map<Integer, RegistrationCounts> bands = new LinkedHashMap<>();
		AGE_BANDS.forEach(b -> bands.put(b, new RegistrationCounts(Integer.toString(b), 0, 0, 0)));
		rows.stream().filter(r -> !r.allBands).forEach(r -> bands.put(r.band, r.counts));
		Map<SecondFactor, Long> factors = new EnumMap<>(SecondFactor.class);
		factors.put(SecondFactor.EMAIL_CODE, total.more[0]);
		factors.put(SecondFactor.TOTP, total.more[1]);
		factors.put(SecondFactor.PASSKEY, total.more[2]);
		return new RegistrationReport(total.counts, byEmployer, List.copyOf(bands.values()), factors, total.more[3],
				total.more[4]);
	}

	/** The whole roster's figures only (the console's home): one plain count, no breakdowns. */
	public RegistrationCounts total(long kenpoId, LocalDate today) {
		return jdbc.sql(INSURED + """
				select count(*), count(a.id), count(a.onboarded_at)
				from insured i left join account a on a.kenpo_id = :kenpo and a.member_id = i.id""")
			.params(insuredOn(kenpoId, today))
			.query((rs, n) -> new RegistrationCounts("", rs.getLong(1), rs.getLong(2), rs.getLong(3)))
			.single();
	}

	/**
	 * Accounts that finished the first registration, per day or per week (starting Monday) in
	 * Japan, from {@code from} (inclusive) to {@code to} (exclusive); periods without any are left out.
	 */
	public Map<LocalDate, Long> registeredPer(long kenpoId, ChronoUnit period, LocalDate from, LocalDate to) {
		Map<LocalDate, Long> counts = new LinkedHashMap<>();
		jdbc.sql("""
				select date_trunc('%s', a.onboarded_at at time zone '%s')::date as period, count(*) from account a
				where a.kenpo_id = ? and a.onboarded_at >= (?::date::timestamp at time zone '%s')
				  and a.onboarded_at < (?::date::timestamp at time zone '%s')
				group by 1 order by 1""".formatted(truncation(period), JAPAN, JAPAN, JAPAN))
			.params(kenpoId, Date.valueOf(from), Date.valueOf(to))
			.query(rs -> {
				counts.put(rs.getDate(1).toLocalDate(), rs.getLong(2));
			});
		return counts;
	}

	/**
	 * Hands over, in 記号・番号 order, each insured person of {@code today} who has not finished
	 * the first registration (with or without an account), without holding them all in memory.
	 */
	public void forEachNotRegistered(long kenpoId, LocalDate today, Consumer<NotRegisteredMember> consumer) {
		jdbc.sql(INSURED + """
				select i.symbol, i.number, i.name, i.name_kana, i.birth_date from insured i
				left join account a on a.kenpo_id = :kenpo and a.member_id = i.id
				where a.onboarded_at is null
				order by i.symbol, i.number""")
			.params(insuredOn(kenpoId, today))
			.query(rs -> {
				consumer.accept(new NotRegisteredMember(rs.getString(1), rs.getString(2), rs.getString(3),
						rs.getString(4), rs.getDate(5).toLocalDate()));
			});
	}

	/**
	 * The parameters of {@link #INSURED}: a person is in a band from the birthday on which they
	 * reach its lowest age (compared as dates, which an index-free scan of 100,000 rows does
	 * faster than computing every age).
	 */
	private static Map<String, Object> insuredOn(long kenpoId, LocalDate today) {
		return Map.of("kenpo", kenpoId, "today", Date.valueOf(today), "born30", Date.valueOf(today.minusYears(30)),
				"born40", Date.valueOf(today.minusYears(40)), "born50", Date.valueOf(today.minusYears(50)), "born60",
				Date.valueOf(today.minusYears(60)));
	}

	/** The date_trunc field of DAYS or WEEKS, a fixed literal (never anything typed). */
	static String truncation(ChronoUnit period) {
		return switch (period) {
			case DAYS -> "day";
			case WEEKS -> "week";
			default -> throw new IllegalArgumentException("per day or per week: " + period);
		};
	}

	private record Row(boolean allEmployers, boolean allBands, EmployerCounts employer, int band,
			RegistrationCounts counts, long[] more) {
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		boolean allEmployers = rs.getInt("all_employers") == 1;
		boolean allBands = rs.getInt("all_bands") == 1;
		String code = rs.getString("employer_code");
		int band = rs.getInt("band");
		String group = !allEmployers ? (code == null ? "" : code) : !allBands ? Integer.toString(band) : "";
		RegistrationCounts counts = new RegistrationCounts(group, rs.getLong("insured"), rs.getLong("with_account"),
				rs.getLong("registered"));
		long[] more = { rs.getLong("email_code"), rs.getLong("totp"), rs.getLong("passkey"),
				rs.getLong("locked_temporarily"), rs.getLong("locked_by_kenpo") };
		EmployerCounts employer = allEmployers ? null
				: new EmployerCounts(code, rs.getString("employer_name"), counts);
		return new Row(allEmployers, allBands, employer, band, counts, more);
	}
}
