package jp.kenpoportal.flu;

import java.time.LocalDate;

import jp.kenpoportal.benefit.Payee;
import jp.kenpoportal.member.Member;
import jp.kenpoportal.member.QualificationKind;
import jp.kenpoportal.member.Sex;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The rule rows of DOMAIN.md §5 that the demo kenpo use, and the other variants the season covers. */
class FluSeasonTest {

	private static final LocalDate OCT_15 = LocalDate.of(2026, 10, 15);

	/** さくら (大和 style): ¥4,000 per person, actual cost if less, one application per household. */
	private static final FluSeason CAP = season(AmountRule.CAP, 4000, 4000, 0, false, true, true, null, null);

	/** あおば (卸 style): ¥1,500 per shot, children under 13 up to two shots. */
	private static final FluSeason PER_SHOT = season(AmountRule.CAP, 1500, 1500, 0, true, true, true, null, null);

	/** つばき (KS + 帝石 style): cost minus ¥1,000, at most ¥2,000, aged 15 and over. */
	private static final FluSeason SELF_PAY = season(AmountRule.COST_MINUS_SELF_PAY, 2000, 2000, 1000, false, true,
			true, 15, null);

	/** 農林: ¥3,000 for the insured, ¥2,000 for dependants. */
	private static final FluSeason BY_KIND = season(AmountRule.CAP, 3000, 2000, 0, false, true, true, null, null);

	/** 東京ドーム: insured (and 任意継続) only. */
	private static final FluSeason INSURED_ONLY = season(AmountRule.CAP, 3500, 3500, 0, false, true, false, null, null);

	@Test
	void whenTheCostIsBelowTheCapThenTheCostIsPaidElseTheCap() {
		assertThat(CAP.subsidy(insured(1980), OCT_15, 3300, 1)).isEqualTo(3300);
		assertThat(CAP.subsidy(insured(1980), OCT_15, 5500, 1)).isEqualTo(4000);
	}

	@Test
	void whenTwoDosesAreClaimedWithoutTheChildRuleThenOneCapIsPaid() {
		assertThat(CAP.maxDoses(dependent(2018), OCT_15)).isEqualTo(1);
		assertThat(CAP.subsidy(dependent(2018), OCT_15, 8000, 2)).isEqualTo(4000);
	}

	@Test
	void whenAChildUnder13HadTwoShotsThenTwoCapsArePaidAnOlderChildOne() {
		assertThat(PER_SHOT.maxDoses(dependent(2015), OCT_15)).isEqualTo(2);
		assertThat(PER_SHOT.subsidy(dependent(2015), OCT_15, 7000, 2)).isEqualTo(3000);
		assertThat(PER_SHOT.subsidy(dependent(2015), OCT_15, 2500, 2)).isEqualTo(2500);
		Member thirteen = dependent(LocalDate.of(2013, 10, 15));
		assertThat(PER_SHOT.maxDoses(thirteen, OCT_15)).isEqualTo(1);
		assertThat(PER_SHOT.subsidy(thirteen, OCT_15, 7000, 2)).isEqualTo(1500);
		Member twelve = dependent(LocalDate.of(2013, 10, 16));
		assertThat(PER_SHOT.maxDoses(twelve, OCT_15)).isEqualTo(2);
	}

	@Test
	void whenTheRuleIsCostMinusSelfPayThenTheSelfPayIsDeductedUpToTheCap() {
		assertThat(SELF_PAY.subsidy(insured(1980), OCT_15, 2500, 1)).isEqualTo(1500);
		assertThat(SELF_PAY.subsidy(insured(1980), OCT_15, 4500, 1)).isEqualTo(2000);
		assertThat(SELF_PAY.subsidy(insured(1980), OCT_15, 800, 1)).isZero();
	}

	@Test
	void whenTheCapDiffersByKindThenInsuredAndDependantGetTheirOwn() {
		assertThat(BY_KIND.subsidy(insured(1980), OCT_15, 5000, 1)).isEqualTo(3000);
		assertThat(BY_KIND.subsidy(dependent(1982), OCT_15, 5000, 1)).isEqualTo(2000);
	}

	@Test
	void whenTheKenpoCoversInsuredOnlyThenADependantIsNotCovered() {
		assertThat(INSURED_ONLY.ineligible(insured(1980), OCT_15)).isEmpty();
		assertThat(INSURED_ONLY.ineligible(dependent(1982), OCT_15)).contains(Ineligible.NOT_COVERED);
	}

	@Test
	void whenBelowTheMinimumAgeOnTheVaccinationDateThenTooYoung() {
		assertThat(SELF_PAY.ineligible(dependent(2015), OCT_15)).contains(Ineligible.TOO_YOUNG);
		Member fifteenOnTheDay = dependent(LocalDate.of(2011, 10, 15));
		assertThat(SELF_PAY.ineligible(fifteenOnTheDay, OCT_15)).isEmpty();
		assertThat(SELF_PAY.ineligible(fifteenOnTheDay, OCT_15.minusDays(1))).contains(Ineligible.TOO_YOUNG);
		// turns 15 during the season: may be picked, judged on the date given
		assertThat(SELF_PAY.ineligibleInSeason(fifteenOnTheDay, LocalDate.of(2026, 12, 3))).isEmpty();
	}

	@Test
	void whenNotQualifiedOnTheVaccinationDateThenNotQualified() {
		Member lost = new Member(1, 1, "10", "1234", "00", "喪失 太郎", "ソウシツ タロウ", LocalDate.of(1980, 1, 1), Sex.MALE,
				"本人", LocalDate.of(2018, 4, 1), LocalDate.of(2026, 11, 1));
		assertThat(CAP.ineligible(lost, LocalDate.of(2026, 10, 31))).isEmpty();
		assertThat(CAP.ineligible(lost, LocalDate.of(2026, 11, 1))).contains(Ineligible.NOT_QUALIFIED);
	}

	@Test
	void whenTheKenpoCoversInsuredAndContinuedButNoDependantsThenAContinuedInsuredIsCoveredTheirFamilyNot() {
		// 東京ドーム: 被保険者 and 任意継続 only
		FluSeason tokyoDome = withContinued(INSURED_ONLY, true);
		assertThat(tokyoDome.ineligible(continued(insured(1966)), OCT_15)).isEmpty();
		assertThat(tokyoDome.ineligible(continued(dependent(2016)), OCT_15)).contains(Ineligible.NOT_COVERED);
		assertThat(tokyoDome.ineligible(insured(1980), OCT_15)).isEmpty();
	}

	@Test
	void whenTheKenpoCoversEveryoneThenContinuedHouseholdsAreCoveredLikeOthers() {
		// NEC: 被保険者, 被扶養者, 任意継続
		FluSeason nec = withContinued(CAP, true);
		assertThat(nec.ineligible(continued(insured(1966)), OCT_15)).isEmpty();
		assertThat(nec.ineligible(continued(dependent(2016)), OCT_15)).isEmpty();
		assertThat(nec.ineligible(retiree(insured(1950)), OCT_15)).isEmpty();
		assertThat(nec.cap(continued(insured(1966)))).isEqualTo(4000);
	}

	@Test
	void whenTheKenpoExcludesContinuedThenContinuedAndTheirFamilyAreRefusedWithTheirOwnReasonOthersNot() {
		// 大和: 任継・特退 apply on paper, not on the web
		FluSeason daiwa = withContinued(CAP, false);
		assertThat(daiwa.ineligible(continued(insured(1966)), OCT_15)).contains(Ineligible.CONTINUED_NOT_COVERED);
		assertThat(daiwa.ineligible(continued(dependent(2016)), OCT_15)).contains(Ineligible.CONTINUED_NOT_COVERED);
		assertThat(daiwa.ineligible(retiree(insured(1950)), OCT_15)).contains(Ineligible.CONTINUED_NOT_COVERED);
		assertThat(daiwa.ineligible(insured(1980), OCT_15)).isEmpty();
		assertThat(daiwa.ineligible(dependent(2016), OCT_15)).isEmpty();
	}

	@Test
	void whenOnlyContinuedIsCoveredThenAnOrdinaryInsuredIsNot() {
		FluSeason continuedOnly = new FluSeason(0, 0, 2026, LocalDate.of(2026, 10, 1), LocalDate.of(2027, 1, 31),
				LocalDate.of(2027, 2, 28), false, false, null, null, AmountRule.CAP, 3000, 3000, 0, false, false,
				Payee.MEMBER_ACCOUNT, false, true);
		assertThat(continuedOnly.ineligible(continued(insured(1966)), OCT_15)).isEmpty();
		assertThat(continuedOnly.ineligible(insured(1980), OCT_15)).contains(Ineligible.NOT_COVERED);
		assertThat(continuedOnly.ineligible(continued(dependent(2016)), OCT_15)).contains(Ineligible.NOT_COVERED);
	}

	@Test
	void whenTheKenpoPaysThroughEmployersThenAContinuedOrRetireeHouseholdIsPaidToItsOwnAccount() {
		// 中部電力, Yuasa, KS: employer pays, 任継 direct
		FluSeason viaEmployer = withPayment(CAP, Payee.EMPLOYER);
		assertThat(viaEmployer.payeeFor(insured(1980))).isEqualTo(Payee.EMPLOYER);
		assertThat(viaEmployer.payeeFor(continued(insured(1966)))).isEqualTo(Payee.MEMBER_ACCOUNT);
		assertThat(viaEmployer.payeeFor(retiree(insured(1950)))).isEqualTo(Payee.MEMBER_ACCOUNT);
		assertThat(CAP.payeeFor(continued(insured(1966)))).isEqualTo(Payee.MEMBER_ACCOUNT);
		assertThat(CAP.payeeFor(insured(1980))).isEqualTo(Payee.MEMBER_ACCOUNT);
	}

	@Test
	void theWindowAndTheDeadlineAreInclusive() {
		assertThat(CAP.inWindow(LocalDate.of(2026, 10, 1))).isTrue();
		assertThat(CAP.inWindow(LocalDate.of(2027, 1, 31))).isTrue();
		assertThat(CAP.inWindow(LocalDate.of(2026, 9, 30))).isFalse();
		assertThat(CAP.inWindow(LocalDate.of(2027, 2, 1))).isFalse();
		assertThat(CAP.openOn(LocalDate.of(2027, 2, 28))).isTrue();
		assertThat(CAP.openOn(LocalDate.of(2027, 3, 1))).isFalse();
		assertThat(FluSeason.fiscalYearOf(LocalDate.of(2027, 2, 1))).isEqualTo(2026);
	}

	static FluSeason season(AmountRule rule, int capInsured, int capDependent, int selfPay, boolean childSecondDose,
			boolean insured, boolean dependent, Integer minAge, Integer maxAge) {
		return new FluSeason(0, 0, 2026, LocalDate.of(2026, 10, 1), LocalDate.of(2027, 1, 31), LocalDate.of(2027, 2, 28),
				insured, dependent, minAge, maxAge, rule, capInsured, capDependent, selfPay, childSecondDose, true,
				Payee.MEMBER_ACCOUNT, false);
	}

	private static FluSeason withContinued(FluSeason s, boolean continued) {
		return new FluSeason(s.id(), s.kenpoId(), s.fiscalYear(), s.vaccinationFrom(), s.vaccinationUntil(), s.applyUntil(),
				s.insuredEligible(), s.dependentEligible(), s.minAge(), s.maxAge(), s.amountRule(), s.capInsured(),
				s.capDependent(), s.selfPay(), s.childSecondDose(), s.perHousehold(), s.payment(), s.fourEyes(), continued);
	}

	private static FluSeason withPayment(FluSeason s, Payee payment) {
		return new FluSeason(s.id(), s.kenpoId(), s.fiscalYear(), s.vaccinationFrom(), s.vaccinationUntil(), s.applyUntil(),
				s.insuredEligible(), s.dependentEligible(), s.minAge(), s.maxAge(), s.amountRule(), s.capInsured(),
				s.capDependent(), s.selfPay(), s.childSecondDose(), s.perHousehold(), payment, s.fourEyes(),
				s.continuedEligible());
	}

	private static Member continued(Member m) {
		return as(m, QualificationKind.CONTINUED);
	}

	private static Member retiree(Member m) {
		return as(m, QualificationKind.SPECIAL_RETIREE);
	}

	private static Member as(Member m, QualificationKind kind) {
		return new Member(m.id(), m.kenpoId(), m.symbol(), m.number(), m.branch(), m.name(), m.nameKana(), m.birthDate(),
				m.sex(), m.relationship(), m.acquiredOn(), m.lostOn(), m.burdenRatio(), m.hiddenFromHousehold(), null, null,
				kind);
	}

	private static Member insured(int year) {
		return person("00", LocalDate.of(year, 5, 5));
	}

	private static Member dependent(int year) {
		return person("01", LocalDate.of(year, 5, 5));
	}

	private static Member dependent(LocalDate born) {
		return person("02", born);
	}

	private static Member person(String branch, LocalDate born) {
		return new Member(1, 1, "10", "1234", branch, "試験", "シケン", born, Sex.MALE, "本人", born, null);
	}
}
