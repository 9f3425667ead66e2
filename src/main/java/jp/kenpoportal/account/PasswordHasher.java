package jp.kenpoportal.account;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

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

	/**
	 * At most one hash per core at a time: more only adds memory (19 MiB each) and GC work,
	 * and a flood of sign-ins cannot exhaust the heap.
	 */
	private final Semaphore slots = new Semaphore(Runtime.getRuntime().availableProcessors(), true);

	public PasswordHasher(SecuritySettings settings) {
		Argon2Inlining.ensureApplied();
		this.encoder = new Argon2PasswordEncoder(16, 32, settings.argon2Parallelism(), settings.argon2MemoryKib(),
				settings.argon2Iterations());
		this.dummyHash = encoder.encode("dummy-password-for-equal-timing");
	}

	public String hash(String raw) {
		return limited(() -> encoder.encode(raw));
	}

	public boolean matches(String raw, String hash) {
		return hash != null && limited(() -> encoder.matches(raw, hash));
	}

	/** Spends the time of one verification and always fails. */
	public boolean burnOneVerification(String raw) {
		limited(() -> encoder.matches(raw, dummyHash));
		return false;
	}

	private <T> T limited(Supplier<T> work) {
		slots.acquireUninterruptibly();
		try {
			return work.get();
		}
		finally {
			slots.release();
		}
	}
}
