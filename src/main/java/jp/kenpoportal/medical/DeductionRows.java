package jp.kenpoportal.medical;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jp.kenpoportal.benefit.BenefitDecision;
import jp.kenpoportal.medical.deduction.DeductionCategory;
import jp.kenpoportal.medical.deduction.DeductionRow;
import jp.kenpoportal.medical.deduction.DeductionWorkbook;
import jp.kenpoportal.member.Household;

/**
 * The rows of the tax-deduction data: one per claim line, the 窓口負担相当額 as paid, and the
 * 補填 of each reimbursing benefit netted against the claims of its person and 診療年月 (of its
 * provider, when the decision names one). The NTA nets a 補填 only against the expense it paid
 * for, up to that expense: what is left over reduces nothing else (国税庁 No.1120).
 */
final class DeductionRows {

	private DeductionRows() {
	}

	static List<DeductionRow> of(Household household, List<MedicalClaim> claims, List<BenefitDecision> reimbursements) {
		long[] reimbursed = new long[claims.size()];
		for (BenefitDecision decision : reimbursements) {
			net(decision, claims, reimbursed);
		}
		List<DeductionRow> rows = new ArrayList<>();
		for (int i = 0; i < claims.size(); i++) {
			MedicalClaim c = claims.get(i);
			String patient = household.byId(c.memberId()).orElseThrow().name();
			rows.add(new DeductionRow(patient, c.providerName(),
					c.category().medicine() ? DeductionCategory.MEDICINE : DeductionCategory.TREATMENT, c.patientPaid(),
					reimbursed[i], paidOn(c.serviceMonth())));
		}
		return rows.size() <= DeductionWorkbook.MAX_ROWS ? rows : perPayee(rows);
	}

	/**
	 * The form takes a limited number of rows; the NTA lets one row sum a person's payments to
	 * one payee, so a household with more lines than that gets one row per person, payee and
	 * 区分 (without a date, which would no longer be one day).
	 */
	static List<DeductionRow> perPayee(List<DeductionRow> rows) {
		java.util.Map<List<Object>, DeductionRow> sums = new java.util.LinkedHashMap<>();
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

	/** Spreads one decision's amount over its claims, largest payment first, each up to what was paid. */
	private static void net(BenefitDecision decision, List<MedicalClaim> claims, long[] reimbursed) {
		List<Integer> targets = new ArrayList<>();
		for (int i = 0; i < claims.size(); i++) {
			MedicalClaim c = claims.get(i);
			if (c.memberId() == decision.memberId() && c.serviceMonth().equals(decision.serviceMonth())
					&& (decision.providerName() == null || decision.providerName().equals(c.providerName()))) {
				targets.add(i);
			}
		}
		targets.sort(Comparator.comparingLong((Integer i) -> claims.get(i).patientPaid()).reversed());
		long left = decision.amount();
		for (int i : targets) {
			long room = claims.get(i).patientPaid() - reimbursed[i];
			long take = Math.min(room, left);
			reimbursed[i] += take;
			left -= take;
		}
	}

	/**
	 * 支払年月日: claims name the month of treatment, not the day of payment; the last day of
	 * that month is the date the page explains and the form accepts.
	 */
	private static java.time.LocalDate paidOn(YearMonth month) {
		return month.atEndOfMonth();
	}
}
