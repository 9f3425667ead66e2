package jp.kenpoportal.tenant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** 保険者番号: 法別番号 06 and the check digit (weights 2, 1, 2, … from the right). */
class InsurerNumberTest {

	@Test
	void whenTheCheckDigitIsRightThenTheNumberIsValid() {
		// 0613045: 5×2=10→1+0, 4×1, 0×2, 3×1, 1×2, 6×1, 0×2 → 16 → check (10 − 6) mod 10 = 4
		assertThat(InsurerNumber.checkDigit("0613045")).isEqualTo(4);
		assertThat(InsurerNumber.isValid("06130454")).isTrue();
		assertThat(InsurerNumber.isValid("06271183")).isTrue();
		assertThat(InsurerNumber.isValid("06132906")).isTrue();
		assertThat(InsurerNumber.isValid("06137111")).isTrue();
	}

	@Test
	void whenASumEndsInZeroThenTheCheckDigitIsZero() {
		// 0600002: 2×2=4 and 6×1=6 → 10 → check (10 − 0) mod 10 = 0
		assertThat(InsurerNumber.checkDigit("0600002")).isZero();
		assertThat(InsurerNumber.isValid("06000020")).isTrue();
	}

	@Test
	void whenTheCheckDigitIsWrongOrTheLawCodeIsNotKenpoThenTheNumberIsRefused() {
		assertThat(InsurerNumber.isValid("06130455")).isFalse();
		assertThat(InsurerNumber.isValid("01130454")).isFalse();
		assertThat(InsurerNumber.isValid("0613045")).isFalse();
		assertThat(InsurerNumber.isValid("０６１３０４５４")).isFalse();
		assertThat(InsurerNumber.isValid(null)).isFalse();
		assertThatThrownBy(() -> InsurerNumber.require("06130455")).isInstanceOf(IllegalArgumentException.class);
	}
}
