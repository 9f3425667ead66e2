package jp.kenpoportal.signin.emailcode;

/** A mail address shown with most of the local part hidden: t***@example.com. */
public final class MaskedEmail {

	private MaskedEmail() {
	}

	public static String of(String email) {
		if (email == null) {
			return "";
		}
		int at = email.indexOf('@');
		if (at <= 0) {
			return "***";
		}
		return email.charAt(0) + "***" + email.substring(at);
	}
}
