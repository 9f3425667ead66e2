package jp.kenpoportal.account;

import java.util.Optional;

import de.mkammerer.argon2.Argon2;
import de.mkammerer.argon2.Argon2Factory;
import de.mkammerer.argon2.Argon2Factory.Argon2Types;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reference Argon2 C library (through argon2-jvm and JNA) for the same Argon2id hashes as
 * Bouncy Castle's: same parameters, same PHC string ({@code $argon2id$v=19$m=…,t=…,p=…$salt$hash}),
 * so either verifies what the other wrote and switching costs no rehash. It is 1.7–1.8× faster here
 * (about 29 against 51 ms of CPU per hash at m=19 MiB, t=2, p=1), which a batch of 10,000
 * 仮パスワード letters, one hash each, needs (shared/STACK.md §12). Where the library cannot be
 * loaded (a platform argon2-jvm has no build for, a /tmp without exec) the portal hashes with
 * Bouncy Castle as before and says so.
 */
final class NativeArgon2 {

	private static final Logger log = LoggerFactory.getLogger(NativeArgon2.class);

	private final Argon2 argon2;

	private final int memoryKib;

	private final int iterations;

	private final int parallelism;

	private NativeArgon2(Argon2 argon2, int memoryKib, int iterations, int parallelism) {
		this.argon2 = argon2;
		this.memoryKib = memoryKib;
		this.iterations = iterations;
		this.parallelism = parallelism;
	}

	/**
	 * The native hasher, checked once against Bouncy Castle's verification of its own output; empty
	 * when the library does not load or disagrees.
	 */
	static Optional<NativeArgon2> load(int saltLength, int hashLength, int memoryKib, int iterations, int parallelism,
			java.util.function.BiPredicate<String, String> referenceMatches) {
		try {
			NativeArgon2 n = new NativeArgon2(Argon2Factory.create(Argon2Types.ARGON2id, saltLength, hashLength),
					memoryKib, iterations, parallelism);
			String probe = "native-argon2-self-check ¥ 日本";
			String hash = n.hash(probe);
			if (!referenceMatches.test(probe, hash) || !n.matches(probe, hash) || n.matches(probe + "x", hash)) {
				log.warn("Native Argon2 disagrees with Bouncy Castle; password hashing stays on Bouncy Castle");
				return Optional.empty();
			}
			log.info("Password hashing: native Argon2id (argon2-jvm), m={} KiB, t={}, p={}", memoryKib, iterations,
					parallelism);
			return Optional.of(n);
		}
		catch (LinkageError | RuntimeException e) {
			log.warn("Native Argon2 not available ({}); password hashing stays on Bouncy Castle", e.toString());
			return Optional.empty();
		}
	}

	String hash(String raw) {
		char[] chars = raw.toCharArray();
		try {
			return argon2.hash(iterations, memoryKib, parallelism, chars);
		}
		finally {
			argon2.wipeArray(chars);
		}
	}

	/** Verifies against any Argon2id PHC string, whatever parameters it names (older hashes too). */
	boolean matches(String raw, String hash) {
		char[] chars = raw.toCharArray();
		try {
			return argon2.verify(hash, chars);
		}
		finally {
			argon2.wipeArray(chars);
		}
	}
}
