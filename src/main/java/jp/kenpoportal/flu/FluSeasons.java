package jp.kenpoportal.flu;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jp.kenpoportal.benefit.Payee;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The seasons' rules of each kenpo; every look-up names the kenpo. */
@Service
public class FluSeasons {

	private static final String COLUMNS = """
			id, kenpo_id, fiscal_year, vaccination_from, vaccination_until, apply_until, insured_eligible,
			dependent_eligible, min_age, max_age, amount_rule, cap_insured, cap_dependent, self_pay, child_second_dose,
			per_household, payment, four_eyes, continued_eligible""";

	private final JdbcClient jdbc;

	FluSeasons(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The season of the 年度 the day falls in. */
	public Optional<FluSeason> of(long kenpoId, LocalDate day) {
		return find(kenpoId, FluSeason.fiscalYearOf(day));
	}

	public Optional<FluSeason> find(long kenpoId, int fiscalYear) {
		return jdbc.sql("select " + COLUMNS + " from flu_season where kenpo_id = ? and fiscal_year = ?")
			.params(kenpoId, fiscalYear)
			.query(FluSeasons::map)
			.optional();
	}

	public Optional<FluSeason> byId(long kenpoId, long seasonId) {
		return jdbc.sql("select " + COLUMNS + " from flu_season where kenpo_id = ? and id = ?")
			.params(kenpoId, seasonId)
			.query(FluSeasons::map)
			.optional();
	}

	/** The kenpo's seasons, newest first. */
	public List<FluSeason> list(long kenpoId) {
		return jdbc.sql("select " + COLUMNS + " from flu_season where kenpo_id = ? order by fiscal_year desc")
			.param(kenpoId)
			.query(FluSeasons::map)
			.list();
	}

	/** Writes the season of the rules' 年度 for the kenpo (the rules' own id and kenpo are ignored). */
	@Transactional
	public long save(long kenpoId, FluSeason s) {
		return jdbc.sql("""
				insert into flu_season (kenpo_id, fiscal_year, vaccination_from, vaccination_until, apply_until,
				  insured_eligible, dependent_eligible, min_age, max_age, amount_rule, cap_insured, cap_dependent, self_pay,
				  child_second_dose, per_household, payment, four_eyes, continued_eligible)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (kenpo_id, fiscal_year) do update set vaccination_from = excluded.vaccination_from,
				  vaccination_until = excluded.vaccination_until, apply_until = excluded.apply_until,
				  insured_eligible = excluded.insured_eligible, dependent_eligible = excluded.dependent_eligible,
				  min_age = excluded.min_age, max_age = excluded.max_age, amount_rule = excluded.amount_rule,
				  cap_insured = excluded.cap_insured, cap_dependent = excluded.cap_dependent, self_pay = excluded.self_pay,
				  child_second_dose = excluded.child_second_dose, per_household = excluded.per_household,
				  payment = excluded.payment, four_eyes = excluded.four_eyes,
				  continued_eligible = excluded.continued_eligible, updated_at = now()
				returning id""")
			.params(kenpoId, s.fiscalYear(), Date.valueOf(s.vaccinationFrom()), Date.valueOf(s.vaccinationUntil()),
					Date.valueOf(s.applyUntil()), s.insuredEligible(), s.dependentEligible(), s.minAge(), s.maxAge(),
					s.amountRule().name(), s.capInsured(), s.capDependent(), s.selfPay(), s.childSecondDose(),
					s.perHousehold(), s.payment().name(), s.fourEyes(), s.continuedEligible())
			.query(Long.class)
			.single();
	}

	private static FluSeason map(ResultSet rs, int row) throws SQLException {
		return new FluSeason(rs.getLong("id"), rs.getLong("kenpo_id"), rs.getInt("fiscal_year"),
				rs.getDate("vaccination_from").toLocalDate(), rs.getDate("vaccination_until").toLocalDate(),
				rs.getDate("apply_until").toLocalDate(), rs.getBoolean("insured_eligible"),
				rs.getBoolean("dependent_eligible"), (Integer) rs.getObject("min_age"), (Integer) rs.getObject("max_age"),
				AmountRule.valueOf(rs.getString("amount_rule")), rs.getInt("cap_insured"), rs.getInt("cap_dependent"),
				rs.getInt("self_pay"), rs.getBoolean("child_second_dose"), rs.getBoolean("per_household"),
				Payee.valueOf(rs.getString("payment")), rs.getBoolean("four_eyes"), rs.getBoolean("continued_eligible"));
	}
}
