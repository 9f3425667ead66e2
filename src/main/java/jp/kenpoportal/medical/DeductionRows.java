package jp.kenpoportal.medical;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.kenpoportal.benefit.BenefitDecision;
import jp.kenpoportal.medical.deduction.DeductionCategory;
import jp.kenpoportal.medical.deduction.DeductionRow;
import jp.kenpoportal.medical.deduction.DeductionWorkbook;
import jp.kenpoportal.member.Household;

/**
 * The rows of the tax-deduction data: one per claim line, the 窓口負担相当額 as paid, and the
 * 補填 of each reimbursing benefit subtracted from the claims it paid for (国税庁 No.1120):
 * <ul>
 * <li>a decision pays for the claims of its persons (one, or several for a 世帯合算
 * 高額療養費) in its 診療年月, of its provider when it names one;</li>
 * <li>its 補填 is its whole value, including what the kenpo paid straight to the hospital
 * (出産育児一時金 under 直接支払制度), shared over those claims in proportion to their
 * 自己負担 as the NTA's Q&A on 医療費控除 describes, each claim up to what was paid;
 * what is left over reduces nothing else;</li>
 * <li>a 療養費 for a cost outside the claims data (its 費用額 known) is a row of its own: that
 * cost, with the 療養費 as its 補填.</li>
 * </ul>
 * A 世帯合算 may cover a dependant the household does not see (世帯閲覧 opt-out): their claims
 * take their share of the 補填 but make no row.
 */
final class DeductionRows {

	private DeductionRows() {
	}

	static List<DeductionRow> of(Household household, List<MedicalClaim> claims, List<BenefitDecision> reimbursements) {
		return of(household, claims, reimbursements, List.of());
	}

	/**
	 * @param claims the household's claims: each makes a row
	 * @param unseen claims of persons a decision covers whom the household does not see: they
	 * only take their share
	 */
	static List<DeductionRow> of(Household household, List<MedicalClaim> claims, List<BenefitDecision> reimbursements,
			List<MedicalClaim> unseen) {
		List<MedicalClaim> all = new ArrayList<>(claims);
		all.addAll(unseen);
		long[] reimbursed = new long[all.size()];
		List<DeductionRow> rows = new ArrayList<>();
		for (BenefitDecision decision : reimbursements) {
			if (decision.cost() != null) {
				rows.add(costRow(household, decision));
			}
			else {
				share(decision.reimbursement(), targets(decision, all), all, reimbursed);
			}
		}
		List<DeductionRow> claimRows = new ArrayList<>();
		for (int i = 0; i < claims.size(); i++) {
			MedicalClaim c = claims.get(i);
			String patient = household.byId(c.memberId()).orElseThrow().name();
			claimRows.add(new DeductionRow(patient, c.providerName(),
					c.category().medicine() ? DeductionCategory.MEDICINE : DeductionCategory.TREATMENT, c.patientPaid(),
					reimbursed[i], paidOn(c.serviceMonth())));
		}
		claimRows.addAll(rows);
		return claimRows.size() <= DeductionWorkbook.MAX_ROWS ? claimRows : perPayee(claimRows);
	}

	/**
	 * The form takes a limited number of rows; the NTA lets one row sum a person's payments to
	 * one payee, so a household with more lines than that gets one row per person, payee and
	 * 区分 (without a date, which would no longer be one day).
	 */
	static List<DeductionRow> perPayee(List<DeductionRow> rows) {
		Map<List<Object>, DeductionRow> sums = new LinkedHashMap<>();
		for (DeductionRow r : rows) {
			sums.merge(List.of(r.patientName(), r.payeeName(), r.category()), r,
					(a, b) -> new DeductionRow(a.patientName(), a.payeeName(), a.category(),
							a.paidAmount() + b.paidAmount(), a.reimbursedAmount() + b.reimbursedAmount(), null));
		}
		return sums.values().stream()
			.map(r -> new DeductionRow(r.patientName(), r.payeeName(), r.category(), r.paidAmount(),
					r.reimbursedAmount(), null))
			.toList();
	}

	/** A 療養費 for a cost the member paid outside the claims: the cost, less the 療養費. */
	private static DeductionRow costRow(Household household, BenefitDecision decision) {
		String patient = household.byId(decision.memberId()).orElseThrow().name();
		String payee = decision.providerName() != null ? decision.providerName() : "療養費の対象となった費用";
		return new DeductionRow(patient, payee, DeductionCategory.TREATMENT, decision.cost(),
				Math.min(decision.reimbursement(), decision.cost()), paidOn(decision.serviceMonth()));
	}

	/** The claims a decision paid for: its persons', in its month, at its provider if it names one. */
	private static List<Integer> targets(BenefitDecision decision, List<MedicalClaim> claims) {
		List<Integer> targets = new ArrayList<>();
		for (int i = 0; i < claims.size(); i++) {
			MedicalClaim c = claims.get(i);
			if (decision.coveredMemberIds().contains(c.memberId()) && c.serviceMonth().equals(decision.serviceMonth())
					&& (decision.providerName() == null || decision.providerName().equals(c.providerName()))) {
				targets.add(i);
			}
		}
		return targets;
	}

	/**
	 * Shares an amount over the target claims in proportion to their 自己負担 (whole yen, the
	 * remainders to the largest fractions), each up to what is still unreimbursed of it; a share
	 * a claim cannot take goes round again to the claims with room.
	 */
	static void share(long amount, List<Integer> targets, List<MedicalClaim> claims, long[] reimbursed) {
		long left = amount;
		List<Integer> open = new ArrayList<>(targets);
		while (left > 0) {
			open.removeIf(i -> claims.get(i).patientPaid() - reimbursed[i] <= 0);
			if (open.isEmpty()) {
				return;
			}
			long weights = open.stream().mapToLong(i -> claims.get(i).patientPaid()).sum();
			long[] shares = new long[open.size()];
			long given = 0;
			for (int k = 0; k < open.size(); k++) {
				shares[k] = Math.multiplyExact(left, claims.get(open.get(k)).patientPaid()) / weights;
				given += shares[k];
			}
			List<Integer> byRemainder = new ArrayList<>();
			for (int k = 0; k < open.size(); k++) {
				byRemainder.add(k);
			}
			long rest = left;
			byRemainder.sort((a, b) -> Long.compare(remainder(rest, claims.get(open.get(b)).patientPaid(), weights),
					remainder(rest, claims.get(open.get(a)).patientPaid(), weights)));
			for (int k = 0; k < left - given; k++) {
				shares[byRemainder.get(k)]++;
			}
			long taken = 0;
			for (int k = 0; k < open.size(); k++) {
				int i = open.get(k);
				long take = Math.min(shares[k], claims.get(i).patientPaid() - reimbursed[i]);
				reimbursed[i] += take;
				taken += take;
			}
			left -= taken;
		}
	}

	private static long remainder(long amount, long weight, long weights) {
		return Math.multiplyExact(amount, weight) % weights;
	}

	/**
	 * 支払年月日: claims name the month of treatment, not the day of payment; the last day of
	 * that month is the date the page explains and the form accepts.
	 */
	private static LocalDate paidOn(YearMonth month) {
		return month.atEndOfMonth();
	}
}
