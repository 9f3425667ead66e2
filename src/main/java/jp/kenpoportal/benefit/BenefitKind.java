package jp.kenpoportal.benefit;

/**
 * 給付の種類 of a 現金給付. {@code reimbursesMedicalExpenses}: whether the National Tax Agency
 * counts it as 補填 (医療費を補填する金額) that a medical expense deduction must net against the
 * claims it paid for (国税庁 No.1120: 高額療養費, 付加給付, 出産育児一時金 …); 傷病手当金 and
 * 出産手当金 replace income and are not 補填. 療養費 reimburses costs the member paid in full
 * outside the claims data, so there is no claim line here to net it against.
 */
public enum BenefitKind {

	HIGH_COST(true, true),
	ADDITIONAL(true, true),
	COPAY_REFUND(true, true),
	FAMILY_ADDITIONAL(true, true),
	MEDICAL_REIMBURSEMENT(false, true),
	SICKNESS_ALLOWANCE(false, false),
	MATERNITY_ALLOWANCE(false, false),
	CHILDBIRTH_LUMP_SUM(true, true),
	FAMILY_CHILDBIRTH_LUMP_SUM(true, true),
	BURIAL(false, false);

	private final boolean reimbursesClaims;

	private final boolean perServiceMonth;

	BenefitKind(boolean reimbursesClaims, boolean perServiceMonth) {
		this.reimbursesClaims = reimbursesClaims;
		this.perServiceMonth = perServiceMonth;
	}

	/** 補填 that is netted against the claim lines of its person and 診療年月. */
	public boolean reimbursesClaims() {
		return reimbursesClaims;
	}

	/** Decided per 診療年月 (otherwise per 対象期間 or per event). */
	public boolean perServiceMonth() {
		return perServiceMonth;
	}

	/** Message key of its name. */
	public String messageKey() {
		return "benefit.kind." + name();
	}
}
