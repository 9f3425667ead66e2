package jp.kenpoportal.medical;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import jp.kenpoportal.benefit.BenefitDecision;
import jp.kenpoportal.benefit.BenefitKind;
import jp.kenpoportal.benefit.Payee;
import jp.kenpoportal.medical.deduction.DeductionCategory;
import jp.kenpoportal.medical.deduction.DeductionRow;
import jp.kenpoportal.member.Household;
import jp.kenpoportal.member.Member;
import jp.kenpoportal.member.Sex;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The sums and rules behind the 医療費 pages, without a database. */
class MedicalCalculationsTest {

	private static final YearMonth MAY = YearMonth.of(2025, 5);

	private final Member insured = person(1, "00", "山田 太郎");

	private final Member child = person(2, "01", "山田 一郎");

	private final Household household = new Household(1, "10", "1234", List.of(insured, child));

	@Test
	void whenReimbursementIsLargerThanThePaymentThenOnlyThePaymentIsNetted() {
		List<MedicalClaim> claims = List.of(claim(1, MAY, ClaimCategory.INPATIENT, "病院", 90_000),
				claim(1, MAY, ClaimCategory.PHARMACY, "薬局", 6_000), claim(2, MAY, ClaimCategory.OUTPATIENT, "小児科", 2_000));
		List<DeductionRow> rows = DeductionRows.of(household, claims,
				List.of(decision(1, BenefitKind.HIGH_COST, MAY, null, 120_000)));

		assertThat(rows).extracting(DeductionRow::reimbursedAmount).containsExactly(90_000L, 6_000L, 0L);
		assertThat(rows).extracting(DeductionRow::category)
			.containsExactly(DeductionCategory.TREATMENT, DeductionCategory.MEDICINE, DeductionCategory.TREATMENT);
		assertThat(rows.get(0).paidOn()).isEqualTo(LocalDate.of(2025, 5, 31));
	}

	@Test
	void whenADecisionNamesAProviderThenOnlyThatProvidersClaimsAreNetted() {
		List<MedicalClaim> claims = List.of(claim(1, MAY, ClaimCategory.INPATIENT, "病院", 90_000),
				claim(1, MAY, ClaimCategory.OUTPATIENT, "内科", 3_000));
		List<DeductionRow> rows = DeductionRows.of(household, claims,
				List.of(decision(1, BenefitKind.HIGH_COST, MAY, "病院", 50_000),
						decision(1, BenefitKind.COPAY_REFUND, MAY, "病院", 45_000)));

		assertThat(rows).extracting(DeductionRow::reimbursedAmount).containsExactly(90_000L, 0L);
	}

	@Test
	void whenACombinedBenefitCoversSomeoneTheHouseholdDoesNotSeeThenTheyKeepTheirShareAndMakeNoRow() {
		MedicalClaim mine = claim(1, MAY, ClaimCategory.INPATIENT, "病院", 50_000);
		MedicalClaim unseen = claim(3, MAY, ClaimCategory.OUTPATIENT, "別の病院", 50_000);
		List<DeductionRow> rows = DeductionRows.of(household, List.of(mine), List.of(combined(40_000, 1L, 3L)),
				List.of(unseen));

		assertThat(rows).extracting(DeductionRow::patientName, DeductionRow::reimbursedAmount)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("山田 太郎", 20_000L));
	}

	@Test
	void whenAnAmountIsSharedThenTheYenAddUpAndAShareAClaimCannotTakeGoesToTheOthers() {
		List<MedicalClaim> three = List.of(claim(1, MAY, ClaimCategory.OUTPATIENT, "甲", 1_000),
				claim(1, MAY, ClaimCategory.OUTPATIENT, "乙", 1_000), claim(2, MAY, ClaimCategory.OUTPATIENT, "丙", 1_000));
		long[] reimbursed = new long[3];
		DeductionRows.share(100, List.of(0, 1, 2), three, reimbursed);
		assertThat(reimbursed).containsExactly(34, 33, 33);

		List<MedicalClaim> two = List.of(claim(1, MAY, ClaimCategory.OUTPATIENT, "甲", 10),
				claim(2, MAY, ClaimCategory.OUTPATIENT, "乙", 1_000));
		long[] partly = { 9, 0 };
		DeductionRows.share(500, List.of(0, 1), two, partly);
		assertThat(partly).containsExactly(10, 499);
	}

	@Test
	void whenAMedicalReimbursementNamesItsCostThenItIsARowOfItsOwnWithTheBenefitSubtracted() {
		BenefitDecision glasses = new BenefitDecision(0, 2, "D", BenefitKind.MEDICAL_REIMBURSEMENT, MAY, null, null,
				"眼鏡店", MAY.atEndOfMonth(), 16_800, MAY.atEndOfMonth(), Payee.EMPLOYER, null, null, Instant.EPOCH, 0,
				24_000L, List.of());
		BenefitDecision birth = new BenefitDecision(0, 1, "D", BenefitKind.CHILDBIRTH_LUMP_SUM, MAY, null, null, "産院",
				MAY.atEndOfMonth(), 38_400, MAY.atEndOfMonth(), Payee.EMPLOYER, null, null, Instant.EPOCH, 461_600, null,
				List.of());
		List<DeductionRow> rows = DeductionRows.of(household, List.of(claim(1, MAY, ClaimCategory.INPATIENT, "産院", 90_000)),
				List.of(glasses, birth));

		assertThat(BenefitKind.MEDICAL_REIMBURSEMENT.reimbursesClaims()).isTrue();
		assertThat(rows).extracting(DeductionRow::patientName, DeductionRow::payeeName, DeductionRow::paidAmount,
				DeductionRow::reimbursedAmount)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("山田 太郎", "産院", 90_000L, 90_000L),
					org.assertj.core.groups.Tuple.tuple("山田 一郎", "眼鏡店", 24_000L, 16_800L));
	}

	@Test
	void whenTheRowsExceedTheFormThenTheyAreSummedPerPersonAndPayee() {
		List<DeductionRow> many = new java.util.ArrayList<>();
		for (int i = 0; i < 1_000; i++) {
			many.add(new DeductionRow("山田 太郎", i % 2 == 0 ? "内科" : "薬局",
					i % 2 == 0 ? DeductionCategory.TREATMENT : DeductionCategory.MEDICINE, 100, 10, LocalDate.of(2025, 1, 31)));
		}
		List<DeductionRow> summed = DeductionRows.perPayee(many);

		assertThat(summed).hasSize(2);
		assertThat(summed.get(0).paidAmount()).isEqualTo(50_000);
		assertThat(summed.get(0).reimbursedAmount()).isEqualTo(5_000);
		assertThat(summed.get(0).paidOn()).isNull();
	}

	@Test
	void whenTheYearIsSummedThenMonthsPeopleAndHouseholdAddUp() {
		MedicalSummary summary = MedicalSummary.of(List.of(claim(1, MAY, ClaimCategory.OUTPATIENT, "内科", 3_000),
				claim(2, MAY, ClaimCategory.OUTPATIENT, "小児科", 2_000),
				claim(2, MAY.plusMonths(1), ClaimCategory.DENTAL, "歯科", 1_000)), household);

		assertThat(summary.total().patientPaid()).isEqualTo(6_000);
		assertThat(summary.total().totalCost()).isEqualTo(18_000);
		assertThat(summary.month(MAY).lines()).isEqualTo(2);
		assertThat(summary.people()).extracting(p -> p.person().name(), p -> p.totals().patientPaid())
			.containsExactly(org.assertj.core.groups.Tuple.tuple("山田 太郎", 3_000L),
					org.assertj.core.groups.Tuple.tuple("山田 一郎", 3_000L));
	}

	@Test
	void whenTheChartIsDrawnThenTheTallestBarReachesARoundScale() {
		assertThat(MonthlyChart.niceCeiling(0)).isZero();
		assertThat(MonthlyChart.niceCeiling(7)).isEqualTo(10);
		assertThat(MonthlyChart.niceCeiling(12_345)).isEqualTo(20_000);
		assertThat(MonthlyChart.niceCeiling(50_000)).isEqualTo(50_000);
		assertThat(MonthlyChart.niceCeiling(600_001)).isEqualTo(1_000_000);
		MonthlyChart chart = MonthlyChart.of(2025,
				MedicalSummary.of(List.of(claim(1, MAY, ClaimCategory.INPATIENT, "病院", 3_000)), household));
		assertThat(chart.bars()).hasSize(12);
		// 9,000円 on a 10,000円 scale: nine tenths of the drawing height
		assertThat(chart.max()).isEqualTo(10_000);
		assertThat(chart.bars().get(4).height()).isEqualTo(Math.round(0.9f * (MonthlyChart.BASELINE - MonthlyChart.TOP)));
		assertThat(chart.bars().get(0).height()).isZero();
	}

	@Test
	void whenTheNoticePeriodIsParsedThenOrderAndLengthAreChecked() {
		assertThat(NoticeForm.parse("2025-01", "2025-12").error()).isNull();
		assertThat(NoticeForm.parse("2025-01", "2026-01").error()).isEqualTo("medical.notice.error.tooLong");
		assertThat(NoticeForm.parse("2025-05", "2025-04").error()).isEqualTo("medical.notice.error.order");
		assertThat(NoticeForm.parse("2025-5", null).error()).isEqualTo("medical.notice.error.period");
		assertThat(NoticeForm.knownError("layout.skip")).isNull();
	}

	@Test
	void whenTheKenpoHasPublishedPartOfTheYearThenCoverageSaysWhatIsMissing() {
		Coverage partial = Coverage.of(2026, YearMonth.of(2026, 9));
		assertThat(partial.complete()).isFalse();
		assertThat(partial.firstMissing()).isEqualTo(YearMonth.of(2026, 10));
		assertThat(Coverage.of(2025, YearMonth.of(2026, 9)).complete()).isTrue();
		assertThat(Coverage.of(2027, YearMonth.of(2026, 9)).last()).isNull();
	}

	private static MedicalClaim claim(long memberId, YearMonth month, ClaimCategory category, String provider,
			long patientPaid) {
		return new MedicalClaim(0, memberId, month, category, provider, 1, patientPaid * 3, patientPaid * 2,
				patientPaid, Instant.EPOCH);
	}

	private static BenefitDecision decision(long memberId, BenefitKind kind, YearMonth month, String provider,
			long amount) {
		return new BenefitDecision(0, memberId, "D", kind, month, null, null, provider, month.atEndOfMonth(), amount,
				month.atEndOfMonth(), Payee.EMPLOYER, null, null, Instant.EPOCH);
	}

	private static BenefitDecision combined(long amount, Long... memberIds) {
		return new BenefitDecision(0, memberIds[0], "D", BenefitKind.HIGH_COST, MAY, null, null, null, MAY.atEndOfMonth(),
				amount, MAY.atEndOfMonth(), Payee.EMPLOYER, null, null, Instant.EPOCH, 0, null, List.of(memberIds));
	}

	private static Member person(long id, String branch, String name) {
		return new Member(id, 1, "10", "1234", branch, name, "ヤマダ", LocalDate.of(1980, 1, 1), Sex.MALE,
				branch.equals("00") ? "本人" : "子", LocalDate.of(2018, 4, 1), null);
	}
}
