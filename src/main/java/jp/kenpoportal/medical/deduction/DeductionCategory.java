package jp.kenpoportal.medical.deduction;

/**
 * 区分 of the NTA form: D 診療・治療, E 医薬品購入, F 介護保険サービス, G その他の医療費. A row marks
 * exactly one of them with 「該当する」.
 */
public enum DeductionCategory {

	TREATMENT("診療・治療"), MEDICINE("医薬品購入"), CARE_SERVICE("介護保険サービス"), OTHER("その他の医療費");

	private final String title;

	DeductionCategory(String title) {
		this.title = title;
	}

	/** The column title on the form (and in the CSV header). */
	String title() {
		return title;
	}
}
