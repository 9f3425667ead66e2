package jp.kenpoportal.medical.deduction;

import java.util.List;

/**
 * What the NTA 医療費集計フォーム (ver. 3.1, the Excel file 確定申告書等作成コーナー reads) asks of
 * each row, shared by the .xlsx and the CSV so that both carry the same values.
 */
final class DeductionForm {

	static final String PATIENT = "医療を受けた人";

	static final String PAYEE = "病院・薬局などの名称";

	static final String PAID = "支払った医療費の金額";

	static final String REIMBURSED = "左のうち、補填される金額";

	static final String PAID_ON = "支払年月日";

	/** Columns B to J of the form, in order; the CSV header is the same line. */
	static final List<String> TITLES = List.of(PATIENT, PAYEE, DeductionCategory.TREATMENT.title(),
			DeductionCategory.MEDICINE.title(), DeductionCategory.CARE_SERVICE.title(), DeductionCategory.OTHER.title(),
			PAID, REIMBURSED, PAID_ON);

	/** The value the form's 区分 columns take (its drop-down offers only this). */
	static final String APPLIES = "該当する";

	/*
	 * The form asks for 「全角10文字」 and 「全角20文字」. We found nothing saying a half-width character
	 * counts as half, so we count characters (code points, so a surrogate pair is one).
	 */
	static final int PATIENT_LENGTH = 10;

	static final int PAYEE_LENGTH = 20;

	private DeductionForm() {
	}

	static String patient(DeductionRow row) {
		return cut(row.patientName(), PATIENT_LENGTH);
	}

	static String payee(DeductionRow row) {
		return cut(row.payeeName(), PAYEE_LENGTH);
	}

	/** Cut rather than refuse: a long clinic name must not cost a member the whole download. */
	static String cut(String name, int length) {
		String trimmed = name.strip();
		if (trimmed.codePointCount(0, trimmed.length()) <= length) {
			return trimmed;
		}
		return trimmed.substring(0, trimmed.offsetByCodePoints(0, length)).stripTrailing();
	}

	/**
	 * Whether a spreadsheet would take the text for a formula (OWASP, CSV injection): provider names
	 * come from a kenpo's core system, not from us.
	 */
	static boolean looksLikeFormula(String text) {
		if (text.isEmpty()) {
			return false;
		}
		char first = text.charAt(0);
		return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
	}

	/**
	 * A payment outside the year does not belong in that year's deduction; a caller passing one has a
	 * bug we would rather see than file with the tax office.
	 */
	static void checkYear(int year, List<DeductionRow> rows) {
		for (int i = 0; i < rows.size(); i++) {
			DeductionRow row = rows.get(i);
			if (row.paidOn() != null && row.paidOn().getYear() != year) {
				throw new IllegalArgumentException(
						"row " + (i + 1) + " was paid on " + row.paidOn() + ", outside " + year);
			}
		}
	}

	static long totalPaid(List<DeductionRow> rows) {
		return rows.stream().mapToLong(DeductionRow::paidAmount).reduce(0, Math::addExact);
	}

	static long totalReimbursed(List<DeductionRow> rows) {
		return rows.stream().mapToLong(DeductionRow::reimbursedAmount).reduce(0, Math::addExact);
	}
}
