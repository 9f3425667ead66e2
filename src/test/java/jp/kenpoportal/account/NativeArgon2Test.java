package jp.kenpoportal.account;

import org.junit.jupiter.api.Test;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The native Argon2id writes the hashes Bouncy Castle writes: each verifies the other's, for
 * passwords with ¥ and Japanese too, with the portal's parameters, so stored hashes stay valid
 * whichever implementation a node uses.
 */
class NativeArgon2Test {

	private static final Argon2PasswordEncoder BOUNCY_CASTLE = new Argon2PasswordEncoder(16, 32, 1, 19456, 2);

	private final NativeArgon2 nativeArgon2 = NativeArgon2.load(16, 32, 19456, 2, 1, BOUNCY_CASTLE::matches)
		.orElseThrow(() -> new AssertionError("argon2-jvm ships a build for this platform"));

	@Test
	void whatTheNativeLibraryHashesBouncyCastleVerifiesAndTheOtherWayRound() {
		for (String password : new String[] { "Aoba2026start", "¥yen-パスワード1", "k7#Q-9x!" }) {
			String fromNative = nativeArgon2.hash(password);
			assertThat(fromNative).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
			assertThat(BOUNCY_CASTLE.matches(password, fromNative)).isTrue();
			assertThat(BOUNCY_CASTLE.matches(password + "x", fromNative)).isFalse();

			String fromBouncyCastle = BOUNCY_CASTLE.encode(password);
			assertThat(nativeArgon2.matches(password, fromBouncyCastle)).isTrue();
			assertThat(nativeArgon2.matches(password.substring(1), fromBouncyCastle)).isFalse();
		}
	}

	@Test
	void twoHashesOfOnePasswordDifferBySalt() {
		assertThat(nativeArgon2.hash("same")).isNotEqualTo(nativeArgon2.hash("same"));
	}
}
