package jp.kenpoportal.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Locale;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Whatever a member types, {@link TypedInput} answers without an exception, and what it gives
 * the forms to check holds no control character (PostgreSQL refuses a NUL, which would end the
 * request in an error page instead of a Japanese message). In {@code verify} this replays the
 * inputs kept under {@code src/test/resources/jp/kenpoportal/common/TypedInputFuzzTestInputs/};
 * README, "Fuzzing", says how to fuzz it for real.
 */
class TypedInputFuzzTest {

	@FuzzTest(maxDuration = "3m")
	void everyKindOfTypedInputIsNormalisedWithoutControlCharacters(FuzzedDataProvider data) {
		String raw = data.consumeRemainingAsString();
		for (String normalised : new String[] { TypedInput.text(raw), TypedInput.userId(raw),
				TypedInput.digits(raw), TypedInput.email(raw) }) {
			assertThat(TypedInput.hasControlCharacter(normalised)).as("control character kept from %s", raw).isFalse();
		}
		assertThat(TypedInput.hasControlCharacter(TypedInput.shown(raw))).isFalse();
		String userId = TypedInput.userId(raw);
		assertThat(userId.toLowerCase(Locale.ROOT)).isEqualTo(userId);
		assertThat(TypedInput.password(raw)).isNotNull();
		TypedInput.birthDate(raw).ifPresent(date -> assertThat(date).isBetween(LocalDate.of(0, 1, 1),
				LocalDate.of(9999, 12, 31)));
		EmailAddress.isValid(TypedInput.email(raw));
	}
}
