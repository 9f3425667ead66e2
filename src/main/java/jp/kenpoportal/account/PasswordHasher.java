package jp.kenpoportal.account;

import jp.kenpoportal.common.SecuritySettings;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Argon2id, parameters from {@link SecuritySettings}. A verification against a dummy hash
 * gives unknown user IDs and locked accounts the same response time as a wrong password.
 */
@Component
public class PasswordHasher {

	private final Argon2PasswordEncoder encoder;

	private final String dummyHash;

	public PasswordHasher(SecuritySettings settings) {
		this.encoder = new Argon2PasswordEncoder(16, 32, settings.argon2Parallelism(), settings.argon2MemoryKib(),
				settings.argon2Iterations());
		this.dummyHash = encoder.encode("dummy-password-for-equal-timing");
	}

	public String hash(String raw) {
		return encoder.encode(raw);
	}

	public boolean matches(String raw, String hash) {
		return hash != null && encoder.matches(raw, hash);
	}

	/** Spends the time of one verification and always fails. */
	public boolean burnOneVerification(String raw) {
		encoder.matches(raw, dummyHash);
		return false;
	}
}
