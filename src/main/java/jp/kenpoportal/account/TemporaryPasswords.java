package jp.kenpoportal.account;

import java.security.SecureRandom;

/**
 * 仮パスワード for a letter: typed by hand from paper, so no character that reads as another
 * (0/O/o, 1/l/I, and the like); 12 characters of 54 give about 69 bits. Used by the member
 * support reset and by the 仮パスワード letters alike.
 */
public final class TemporaryPasswords {

	private static final String LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz";

	private static final String DIGITS = "23456789";

	private static final String ALPHABET = LETTERS + DIGITS;

	public static final int LENGTH = 12;

	private static final SecureRandom RANDOM = new SecureRandom();

	private TemporaryPasswords() {
	}

	/** A new password with at least one letter and one digit, as password rules usually ask. */
	public static String next() {
		while (true) {
			StringBuilder out = new StringBuilder(LENGTH);
			for (int i = 0; i < LENGTH; i++) {
				out.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
			}
			String password = out.toString();
			if (password.chars().anyMatch(c -> DIGITS.indexOf(c) >= 0)
					&& password.chars().anyMatch(c -> LETTERS.indexOf(c) >= 0)) {
				return password;
			}
		}
	}
}
