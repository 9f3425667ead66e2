package jp.kenpoportal.benefit;

/**
 * 給付の種類 of a 現金給付. {@code reimbursesClaims}: whether the National Tax Agency counts it as
 * 補填 (医療費を補填する金額) that a medical expense deduction must subtract from the costs it paid
 * for (国税庁 No.1120: 高額療養費, 付加給付, 出産育児一時金, 療養費 …); 傷病手当金 and 出産手当金
 * replace income and are not 補填, nor is 埋葬料. 療養費 reimburses costs the member paid in full,
 * often outside the claims data: its decision then carries the 費用額 it reimbursed.
 */
public enum BenefitKind {

	HIGH_COST(true, true),
	ADDITIONAL(true, true),
	COPAY_REFUND(true, true),
	FAMILY_ADDITIONAL(true, true),
	MEDICAL_REIMBURSEMENT(true, true),
	SICKNESS_ALLOWANCE(false, false),
	MATERNITY_ALLOWANCE(false, false),
	CHILDBIRTH_LUMP_SUM(true, true),
	FAMILY_CHILDBIRTH_LUMP_SUM(true, true),
	BURIAL(false, false),
	/** インフルエンザ予防接種補助 (flu module, issue 12): a 保健事業 subsidy, not a medical cost's 補填. */
	FLU_SUBSIDY(false, false);

	private final boolean reimbursesClaims;

	private final boolean perServiceMonth;

	BenefitKind(boolean reimbursesClaims, boolean perServiceMonth) {
		this.reimbursesClaims = reimbursesClaims;
		this.perServiceMonth = perServiceMonth;
	}

	/** 補填: subtracted in the tax data from the medical costs it paid for. */
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
