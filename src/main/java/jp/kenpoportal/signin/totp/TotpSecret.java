package jp.kenpoportal.signin.totp;

import java.security.SecureRandom;
import java.util.Arrays;

/** A member's authenticator-app key, with the forms the enrolment page shows. */
public final class TotpSecret {

	/** 160 bits: the HMAC-SHA1 block-size-friendly length RFC 4226 §4 recommends. */
	public static final int LENGTH_BYTES = 20;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final byte[] key;

	private TotpSecret(byte[] key) {
		this.key = key.clone();
	}

	public static TotpSecret generate() {
		byte[] key = new byte[LENGTH_BYTES];
		RANDOM.nextBytes(key);
		return new TotpSecret(key);
	}

	/** For a key that was stored or shown before. */
	public static TotpSecret of(byte[] key) {
		return new TotpSecret(key);
	}

	public static TotpSecret fromBase32(String base32) {
		return new TotpSecret(Base32.decode(base32));
	}

	/** A copy, so callers cannot change or wipe this secret by accident. */
	public byte[] key() {
		return key.clone();
	}

	public String base32() {
		return Base32.encode(key);
	}

	/** Groups of four are easier to type from the 「スキャンできませんか?」 fallback. */
	public String groupedForDisplay() {
		return base32().replaceAll("(.{4})(?=.)", "$1 ");
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof TotpSecret that && Arrays.equals(key, that.key);
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(key);
	}

	/** Never the key: secrets must not end up in logs. */
	@Override
	public String toString() {
		return "TotpSecret[****]";
	}
}
