package jp.kenpoportal.signin.totp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** RFC 6238 TOTP with the only parameters every authenticator app honours: HMAC-SHA1, 6 digits, 30 s. */
public final class TotpAlgorithm {

	public static final int DIGITS = 6;

	public static final long STEP_SECONDS = 30;

	/** Phone clocks drift; one step either way is what RFC 6238 §5.2 suggests. */
	private static final int ALLOWED_DRIFT_STEPS = 1;

	private static final int MODULUS = 1_000_000;

	private TotpAlgorithm() {
	}

	/** The time step containing {@code t}; floorDiv keeps instants before 1970 on the right step. */
	public static long stepAt(Instant t) {
		return Math.floorDiv(t.getEpochSecond(), STEP_SECONDS);
	}

	/** The 6-digit code for one step, zero-padded. */
	public static String code(byte[] key, long step) {
		byte[] hash = hmacSha1(key, ByteBuffer.allocate(Long.BYTES).putLong(step).array());
		// Locale.ROOT: some locales would format with non-ASCII digits.
		return String.format(Locale.ROOT, "%06d", truncate(hash) % MODULUS);
	}

	/**
	 * The step a typed code belongs to, if it is valid now (t-1, t, t+1) and newer than
	 * {@code lastUsedStep} (pass -1 when none used), so that each code is accepted once.
	 */
	public static OptionalLong matchingStep(byte[] key, String typedCode, Instant now, long lastUsedStep) {
		if (!isSixDigits(typedCode)) {
			return OptionalLong.empty();
		}
		byte[] typed = typedCode.getBytes(StandardCharsets.US_ASCII);
		long current = stepAt(now);
		long matched = Long.MIN_VALUE;
		// Every candidate is computed and compared, so the time taken says nothing about which one matched.
		for (long step = current - ALLOWED_DRIFT_STEPS; step <= current + ALLOWED_DRIFT_STEPS; step++) {
			boolean equal = MessageDigest.isEqual(typed, code(key, step).getBytes(StandardCharsets.US_ASCII));
			if (equal && step > lastUsedStep) {
				// The latest matching step wins: recording an earlier one would let the same code be replayed at the later step.
				matched = step;
			}
		}
		return matched == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(matched);
	}

	private static boolean isSixDigits(String s) {
		if (s == null || s.length() != DIGITS) {
			return false;
		}
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
		}
		return true;
	}

	/** RFC 4226 §5.3 dynamic truncation. */
	private static int truncate(byte[] hash) {
		int offset = hash[hash.length - 1] & 0x0f;
		return ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16) | ((hash[offset + 2] & 0xff) << 8)
				| (hash[offset + 3] & 0xff);
	}

	private static byte[] hmacSha1(byte[] key, byte[] message) {
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(key, "HmacSHA1"));
			return mac.doFinal(message);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HmacSHA1 is required by every Java runtime", e);
		}
	}
}
