package jp.kenpoportal.common;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The one normalisation every typed input goes through: NFKC turns 全角 digits and letters
 * into 半角 ones, then the kind of input decides what else is forgiven.
 */
public final class TypedInput {

	private TypedInput() {
	}

	/** NFKC and trimmed (including the ideographic space); never null. */
	public static String text(String raw) {
		if (raw == null) {
			return "";
		}
		return Normalizer.normalize(raw, Normalizer.Form.NFKC).strip();
	}

	/** A password: NFKC only (NIST 800-63B 5.1.1.2), so 全角 and 半角 typing give the same password. */
	public static String password(String raw) {
		return raw == null ? "" : Normalizer.normalize(raw, Normalizer.Form.NFKC);
	}

	/** A user ID: NFKC, trimmed, lower case. */
	public static String userId(String raw) {
		return text(raw).toLowerCase(Locale.ROOT);
	}

	/** A code or a number typed with spaces, hyphens or slashes: only the digits stay. */
	public static String digits(String raw) {
		return text(raw).replaceAll("[\\s\\-/.ー－年月日]", "");
	}

	/** A mail address: NFKC, trimmed; the domain in lower case. */
	public static String email(String raw) {
		String s = text(raw);
		int at = s.lastIndexOf('@');
		return at < 0 ? s : s.substring(0, at) + s.substring(at).toLowerCase(Locale.ROOT);
	}
}
