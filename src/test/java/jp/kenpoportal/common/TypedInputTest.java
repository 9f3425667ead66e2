package jp.kenpoportal.common;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TypedInputTest {

	@Test
	void whenDigitsAreTypedInFullWidthWithSpacesThenOnlyHalfWidthDigitsRemain() {
		assertThat(TypedInput.digits("１２３　４５６")).isEqualTo("123456");
		assertThat(TypedInput.digits(" 123-456 ")).isEqualTo("123456");
		assertThat(TypedInput.digits("1979/08/22")).isEqualTo("19790822");
		assertThat(TypedInput.digits("1979年08月22日")).isEqualTo("19790822");
	}

	@Test
	void whenAUserIdIsTypedInFullWidthUpperCaseThenItBecomesHalfWidthLowerCase() {
		assertThat(TypedInput.userId("　ＹＡＭＡＤＡ．Ｔａｒｏ ")).isEqualTo("yamada.taro");
	}

	@Test
	void whenAMailAddressIsTypedThenOnlyTheDomainIsLowerCased() {
		assertThat(TypedInput.email(" Taro.Yamada@Example.COM ")).isEqualTo("Taro.Yamada@example.com");
		assertThat(TypedInput.email("ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ")).isEqualTo("taro@example.jp");
	}

	@Test
	void whenAPasswordIsTypedInFullWidthThenItEqualsTheHalfWidthOneButKeepsItsSpaces() {
		assertThat(TypedInput.password("Ｐａｓｓ１２３")).isEqualTo("Pass123");
		assertThat(TypedInput.password(" a b ")).isEqualTo(" a b ");
	}

	@Test
	void whenAMailAddressIsCheckedThenOnlyUsableOnesPass() {
		assertThat(EmailAddress.isValid("taro@example.com")).isTrue();
		assertThat(EmailAddress.isValid("taro+kenpo@mail.example.co.jp")).isTrue();
		assertThat(EmailAddress.isValid("taro@@example.com")).isFalse();
		assertThat(EmailAddress.isValid("taro@example")).isFalse();
		assertThat(EmailAddress.isValid("taro example@example.com")).isFalse();
		assertThat(EmailAddress.isValid("a".repeat(250) + "@example.com")).isFalse();
	}

	@Test
	void whenAnInputHoldsAControlCharacterThenItIsReplacedSoThatNoCheckAcceptsIt() {
		assertThat(TypedInput.userId("a\u0000b")).isEqualTo("a\uFFFDb");
		assertThat(TypedInput.email("a\u0007@example.com")).isEqualTo("a\uFFFD@example.com");
		assertThat(EmailAddress.isValid(TypedInput.email("a\u0000@example.com"))).isFalse();
		assertThat(TypedInput.digits("12\u00003456")).isEqualTo("12\uFFFD3456");
		assertThat(TypedInput.hasControlCharacter("a\u007Fb")).isTrue();
		assertThat(TypedInput.shown("a\u0000b")).isEqualTo("ab");
	}

	@Test
	void whenACodeEndsInALineBreakOrHoldsATabThenItIsStillForgiven() {
		assertThat(TypedInput.digits("123\t456\r\n")).isEqualTo("123456");
		assertThat(TypedInput.hasControlCharacter("123\t456\n")).isFalse();
	}

	@Test
	void whenABirthDateIsTypedWithFullWidthDigitsOrSeparatorsThenItIsTheSameDate() {
		LocalDate date = LocalDate.of(1979, 8, 22);
		assertThat(TypedInput.birthDate("19790822")).contains(date);
		assertThat(TypedInput.birthDate("１９７９０８２２")).contains(date);
		assertThat(TypedInput.birthDate(" 1979/08/22 ")).contains(date);
		assertThat(TypedInput.birthDate("1979-8-22")).contains(date);
		assertThat(TypedInput.birthDate("1979年8月22日")).contains(date);
		assertThat(TypedInput.birthDate("１９７９年８月２２日")).contains(date);
		assertThat(TypedInput.birthDate("1979.08.22")).contains(date);
	}

	@Test
	void whenABirthDateIsNoRealDateOrNotEightDigitsThenNothingIsParsed() {
		assertThat(TypedInput.birthDate("19790230")).isEmpty();
		assertThat(TypedInput.birthDate("790822")).isEmpty();
		assertThat(TypedInput.birthDate("1979/13/01")).isEmpty();
		assertThat(TypedInput.birthDate("")).isEmpty();
		assertThat(TypedInput.birthDate(null)).isEmpty();
		assertThat(TypedInput.birthDate("S54.8.22")).isEmpty();
	}
}
