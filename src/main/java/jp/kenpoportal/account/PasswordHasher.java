package jp.kenpoportal.account;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
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

	/** Argon2 time per operation (hash, verify, dummy), queueing for a slot left out. */
	private final Timer hashTime;

	private final Timer verifyTime;

	private final Timer dummyTime;

	public PasswordHasher(SecuritySettings settings, MeterRegistry registry) {
		Argon2Inlining.ensureApplied();
		this.hashTime = timer(registry, "hash");
		this.verifyTime = timer(registry, "verify");
		this.dummyTime = timer(registry, "dummy");
		this.encoder = new Argon2PasswordEncoder(16, 32, settings.argon2Parallelism(), settings.argon2MemoryKib(),
				settings.argon2Iterations());
		this.dummyHash = encoder.encode("dummy-password-for-equal-timing");
	}

	public String hash(String raw) {
		return limited(hashTime, () -> encoder.encode(raw));
	}

	public boolean matches(String raw, String hash) {
		return hash != null && limited(verifyTime, () -> encoder.matches(raw, hash));
	}

	/** Spends the time of one verification and always fails. */
	public boolean burnOneVerification(String raw) {
		limited(dummyTime, () -> encoder.matches(raw, dummyHash));
		return false;
	}

	private static Timer timer(MeterRegistry registry, String operation) {
		return Timer.builder("kenpo.password.hashing")
			.description("Argon2id time of one password hash or verification")
			.tag("operation", operation)
			.register(registry);
	}

	private <T> T limited(Timer timer, Supplier<T> work) {
		slots.acquireUninterruptibly();
		try {
			return timer.record(work);
		}
		finally {
			slots.release();
		}
	}
}
