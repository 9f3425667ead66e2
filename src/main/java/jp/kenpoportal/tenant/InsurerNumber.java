package jp.kenpoportal.tenant;

/**
 * 保険者番号 of a health insurance society: 8 digits, 法別番号 06, and a check digit over the
 * first seven (weights 2, 1, 2, … from the right; the digits of a two-digit product are added;
 * check = (10 − sum mod 10) mod 10). The database refuses other numbers too (V5 migration).
 */
public final class InsurerNumber {

	/** 法別番号 of 健康保険組合. */
	public static final String KENPO_LAW_CODE = "06";

	private InsurerNumber() {
	}

	public static boolean isValid(String number) {
		return number != null && number.matches("06[0-9]{6}")
				&& checkDigit(number.substring(0, 7)) == number.charAt(7) - '0';
	}

	/** The check digit of the first seven digits. */
	public static int checkDigit(String firstSeven) {
		if (!firstSeven.matches("[0-9]{7}")) {
			throw new IllegalArgumentException("seven digits expected");
		}
		int sum = 0;
		for (int i = 0; i < 7; i++) {
			int weight = (6 - i) % 2 == 0 ? 2 : 1;
			int product = (firstSeven.charAt(i) - '0') * weight;
			sum += product / 10 + product % 10;
		}
		return (10 - sum % 10) % 10;
	}

	/** Refuses a number that is not a valid kenpo insurer number. */
	public static String require(String number) {
		if (!isValid(number)) {
			throw new IllegalArgumentException("not a valid kenpo insurer number (保険者番号): " + number);
		}
		return number;
	}
}
