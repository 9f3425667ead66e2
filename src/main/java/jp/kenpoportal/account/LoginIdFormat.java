package jp.kenpoportal.account;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/** User IDs: 8–13 characters of a–z 0–9 - _ . @, stored in lower case (seed 001). */
public final class LoginIdFormat {

	public static final int MIN_LENGTH = 8;

	public static final int MAX_LENGTH = 13;

	public static final String ALLOWED_SYMBOLS = "-_.@";

	private LoginIdFormat() {
	}

	public static boolean validLength(String loginId) {
		return loginId.length() >= MIN_LENGTH && loginId.length() <= MAX_LENGTH;
	}

	/** The characters that may not appear in a user ID, each once, in the order typed. */
	public static String invalidCharacters(String loginId) {
		Set<String> invalid = new LinkedHashSet<>();
		loginId.codePoints()
			.filter(c -> !allowed(c))
			.forEach(c -> invalid.add(Character.isWhitespace(c) ? "空白" : new String(Character.toChars(c))));
		return invalid.stream().collect(Collectors.joining("、"));
	}

	private static boolean allowed(int c) {
		return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || ALLOWED_SYMBOLS.indexOf(c) >= 0;
	}
}
