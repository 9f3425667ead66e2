package jp.kenpoportal.support;

import java.time.Instant;

import jp.kenpoportal.signin.totp.Base32;
import jp.kenpoportal.signin.totp.TotpAlgorithm;

/** What an authenticator app shows, for tests. */
public final class Totp {

	private Totp() {
	}

	public static String now(String base32Secret) {
		return at(base32Secret, Instant.now());
	}

	public static String at(String base32Secret, Instant instant) {
		return TotpAlgorithm.code(Base32.decode(base32Secret), TotpAlgorithm.stepAt(instant));
	}
}
