package jp.kenpoportal.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.function.BiPredicate;

import com.sun.jna.Library;
import com.sun.jna.Native;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Argon2id by the operating system's libsodium ({@code crypto_pwhash}, Debian's {@code libsodium23}),
 * through JNA. libsodium picks its fastest block function for the CPU at run time (AVX-512, AVX2,
 * SSSE3, else portable C), so the distribution's one build is as fast as a build for the machine:
 * no binary of ours to build, ship or trust, and the package is Debian's reproducible build of
 * libsodium's release (ISC licence).
 *
 * <p>The hash is the same Argon2id (version 0x13) as Bouncy Castle's and the reference library's;
 * this class writes the PHC string itself, exactly as Bouncy Castle's {@code Argon2PasswordEncoder}
 * does ({@code $argon2id$v=19$m=…,t=…,p=1$salt$hash}, unpadded Base64). libsodium hashes with one
 * lane and a 16-byte salt only: a stored hash with other parameters (p &gt; 1, another salt length,
 * Argon2i or d) is verified by the next implementation ({@link #matches} says it cannot).
 */
final class SodiumArgon2 {

	private static final Logger log = LoggerFactory.getLogger(SodiumArgon2.class);

	/** The only salt length {@code crypto_pwhash} takes ({@code crypto_pwhash_SALTBYTES}). */
	static final int SALT_BYTES = 16;

	private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();

	private static final Base64.Decoder B64_DECODE = Base64.getDecoder();

	private final Sodium sodium;

	private final int algorithm;

	private final int hashLength;

	private final int memoryKib;

	private final int iterations;

	private final SecureRandom random = new SecureRandom();

	/** The part of libsodium used here. size_t is 64 bits wide where this loads (checked in {@link #load}). */
	interface Sodium extends Library {

		int sodium_init();

		String sodium_version_string();

		int crypto_pwhash_alg_argon2id13();

		int crypto_pwhash(byte[] out, long outlen, byte[] passwd, long passwdlen, byte[] salt, long opslimit,
				long memlimit, int alg);
	}

	private SodiumArgon2(Sodium sodium, int hashLength, int memoryKib, int iterations) {
		this.sodium = sodium;
		this.algorithm = sodium.crypto_pwhash_alg_argon2id13();
		this.hashLength = hashLength;
		this.memoryKib = memoryKib;
		this.iterations = iterations;
	}

	/**
	 * libsodium's Argon2id for these parameters, checked once against {@code reference} (Bouncy
	 * Castle's verification) both ways; empty where libsodium is missing, cannot take the parameters
	 * (more than one lane, another salt length) or disagrees.
	 */
	static Optional<SodiumArgon2> load(int saltLength, int hashLength, int memoryKib, int iterations, int parallelism,
			BiPredicate<String, String> reference) {
		if (parallelism != 1 || saltLength != SALT_BYTES || Native.SIZE_T_SIZE != 8) {
			log.info("libsodium Argon2id not used: it hashes with one lane, 16-byte salts (asked p={}, salt {})",
					parallelism, saltLength);
			return Optional.empty();
		}
		try {
			Sodium sodium = Native.load("sodium", Sodium.class);
			// sodium_init picks the block function for this CPU; without it libsodium stays on portable C
			if (sodium.sodium_init() < 0) {
				log.warn("libsodium did not initialise; password hashing does not use it");
				return Optional.empty();
			}
			SodiumArgon2 s = new SodiumArgon2(sodium, hashLength, memoryKib, iterations);
			String probe = "sodium-argon2-self-check ¥ 日本";
			String hash = s.hash(probe);
			if (!reference.test(probe, hash) || !s.matches(probe, hash) || s.matches(probe + "x", hash)) {
				log.warn("libsodium's Argon2id disagrees with Bouncy Castle; password hashing does not use it");
				return Optional.empty();
			}
			log.info("Password hashing: Argon2id by libsodium {} (operating system), m={} KiB, t={}, p=1",
					sodium.sodium_version_string(), memoryKib, iterations);
			return Optional.of(s);
		}
		catch (LinkageError | RuntimeException e) {
			log.info("libsodium not available ({}); password hashing uses the next implementation", e.toString());
			return Optional.empty();
		}
	}

	String hash(String raw) {
		byte[] salt = new byte[SALT_BYTES];
		random.nextBytes(salt);
		byte[] hash = raw(raw, salt, memoryKib, iterations, hashLength);
		return "$argon2id$v=19$m=" + memoryKib + ",t=" + iterations + ",p=1$" + B64.encodeToString(salt) + "$"
				+ B64.encodeToString(hash);
	}

	/** Whether this implementation can verify the stored hash (Argon2id v=19, one lane, 16-byte salt). */
	static boolean canVerify(String hash) {
		return Phc.parse(hash) != null;
	}

	/** Verifies a stored hash it {@link #canVerify can}; false for any other (the caller asks another). */
	boolean matches(String raw, String hash) {
		Phc phc = Phc.parse(hash);
		if (phc == null) {
			return false;
		}
		byte[] computed = raw(raw, phc.salt, phc.memoryKib, phc.iterations, phc.hash.length);
		return MessageDigest.isEqual(computed, phc.hash);
	}

	/** The raw Argon2id output: UTF-8 password, as Bouncy Castle's encoder takes it. */
	byte[] raw(String raw, byte[] salt, int memoryKib, int iterations, int length) {
		byte[] password = raw.getBytes(StandardCharsets.UTF_8);
		byte[] out = new byte[length];
		try {
			int rc = sodium.crypto_pwhash(out, length, password, password.length, salt, iterations,
					memoryKib * 1024L, algorithm);
			if (rc != 0) {
				throw new IllegalStateException("crypto_pwhash failed (out of memory?)");
			}
			return out;
		}
		finally {
			Arrays.fill(password, (byte) 0);
		}
	}

	/** A PHC string this class can verify, parsed; null for any other. */
	private record Phc(int memoryKib, int iterations, byte[] salt, byte[] hash) {

		static Phc parse(String s) {
			// $argon2id$v=19$m=7168,t=5,p=1$salt$hash
			if (s == null || !s.startsWith("$argon2id$v=19$m=")) {
				return null;
			}
			String[] parts = s.split("\\$");
			if (parts.length != 6) {
				return null;
			}
			String[] params = parts[3].split(",");
			try {
				if (params.length != 3 || !params[0].startsWith("m=") || !params[1].startsWith("t=")
						|| !params[2].equals("p=1")) {
					return null;
				}
				int m = Integer.parseInt(params[0].substring(2));
				int t = Integer.parseInt(params[1].substring(2));
				byte[] salt = B64_DECODE.decode(parts[4]);
				byte[] hash = B64_DECODE.decode(parts[5]);
				// libsodium's limits: 8 KiB ≤ m, 1 ≤ t, 16-byte salt, output ≥ 16 bytes
				if (m < 8 || t < 1 || salt.length != SALT_BYTES || hash.length < 16) {
					return null;
				}
				return new Phc(m, t, salt, hash);
			}
			catch (IllegalArgumentException e) {
				return null;
			}
		}
	}
}
