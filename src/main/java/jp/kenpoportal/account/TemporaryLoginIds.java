package jp.kenpoportal.account;

import java.security.SecureRandom;

/**
 * 仮ユーザID for a letter (seed 002, e.g. {@code k7mq2x9wpa}): ten lower-case letters and digits,
 * typed by hand from paper, so none that reads as another (0/o, 1/l/i); starts with a letter.
 * About 49 bits: chance enough that a collision is rare, and one is still checked for.
 */
public final class TemporaryLoginIds {

	private static final String LETTERS = "abcdefghjkmnpqrstuvwxyz";

	private static final String ALPHABET = LETTERS + "23456789";

	public static final int LENGTH = 10;

	private static final SecureRandom RANDOM = new SecureRandom();

	private TemporaryLoginIds() {
	}

	public static String next() {
		StringBuilder out = new StringBuilder(LENGTH);
		out.append(LETTERS.charAt(RANDOM.nextInt(LETTERS.length())));
		for (int i = 1; i < LENGTH; i++) {
			out.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return out.toString();
	}
}
