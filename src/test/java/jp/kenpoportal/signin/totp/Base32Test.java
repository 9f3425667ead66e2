package jp.kenpoportal.signin.totp;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class Base32Test {

	@ParameterizedTest(name = "\"{0}\" -> {1}")
	@CsvSource({ "f, MY", "fo, MZXQ", "foo, MZXW6", "foob, MZXW6YQ", "fooba, MZXW6YTB", "foobar, MZXW6YTBOI" })
	void encodesTheRfc4648VectorsWithoutPadding(String plain, String encoded) {
		assertThat(Base32.encode(plain.getBytes(StandardCharsets.US_ASCII))).isEqualTo(encoded);
		assertThat(new String(Base32.decode(encoded), StandardCharsets.US_ASCII)).isEqualTo(plain);
	}

	@Test
	void encodesNothingAsNothing() {
		assertThat(Base32.encode(new byte[0])).isEmpty();
		assertThat(Base32.decode("")).isEmpty();
	}

	@Test
	void roundTripsRandomBytesOfEveryLengthUpTo64() {
		SecureRandom random = new SecureRandom();
		for (int length = 0; length <= 64; length++) {
			byte[] data = new byte[length];
			random.nextBytes(data);
			assertThat(Base32.decode(Base32.encode(data))).as("length %d", length).isEqualTo(data);
		}
	}

	@Test
	void decodesLowerCaseSpacesAndPaddingAsTypedByHand() {
		assertThat(new String(Base32.decode("mzxw 6ytb oi======"), StandardCharsets.US_ASCII)).isEqualTo("foobar");
		assertThat(new String(Base32.decode("MZXW6==="), StandardCharsets.US_ASCII)).isEqualTo("foo");
	}

	@Test
	void refusesCharactersOutsideTheAlphabet() {
		assertThatIllegalArgumentException().isThrownBy(() -> Base32.decode("MZXW1"));
		assertThatIllegalArgumentException().isThrownBy(() -> Base32.decode("MZXW-6"));
	}

	@Test
	void refusesNonAsciiLettersThatUpperCaseIntoTheAlphabet() {
		// 'ı' upper-cases to 'I' and 'ſ' to 'S'
		assertThatIllegalArgumentException().isThrownBy(() -> Base32.decode("MZXWı"));
		assertThatIllegalArgumentException().isThrownBy(() -> Base32.decode("MZXWſ"));
	}
}
