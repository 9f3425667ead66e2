package jp.kenpoportal.account;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jp.kenpoportal.common.SecuritySettings;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Argon2id, parameters from {@link SecuritySettings}, computed by the reference C library where it
 * loads ({@link NativeArgon2}), else by Bouncy Castle: the same hashes either way. A verification against a dummy hash
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

	/** The reference C implementation when it loads (same hashes, faster), else null: Bouncy Castle. */
	private final NativeArgon2 fast;

	/**
	 * @param nativeArgon2 {@code portal.security.argon2-native}: hash with the reference C library
	 * where it loads (default), or always with Bouncy Castle (pure Java)
	 */
	public PasswordHasher(SecuritySettings settings, MeterRegistry registry,
			@Value("${portal.security.argon2-native:true}") boolean nativeArgon2) {
		Argon2Inlining.ensureApplied();
		this.hashTime = timer(registry, "hash");
		this.verifyTime = timer(registry, "verify");
		this.dummyTime = timer(registry, "dummy");
		this.encoder = new Argon2PasswordEncoder(16, 32, settings.argon2Parallelism(), settings.argon2MemoryKib(),
				settings.argon2Iterations());
		this.fast = nativeArgon2
				? NativeArgon2.load(16, 32, settings.argon2MemoryKib(), settings.argon2Iterations(),
						settings.argon2Parallelism(), encoder::matches).orElse(null)
				: null;
		this.dummyHash = hashNow("dummy-password-for-equal-timing");
	}

	public String hash(String raw) {
		return limited(hashTime, () -> hashNow(raw));
	}

	public boolean matches(String raw, String hash) {
		return hash != null && limited(verifyTime, () -> matchesNow(raw, hash));
	}

	/** Spends the time of one verification and always fails. */
	public boolean burnOneVerification(String raw) {
		limited(dummyTime, () -> matchesNow(raw, dummyHash));
		return false;
	}

	/** Which implementation hashes: {@code native} or {@code bouncycastle}. */
	public String implementation() {
		return fast != null ? "native" : "bouncycastle";
	}

	private String hashNow(String raw) {
		return fast != null ? fast.hash(raw) : encoder.encode(raw);
	}

	private boolean matchesNow(String raw, String hash) {
		return fast != null ? fast.matches(raw, hash) : encoder.matches(raw, hash);
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
