package jp.kenpoportal.support;

import java.time.Duration;
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

	/**
	 * What the app shows by the portal's clock, for a code that is typed in a browser: if it is
	 * about to change (within two seconds), the clock moves on to the next one first, as a member
	 * waits for the next code, rather than the test sleeping.
	 */
	public static String fresh(String base32Secret, MutableClock clock) {
		long stepMillis = TotpAlgorithm.STEP_SECONDS * 1000L;
		long leftInStep = stepMillis - Math.floorMod(clock.instant().toEpochMilli(), stepMillis);
		if (leftInStep < 2_000) {
			clock.advance(Duration.ofMillis(leftInStep + 100));
		}
		return at(base32Secret, clock.instant());
	}

	public static String at(String base32Secret, Instant instant) {
		return TotpAlgorithm.code(Base32.decode(base32Secret), TotpAlgorithm.stepAt(instant));
	}
}
