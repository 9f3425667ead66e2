package jp.kenpoportal.admin.letters;

/**
 * One letter's page: to whom, where (for the envelope's window), and the credentials printed on it.
 *
 * @param postalCode 〒 as the roster import stores it (NNN-NNNN), 7 digits from older data, or null
 * @param address null when the roster has none (the letter then goes out by hand or in another envelope)
 * @param temporaryLoginId whether the user ID is a 仮ユーザID (so labelled)
 */
public record CredentialLetter(String name, String postalCode, String address, String loginId,
		boolean temporaryLoginId, String password) {

	/** 〒 style: 123-4567. */
	public String postalCodeShown() {
		return postalCode == null || postalCode.length() != 7 ? postalCode
				: postalCode.substring(0, 3) + "-" + postalCode.substring(3);
	}
}
