package jp.kenpoportal.medical.deduction;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class DeductionRowTest {

	private static final LocalDate DAY = LocalDate.of(2025, 3, 1);

	@Test
	void whenReimbursedEqualsPaidThenTheRowIsKept() {
		assertThat(new DeductionRow("山田 太郎", "さくら病院", DeductionCategory.TREATMENT, 5000, 5000, DAY).reimbursedAmount())
			.isEqualTo(5000);
	}

	@Test
	void whenMoreIsReimbursedThanPaidThenTheRowIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new DeductionRow("山田 太郎", "さくら病院", DeductionCategory.TREATMENT, 5000, 5001, DAY));
	}

	@Test
	void whenAnAmountIsNegativeThenTheRowIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new DeductionRow("山田 太郎", "さくら病院", DeductionCategory.TREATMENT, -1, 0, DAY));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new DeductionRow("山田 太郎", "さくら病院", DeductionCategory.TREATMENT, 100, -1, DAY));
	}

	@Test
	void whenANameIsBlankOrMissingThenTheRowIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new DeductionRow(" 　", "さくら病院", DeductionCategory.TREATMENT, 100, 0, DAY));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new DeductionRow("山田 太郎", null, DeductionCategory.TREATMENT, 100, 0, DAY));
	}

	@Test
	void whenTheCategoryIsMissingThenTheRowIsRefused() {
		assertThatNullPointerException().isThrownBy(() -> new DeductionRow("山田 太郎", "さくら病院", null, 100, 0, DAY));
	}

	@Test
	void whenThePaymentDateIsUnknownThenTheRowIsKept() {
		assertThat(new DeductionRow("山田 太郎", "さくら薬局", DeductionCategory.MEDICINE, 100, 0, null).paidOn()).isNull();
	}
}
