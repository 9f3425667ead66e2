package jp.kenpoportal.flu;

import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;

import jp.kenpoportal.benefit.Payee;
import jp.kenpoportal.member.Member;

/**
 * One kenpo's インフルエンザ予防接種補助 rules for one season (年度). Evaluation is pure: who may be
 * claimed for on a vaccination date, how many doses, and what the rules pay.
 *
 * @param fiscalYear 年度 (April to March) the season belongs to
 * @param applyUntil last day an application may be sent (inclusive)
 * @param insuredEligible 被保険者 of an ordinary (一般) household are covered
 * @param dependentEligible 被扶養者 are covered (of a 任意継続・特例退職 household only with
 * {@code continuedEligible} too)
 * @param continuedEligible 任意継続・特例退職 households are covered (DOMAIN.md §5: most kenpo do)
 * @param minAge youngest age on the vaccination date, or null
 * @param maxAge oldest age on the vaccination date, or null
 * @param capInsured most paid for a 被保険者 per season (per dose when two doses are allowed)
 * @param capDependent most paid for a 被扶養者 per season (per dose when two doses are allowed)
 * @param selfPay what the member pays per dose under {@link AmountRule#COST_MINUS_SELF_PAY}
 * @param childSecondDose children under 13 on the vaccination date may claim two doses
 * @param perHousehold one application per household and season (else one subsidy per person)
 * @param payment to the insured's bank account, or through the employer (事業所); a household
 * without employer (任意継続・特例退職) is always paid to its own account ({@link #payeeFor})
 * @param fourEyes a second staff member checks an approval before it may be paid
 */
public record FluSeason(long id, long kenpoId, int fiscalYear, LocalDate vaccinationFrom, LocalDate vaccinationUntil,
		LocalDate applyUntil, boolean insuredEligible, boolean dependentEligible, Integer minAge, Integer maxAge,
		AmountRule amountRule, int capInsured, int capDependent, int selfPay, boolean childSecondDose,
		boolean perHousehold, Payee payment, boolean fourEyes, boolean continuedEligible) {

	/** Rules that treat a 任意継続・特例退職 household as an ordinary one (covered as its 被保険者 is). */
	public FluSeason(long id, long kenpoId, int fiscalYear, LocalDate vaccinationFrom, LocalDate vaccinationUntil,
			LocalDate applyUntil, boolean insuredEligible, boolean dependentEligible, Integer minAge, Integer maxAge,
			AmountRule amountRule, int capInsured, int capDependent, int selfPay, boolean childSecondDose,
			boolean perHousehold, Payee payment, boolean fourEyes) {
		this(id, kenpoId, fiscalYear, vaccinationFrom, vaccinationUntil, applyUntil, insuredEligible, dependentEligible,
				minAge, maxAge, amountRule, capInsured, capDependent, selfPay, childSecondDose, perHousehold, payment,
				fourEyes, insuredEligible);
	}

	/** Under this age on the vaccination date a child may claim a second dose. */
	public static final int SECOND_DOSE_UNDER = 13;

	/**
	 * Why the person cannot be claimed for if vaccinated on that day; empty when they can. The
	 * date is tested on its own ({@link #inWindow}).
	 */
	public Optional<Ineligible> ineligible(Member person, LocalDate vaccinatedOn) {
		if (person.qualificationKind().withoutEmployer() && !continuedEligible) {
			return Optional.of(Ineligible.CONTINUED_NOT_COVERED);
		}
		boolean covered = person.insured() ? (person.qualificationKind().withoutEmployer() || insuredEligible)
				: dependentEligible;
		if (!covered) {
			return Optional.of(Ineligible.NOT_COVERED);
		}
		if (!person.qualifiedOn(vaccinatedOn)) {
			return Optional.of(Ineligible.NOT_QUALIFIED);
		}
		int age = age(person, vaccinatedOn);
		if (minAge != null && age < minAge) {
			return Optional.of(Ineligible.TOO_YOUNG);
		}
		if (maxAge != null && age > maxAge) {
			return Optional.of(Ineligible.TOO_OLD);
		}
		return Optional.empty();
	}

	/**
	 * Why the person cannot be picked at all this season, judged before a date is known: on the
	 * most favourable day of the window up to today (qualification and age may change within it).
	 */
	public Optional<Ineligible> ineligibleInSeason(Member person, LocalDate today) {
		LocalDate last = today.isBefore(vaccinationUntil) ? today : vaccinationUntil;
		Optional<Ineligible> atEnd = ineligible(person, last);
		if (atEnd.isEmpty()) {
			return atEnd;
		}
		Optional<Ineligible> atStart = ineligible(person, vaccinationFrom);
		return atStart.isEmpty() ? atStart : atEnd;
	}

	/**
	 * Where the household's subsidy goes: the season's way, except that a 任意継続・特例退職
	 * 被保険者 has no employer to pay through and is paid to their own account, as real kenpo do
	 * (DOMAIN.md §4.1, §5: 中部電力, Yuasa, 東京ドーム, KS).
	 */
	public Payee payeeFor(Member insured) {
		return payment == Payee.EMPLOYER && insured.qualificationKind().withoutEmployer() ? Payee.MEMBER_ACCOUNT
				: payment;
	}

	public boolean inWindow(LocalDate vaccinatedOn) {
		return !vaccinatedOn.isBefore(vaccinationFrom) && !vaccinatedOn.isAfter(vaccinationUntil);
	}

	/** Applications are taken from the window's first day to the deadline. */
	public boolean openOn(LocalDate today) {
		return !today.isBefore(vaccinationFrom) && !today.isAfter(applyUntil);
	}

	/** Doses the person may claim: two for a child under 13 where the kenpo allows it, else one. */
	public int maxDoses(Member person, LocalDate vaccinatedOn) {
		return childSecondDose && age(person, vaccinatedOn) < SECOND_DOSE_UNDER ? 2 : 1;
	}

	public int cap(Member person) {
		return person.insured() ? capInsured : capDependent;
	}

	/**
	 * What the rules pay for the person's cost (all doses together): the cap per dose, the actual
	 * cost (or the cost less the self-pay per dose) when lower, never below 0.
	 */
	public int subsidy(Member person, LocalDate vaccinatedOn, int cost, int doses) {
		int counted = Math.max(1, Math.min(doses, maxDoses(person, vaccinatedOn)));
		int limit = cap(person) * counted;
		int due = amountRule == AmountRule.CAP ? cost : cost - selfPay * counted;
		return Math.max(0, Math.min(due, limit));
	}

	/** 年度 of a day: April to March. */
	public static int fiscalYearOf(LocalDate day) {
		return day.getMonthValue() >= 4 ? day.getYear() : day.getYear() - 1;
	}

	static int age(Member person, LocalDate on) {
		return Period.between(person.birthDate(), on).getYears();
	}
}
