package jp.kenpoportal.medical;

/** 区分 of a claim line (レセプト): 医科入院, 医科外来, 歯科, 調剤, 訪問看護. */
public enum ClaimCategory {

	INPATIENT, OUTPATIENT, DENTAL, PHARMACY, HOME_NURSING;

	/** Message key of its name. */
	public String messageKey() {
		return "medical.category." + name();
	}

	/** Medicine dispensed by a pharmacy is 医薬品購入 on the tax form; everything else 診療・治療. */
	public boolean medicine() {
		return this == PHARMACY;
	}
}
