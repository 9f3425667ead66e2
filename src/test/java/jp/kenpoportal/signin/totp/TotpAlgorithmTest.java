package jp.kenpoportal.signin.totp;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class TotpAlgorithmTest {

	/** The SHA-1 seed of RFC 6238 Appendix B. */
	private static final byte[] RFC_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

	private static final Instant NOW = Instant.parse("2026-04-01T09:00:10Z");

	private static final long T = TotpAlgorithm.stepAt(NOW);

	/** The last six of the eight-digit RFC 6238 Appendix B values, which is what a 6-digit TOTP yields. */
	@ParameterizedTest(name = "T={0} -> {1}")
	@CsvSource({ "59, 287082", "1111111109, 081804", "1111111111, 050471", "1234567890, 005924",
			"2000000000, 279037", "20000000000, 353130" })
	void matchesTheRfc6238Sha1TestVectors(long epochSecond, String expected) {
		long step = TotpAlgorithm.stepAt(Instant.ofEpochSecond(epochSecond));

		assertThat(TotpAlgorithm.code(RFC_KEY, step)).isEqualTo(expected);
	}

	@Test
	void stepsAreThirtySecondsLongFromTheEpoch() {
		assertThat(TotpAlgorithm.stepAt(Instant.ofEpochSecond(0))).isZero();
		assertThat(TotpAlgorithm.stepAt(Instant.ofEpochSecond(29))).isZero();
		assertThat(TotpAlgorithm.stepAt(Instant.ofEpochSecond(30))).isEqualTo(1);
		assertThat(TotpAlgorithm.stepAt(Instant.ofEpochSecond(59))).isEqualTo(1);
		assertThat(TotpAlgorithm.stepAt(Instant.ofEpochSecond(-1))).isEqualTo(-1);
	}

	@Test
	void codesAreAlwaysSixAsciiDigits() {
		for (long step = 0; step < 2_000; step++) {
			assertThat(TotpAlgorithm.code(RFC_KEY, step)).matches("[0-9]{6}");
		}
	}

	@Test
	void acceptsTheCodeOfTheCurrentStep() {
		assertThat(TotpAlgorithm.matchingStep(RFC_KEY, code(T), NOW, -1)).hasValue(T);
	}

	@Test
	void acceptsOneStepOfClockDriftEitherWay() {
		assertThat(TotpAlgorithm.matchingStep(RFC_KEY, code(T - 1), NOW, -1)).hasValue(T - 1);
		assertThat(TotpAlgorithm.matchingStep(RFC_KEY, code(T + 1), NOW, -1)).hasValue(T + 1);
	}

	@Test
	void refusesCodesTwoStepsAwayEitherWay() {
		assertThat(codesAroundNowAreDistinct()).isTrue();

		assertThat(TotpAlgorithm.matchingStep(RFC_KEY, code(T - 2), NOW, -1)).isEmpty();
		assertThat(TotpAlgorithm.matchingStep(RFC_KEY, code(T + 2), NOW, -1)).isEmpty();
	}

	@Test
	void refusesAReplayedCode() {
		long used = TotpAlgorithm.matchingStep(RFC_KEY, code(T), NOW, -1).orElseThrow();

		assertThat(TotpAlgorithm.matchingStep(RFC_KEY, code(T), NOW, used)).isEmpty();
	}

	@Test
	void refusesAnyCodeWhoseStepIsAtOrBeforeTheLastUsedStep() {
		assertThat(TotpAlgorithm.matchingStep(RFC_KEY, code(T - 1), NOW, T - 1)).isEmpty();
		assertThat(TotpAlgorithm.matchingStep(RFC_KEY, code(T - 1), NOW, T)).isEmpty();
		assertThat(TotpAlgorithm.matchingStep(RFC_KEY, code(T), NOW, T + 1)).isEmpty();
	}

	@Test
	void acceptsALaterCodeAfterAnEarlierOneWasUsed() {
		assertThat(TotpAlgorithm.matchingStep(RFC_KEY, code(T), NOW, T - 1)).hasValue(T);
		assertThat(TotpAlgorithm.matchingStep(RFC_KEY, code(T + 1), NOW, T)).hasValue(T + 1);
	}

	@Test
	void refusesTheCodeOfAnotherKey() {
		byte[] otherKey = "09876543210987654321".getBytes(StandardCharsets.US_ASCII);
		String other = TotpAlgorithm.code(otherKey, T);
		boolean collides = other.equals(code(T - 1)) || other.equals(code(T)) || other.equals(code(T + 1));
		assertThat(collides).isFalse();

		assertThat(TotpAlgorithm.matchingStep(RFC_KEY, other, NOW, -1)).isEmpty();
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "12345", "1234567", "12345a", " 12345", "12 345", "١٢٣٤٥٦", "１２３４５６", "+12345", "-12345" })
	void refusesAnythingButExactlySixAsciiDigits(String typed) {
		assertThat(TotpAlgorithm.matchingStep(RFC_KEY, typed, NOW, -1)).isEmpty();
	}

	@Test
	void refusesTheFullWidthFormOfTheRightCode() {
		String fullWidth = code(T).chars().mapToObj(c -> String.valueOf((char) (c - '0' + '０')))
				.reduce("", String::concat);

		assertThat(TotpAlgorithm.matchingStep(RFC_KEY, fullWidth, NOW, -1)).isEmpty();
	}

	private static String code(long step) {
		return TotpAlgorithm.code(RFC_KEY, step);
	}

	/** Guards the drift tests against a chance collision between neighbouring codes. */
	private static boolean codesAroundNowAreDistinct() {
		return LongStream.rangeClosed(T - 2, T + 2).mapToObj(TotpAlgorithmTest::code).distinct()
				.count() == 5;
	}
}
