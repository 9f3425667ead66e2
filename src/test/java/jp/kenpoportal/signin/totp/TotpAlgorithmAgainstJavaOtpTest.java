package jp.kenpoportal.signin.totp;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.crypto.spec.SecretKeySpec;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the algorithm against an independent implementation rather than against itself:
 * java-otp (a Maven test dependency, so {@code ./mvnw verify} needs nothing installed), fed
 * with the key as an authenticator app gets it, our Base32 text decoded by Commons Codec.
 */
class TotpAlgorithmAgainstJavaOtpTest {

	private static final List<Instant> INSTANTS = List.of(Instant.parse("1970-01-01T00:00:59Z"),
			Instant.parse("2009-02-13T23:31:30Z"), Instant.parse("2026-04-01T09:00:00Z"),
			Instant.parse("2026-04-01T09:00:29Z"), Instant.parse("2033-05-18T03:33:20Z"),
			Instant.parse("2038-01-19T03:14:08Z"));

	private static final TimeBasedOneTimePasswordGenerator SIX_DIGITS = generator(6);

	/** The independent implementation itself gives RFC 6238 Appendix B's SHA-1 values (8 digits there). */
	@ParameterizedTest(name = "T={0} -> {1}")
	@CsvSource({ "59, 94287082", "1111111109, 07081804", "1111111111, 14050471", "1234567890, 89005924",
			"2000000000, 69279037", "20000000000, 65353130" })
	void theIndependentImplementationMatchesTheRfc6238Vectors(long epochSecond, String expected) throws Exception {
		byte[] rfcKey = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

		assertThat(generator(8).generateOneTimePasswordString(key(rfcKey), Instant.ofEpochSecond(epochSecond)))
			.isEqualTo(expected);
	}

	@Test
	void producesTheSameCodesAsJavaOtpForRandomSecrets() {
		for (int i = 0; i < 20; i++) {
			TotpSecret secret = TotpSecret.generate();
			for (Instant instant : INSTANTS) {
				assertThat(TotpAlgorithm.code(secret.key(), TotpAlgorithm.stepAt(instant)))
					.as("secret %s at %s", secret.base32(), instant)
					.isEqualTo(javaOtp(secret.base32(), instant));
			}
		}
	}

	@Test
	void acceptsCodesProducedByJavaOtp() {
		TotpSecret secret = TotpSecret.generate();
		Instant now = Instant.parse("2026-04-01T09:00:10Z");

		assertThat(TotpAlgorithm.matchingStep(secret.key(), javaOtp(secret.base32(), now), now, -1))
			.hasValue(TotpAlgorithm.stepAt(now));
	}

	/** The code an app shows that was given the key as the member types it (spaces and all). */
	private static String javaOtp(String base32Key, Instant at) {
		byte[] key = new Base32().decode(base32Key.replace(" ", ""));
		try {
			return SIX_DIGITS.generateOneTimePasswordString(key(key), at);
		}
		catch (InvalidKeyException e) {
			throw new IllegalStateException(e);
		}
	}

	private static SecretKeySpec key(byte[] bytes) {
		return new SecretKeySpec(bytes, TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1);
	}

	private static TimeBasedOneTimePasswordGenerator generator(int digits) {
		return new TimeBasedOneTimePasswordGenerator(Duration.ofSeconds(30), digits,
				TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1);
	}
}
