package jp.kenpoportal.account;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jp.kenpoportal.common.SecuritySettings;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.Test;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * libsodium's Argon2id gives Bouncy Castle's bytes and PHC strings, verifies the hashes already
 * stored, and the portal falls back, in order, to argon2-jvm's library and to Bouncy Castle, each
 * reading what the others wrote.
 */
class SodiumArgon2Test {

	/** Hashes as stored by Bouncy Castle (the portal's default cost, the benchmark's, and two lanes). */
	private static final String STORED_DEFAULT = "$argon2id$v=19$m=19456,t=2,p=1$quZtzUSDVnPf1iPBcFNn7A$adbEU/DfHwJkdwBmFGP64urCvnhIIZVNuJwIGwTByBs";

	private static final String STORED_BENCH = "$argon2id$v=19$m=7168,t=5,p=1$lFO02hIJO+ZRDCzW1PXYYw$Boir71ZvtXfrhM7cS0FS2+W8POC+wlLqJjA1LMVf090";

	private static final String STORED_TWO_LANES = "$argon2id$v=19$m=7168,t=3,p=2$k7x/GaOhemnkpesckF4OqA$zfu1Q/bFd94MgTZzmxpmFy3F9Otr3+M7oh1qSTJe/+E";

	private static final Argon2PasswordEncoder BOUNCY_CASTLE = new Argon2PasswordEncoder(16, 32, 1, 19456, 2);

	private final SodiumArgon2 sodium = SodiumArgon2.load(16, 32, 19456, 2, 1, BOUNCY_CASTLE::matches)
		.orElseThrow(() -> new AssertionError("libsodium (Debian's libsodium23) is installed here"));

	@Test
	void bouncyCastleGivesTheTagOfRfc9106() {
		// RFC 9106 §5.3: Argon2id, m=32, t=3, p=4, with secret and associated data
		byte[] tag = bouncyCastle(fill(32, 1), fill(16, 2), fill(8, 3), fill(12, 4), 32, 3, 4, 32);
		assertThat(HexFormat.of().formatHex(tag))
			.isEqualTo("0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659");
	}

	@Test
	void libsodiumGivesBouncyCastlesBytesOnTheRfcInputsWithOneLane() {
		// libsodium takes neither secret, associated data nor more than one lane: the RFC's password and salt
		for (int[] cost : new int[][] { { 32, 3 }, { 64, 1 }, { 7168, 5 }, { 19456, 2 } }) {
			byte[] expected = bouncyCastle(fill(32, 1), fill(16, 2), null, null, cost[0], cost[1], 1, 32);
			byte[] actual = sodium.raw(new String(fill(32, 1), StandardCharsets.UTF_8), fill(16, 2), cost[0], cost[1], 32);
			assertThat(actual).as("m=%d t=%d", cost[0], cost[1]).isEqualTo(expected);
		}
		for (String password : new String[] { "", "Aoba2026start", "¥yen-パスワード1", "k7#Q-9x!" }) {
			byte[] salt = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
			assertThat(sodium.raw(password, salt, 7168, 5, 32))
				.isEqualTo(bouncyCastle(password.getBytes(StandardCharsets.UTF_8), salt, null, null, 7168, 5, 1, 32));
		}
	}

	@Test
	void whatLibsodiumHashesBouncyCastleVerifiesAndTheOtherWayRound() {
		for (String password : new String[] { "Aoba2026start", "¥yen-パスワード1", "k7#Q-9x!" }) {
			String fromSodium = sodium.hash(password);
			assertThat(fromSodium).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
			assertThat(BOUNCY_CASTLE.matches(password, fromSodium)).isTrue();
			assertThat(BOUNCY_CASTLE.matches(password + "x", fromSodium)).isFalse();

			String fromBouncyCastle = BOUNCY_CASTLE.encode(password);
			assertThat(sodium.matches(password, fromBouncyCastle)).isTrue();
			assertThat(sodium.matches(password.substring(1), fromBouncyCastle)).isFalse();
		}
		assertThat(sodium.hash("same")).isNotEqualTo(sodium.hash("same"));
	}

	@Test
	void storedHashesVerifyWhicheverImplementationRuns() {
		for (PasswordHasher hasher : new PasswordHasher[] { hasher(true, true), hasher(true, false),
				hasher(false, true) }) {
			assertThat(hasher.matches("Aoba2026start", STORED_DEFAULT)).as(hasher.implementation()).isTrue();
			assertThat(hasher.matches("Aoba2026start!", STORED_DEFAULT)).as(hasher.implementation()).isFalse();
			assertThat(hasher.matches("¥yen-パスワード1", STORED_BENCH)).as(hasher.implementation()).isTrue();
			// two lanes: libsodium cannot, the next implementation verifies it
			assertThat(hasher.matches("k7#Q-9x!", STORED_TWO_LANES)).as(hasher.implementation()).isTrue();
			assertThat(hasher.matches("k7#Q-9x?", STORED_TWO_LANES)).as(hasher.implementation()).isFalse();
			assertThat(hasher.burnOneVerification("Aoba2026start")).isFalse();
		}
	}

	@Test
	void theFallbacksInOrderAndEachReadsTheOthersHashes() {
		PasswordHasher sodiumFirst = hasher(true, true);
		PasswordHasher argon2Jvm = hasher(true, false);
		PasswordHasher bouncyCastle = hasher(false, true);
		assertThat(sodiumFirst.implementation()).isEqualTo("libsodium");
		assertThat(argon2Jvm.implementation()).isEqualTo("native");
		assertThat(bouncyCastle.implementation()).isEqualTo("bouncycastle");
		PasswordHasher[] all = { sodiumFirst, argon2Jvm, bouncyCastle };
		for (PasswordHasher writer : all) {
			String hash = writer.hash("Aoba2026start");
			for (PasswordHasher reader : all) {
				assertThat(reader.matches("Aoba2026start", hash)).as("%s reads %s", reader.implementation(),
						writer.implementation()).isTrue();
			}
		}
	}

	@Test
	void hashesOtherThanOneLaneArgon2idAreLeftToTheNextImplementation() {
		assertThat(SodiumArgon2.canVerify(STORED_DEFAULT)).isTrue();
		assertThat(SodiumArgon2.canVerify(STORED_TWO_LANES)).isFalse();
		assertThat(SodiumArgon2.canVerify("$argon2i$v=19$m=19456,t=2,p=1$quZtzUSDVnPf1iPBcFNn7A$adbEU/DfHwJkdwBmFGP64urCvnhIIZVNuJwIGwTByBs")).isFalse();
		assertThat(SodiumArgon2.canVerify("$argon2id$v=19$m=19456,t=2,p=1$c2hvcnQ$adbEU/DfHwJkdwBmFGP64urCvnhIIZVNuJwIGwTByBs")).isFalse();
		assertThat(SodiumArgon2.canVerify("not a hash")).isFalse();
		assertThat(SodiumArgon2.canVerify(null)).isFalse();
		assertThat(SodiumArgon2.load(16, 32, 19456, 2, 2, BOUNCY_CASTLE::matches)).isEmpty();
	}

	private static PasswordHasher hasher(boolean nativeArgon2, boolean libsodium) {
		return new PasswordHasher(settings(), new SimpleMeterRegistry(), nativeArgon2, libsodium);
	}

	private static byte[] bouncyCastle(byte[] password, byte[] salt, byte[] secret, byte[] ad, int memoryKib,
			int iterations, int lanes, int length) {
		Argon2Parameters.Builder p = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
			.withVersion(Argon2Parameters.ARGON2_VERSION_13)
			.withSalt(salt)
			.withMemoryAsKB(memoryKib)
			.withIterations(iterations)
			.withParallelism(lanes);
		if (secret != null) {
			p.withSecret(secret);
		}
		if (ad != null) {
			p.withAdditional(ad);
		}
		Argon2BytesGenerator generator = new Argon2BytesGenerator();
		generator.init(p.build());
		byte[] out = new byte[length];
		generator.generateBytes(password, out);
		return out;
	}

	private static byte[] fill(int length, int value) {
		byte[] b = new byte[length];
		Arrays.fill(b, (byte) value);
		return b;
	}

	private static SecuritySettings settings() {
		Duration d = Duration.ofMinutes(15);
		return new SecuritySettings(5, d, Duration.ofHours(24), 20, 30, d, Duration.ofMinutes(10), Duration.ofSeconds(60),
				5, Duration.ofMinutes(60), Duration.ofDays(30), Duration.ofHours(12), Duration.ofSeconds(60), 10, 3,
				Duration.ofHours(1), 10, 20, Duration.ofHours(1), Duration.ofMinutes(30), 60, Duration.ofMinutes(10), 60,
				Duration.ofHours(1), 19456, 2, 1);
	}
}
