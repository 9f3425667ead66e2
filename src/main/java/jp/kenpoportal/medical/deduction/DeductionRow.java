package jp.kenpoportal.medical.deduction;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One row of the form. Amounts in yen. paidOn may be null (J left blank). Names are kept whole
 * here; the writers cut them to what the form takes.
 */
public record DeductionRow(String patientName, String payeeName, DeductionCategory category,
		long paidAmount, long reimbursedAmount, LocalDate paidOn) {

	public DeductionRow {
		if (patientName == null || patientName.isBlank()) {
			throw new IllegalArgumentException("patientName must not be blank");
		}
		if (payeeName == null || payeeName.isBlank()) {
			throw new IllegalArgumentException("payeeName must not be blank");
		}
		Objects.requireNonNull(category, "category");
		if (paidAmount < 0 || reimbursedAmount < 0) {
			throw new IllegalArgumentException("amounts must not be negative: " + paidAmount + ", " + reimbursedAmount);
		}
		// The form deducts I from H; more reimbursed than paid would make a negative expense.
		if (reimbursedAmount > paidAmount) {
			throw new IllegalArgumentException(
					"reimbursedAmount " + reimbursedAmount + " exceeds paidAmount " + paidAmount);
		}
	}
}
