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
 * Argon2id, parameters from {@link SecuritySettings}, computed by the fastest implementation that
 * loads here: the operating system's libsodium ({@link SodiumArgon2}, SIMD chosen for the CPU at run
 * time), else the reference C library bundled with argon2-jvm ({@link NativeArgon2}), else Bouncy
 * Castle: the same hashes either way. A verification against a dummy hash gives unknown user IDs and
 * locked accounts the same response time as a wrong password.
 */
@Component
public class PasswordHasher {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PasswordHasher.class);

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
	 * libsodium's Argon2id when it loads (same hashes, fastest), else null. It takes one lane and
	 * 16-byte salts only: other stored hashes go to {@link #fast} or Bouncy Castle.
	 */
	private final SodiumArgon2 fastest;

	/**
	 * @param nativeArgon2 {@code portal.security.argon2-native}: hash with a C library where one loads
	 * (default), or always with Bouncy Castle (pure Java)
	 * @param libsodium {@code portal.security.argon2-libsodium}: prefer the operating system's
	 * libsodium where it loads (default), or go straight to argon2-jvm's library
	 */
	public PasswordHasher(SecuritySettings settings, MeterRegistry registry,
			@Value("${portal.security.argon2-native:true}") boolean nativeArgon2,
			@Value("${portal.security.argon2-libsodium:true}") boolean libsodium) {
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
		this.fastest = nativeArgon2 && libsodium
				? SodiumArgon2.load(16, 32, settings.argon2MemoryKib(), settings.argon2Iterations(),
						settings.argon2Parallelism(), encoder::matches).orElse(null)
				: null;
		this.dummyHash = hashNow("dummy-password-for-equal-timing");
		log.info("Password hashing implementation: {}{}", implementation(),
				fastest == null ? "" : " (stored hashes it cannot take: " + (fast != null ? "native" : "bouncycastle") + ")");
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

	/** Which implementation hashes: {@code libsodium}, {@code native} (argon2-jvm) or {@code bouncycastle}. */
	public String implementation() {
		return fastest != null ? "libsodium" : fast != null ? "native" : "bouncycastle";
	}

	private String hashNow(String raw) {
		return fastest != null ? fastest.hash(raw) : fast != null ? fast.hash(raw) : encoder.encode(raw);
	}

	private boolean matchesNow(String raw, String hash) {
		if (fastest != null && SodiumArgon2.canVerify(hash)) {
			return fastest.matches(raw, hash);
		}
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
