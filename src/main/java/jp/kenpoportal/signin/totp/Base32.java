package jp.kenpoportal.signin.totp;

import java.io.ByteArrayOutputStream;

/** RFC 4648 Base32, the alphabet authenticator apps expect for TOTP keys. */
public final class Base32 {

	private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

	private Base32() {
	}

	/** Without padding: authenticator apps and otpauth URIs do not want it. */
	public static String encode(byte[] data) {
		StringBuilder out = new StringBuilder((data.length * 8 + 4) / 5);
		int buffer = 0;
		int bits = 0;
		for (byte b : data) {
			buffer = (buffer << 8) | (b & 0xff);
			bits += 8;
			while (bits >= 5) {
				out.append(ALPHABET.charAt((buffer >>> (bits - 5)) & 0x1f));
				bits -= 5;
			}
		}
		if (bits > 0) {
			out.append(ALPHABET.charAt((buffer << (5 - bits)) & 0x1f));
		}
		return out.toString();
	}

	/**
	 * Tolerant of lower case, spaces and padding, because people retype keys by hand.
	 * @throws IllegalArgumentException for any other character
	 */
	public static byte[] decode(String text) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() * 5 / 8);
		int buffer = 0;
		int bits = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == ' ' || c == '=') {
				continue;
			}
			buffer = (buffer << 5) | valueOf(c);
			bits += 5;
			if (bits >= 8) {
				out.write((buffer >>> (bits - 8)) & 0xff);
				bits -= 8;
			}
		}
		return out.toByteArray();
	}

	private static int valueOf(char c) {
		// ASCII first: toUpperCase maps some non-ASCII letters (ı, ſ) onto the alphabet.
		int value = c > 0x7f ? -1 : ALPHABET.indexOf(Character.toUpperCase(c));
		if (value < 0) {
			throw new IllegalArgumentException("Not a Base32 character: '" + c + "'");
		}
		return value;
	}
}
