package jp.kenpoportal.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

import jp.kenpoportal.benefit.BenefitDecisions;
import jp.kenpoportal.benefit.BenefitKind;
import jp.kenpoportal.benefit.NewDecision;
import jp.kenpoportal.benefit.Payee;
import jp.kenpoportal.medical.ClaimCategory;
import jp.kenpoportal.medical.MedicalExpenses;
import jp.kenpoportal.medical.NewClaim;
import jp.kenpoportal.support.TestMembers.TestMember;

/** Claims and benefit decisions for a test household, recorded through the modules' own APIs. */
public class ServiceData {

	private final MedicalExpenses medical;

	private final BenefitDecisions benefits;

	private final Clock clock;

	ServiceData(MedicalExpenses medical, BenefitDecisions benefits, Clock clock) {
		this.medical = medical;
		this.benefits = benefits;
		this.clock = clock;
	}

	/** A moment that has passed: the data is visible. */
	public Instant published() {
		return clock.instant().minus(Duration.ofDays(1));
	}

	/** A moment still to come: the data is not visible yet. */
	public Instant notYetPublished() {
		return clock.instant().plus(Duration.ofDays(7));
	}

	/**
	 * A year the tests know by heart, all published: 3月 テスト内科クリニック 10,000円 (3,000) and
	 * テスト薬局 4,000円 (1,200) for the insured; 5月 テスト歯科 8,000円 (2,400) for 01 and
	 * テストこどもクリニック 5,000円 (1,000) for 02; 7月 a stay at テスト総合病院 600,000円 (180,000)
	 * for 01. Totals 627,000円, paid 187,600円.
	 */
	public void typicalYear(TestMember household, int year) {
		claim(household, "00", YearMonth.of(year, 3), ClaimCategory.OUTPATIENT, "テスト内科クリニック", 10_000, 3_000,
				published());
		claim(household, "00", YearMonth.of(year, 3), ClaimCategory.PHARMACY, "テスト薬局", 4_000, 1_200, published());
		claim(household, "01", YearMonth.of(year, 5), ClaimCategory.DENTAL, "テスト歯科", 8_000, 2_400, published());
		claim(household, "02", YearMonth.of(year, 5), ClaimCategory.OUTPATIENT, "テストこどもクリニック", 5_000, 1_000,
				published());
		claim(household, "01", YearMonth.of(year, 7), ClaimCategory.INPATIENT, "テスト総合病院", 600_000, 180_000,
				published());
	}

	/** A claim whose insurer share is the total less the patient's. */
	public long claim(TestMember household, String branch, YearMonth month, ClaimCategory category, String provider,
			long total, long patientPaid, Instant publishedAt) {
		return medical.record(household.kenpo().id(), household.person(branch).id(),
				new NewClaim(month, category, provider, 2, total, total - patientPaid, patientPaid, publishedAt));
	}

	public long decision(TestMember household, String branch, BenefitKind kind, YearMonth month, String provider,
			long amount, Instant publishedAt) {
		LocalDate decided = LocalDate.ofInstant(publishedAt, java.time.ZoneId.of("Asia/Tokyo"));
		return benefits.record(household.kenpo().id(), household.person(branch).id(),
				new NewDecision("T-" + System.nanoTime(), kind, month, null, null, provider, decided, amount,
						decided.plusDays(14), Payee.MEMBER_ACCOUNT, "テスト銀行 本店", "6789", publishedAt));
	}

	/**
	 * A decision as the kenpo delivers it in full: paid to the hospital directly too, for a cost
	 * outside the claims, or for several persons' claims (世帯合算, by 枝番).
	 */
	public long decision(TestMember household, String branch, BenefitKind kind, YearMonth month, String provider,
			long amount, long directPayment, Long cost, java.util.List<String> coveredBranches) {
		Instant publishedAt = published();
		LocalDate decided = LocalDate.ofInstant(publishedAt, java.time.ZoneId.of("Asia/Tokyo"));
		java.util.List<Long> covered = coveredBranches.stream().map(b -> household.person(b).id()).toList();
		return benefits.record(household.kenpo().id(), household.person(branch).id(),
				new NewDecision("T-" + System.nanoTime(), kind, month, null, null, provider, decided, amount,
						decided.plusDays(14), Payee.MEMBER_ACCOUNT, "テスト銀行 本店", "6789", publishedAt, directPayment,
						cost, covered));
	}

	public long periodDecision(TestMember household, String branch, BenefitKind kind, LocalDate from, LocalDate to,
			long amount, Instant publishedAt) {
		LocalDate decided = LocalDate.ofInstant(publishedAt, java.time.ZoneId.of("Asia/Tokyo"));
		return benefits.record(household.kenpo().id(), household.person(branch).id(),
				new NewDecision("T-" + System.nanoTime(), kind, null, from, to, null, decided, amount, decided.plusDays(14),
						Payee.EMPLOYER, null, null, publishedAt));
	}
}
