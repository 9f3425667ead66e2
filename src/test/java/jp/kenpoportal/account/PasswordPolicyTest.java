package jp.kenpoportal.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

import jp.kenpoportal.tenant.CharacterClass;
import jp.kenpoportal.tenant.PasswordRules;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

	/** A real kenpo's symbol set: the symbols of a Japanese keyboard less $ _ | and backslash. */
	static final String SYMBOLS = "!\"#%&'()*=~/`{+}<>?-^¥@[:;],.";

	/** (a) 8 to 64 characters, the symbol set above, no required class. */
	static final PasswordRules KENPO_A = new PasswordRules(8, 64, SYMBOLS, Set.of());

	/** (b) 8 to 64 characters, at least one letter and one digit. */
	static final PasswordRules KENPO_B = new PasswordRules(8, 64, SYMBOLS,
			Set.of(CharacterClass.DIGIT, CharacterClass.LETTER));

	/** (c) upper case, lower case, digit and symbol each required. */
	static final PasswordRules KENPO_C = new PasswordRules(8, 64, SYMBOLS,
			Set.of(CharacterClass.SYMBOL, CharacterClass.DIGIT, CharacterClass.LOWER, CharacterClass.UPPER));

	static final PasswordContext MEMBER = new PasswordContext("Yamada01", LocalDate.of(1985, 3, 12), "Tk7#pQ2z");

	// Loading the list once for the class keeps the tests as fast as the application.
	static final PasswordPolicy policy = new PasswordPolicy();

	static PolicyViolation violation(String key, Object... args) {
		return new PolicyViolation(key, args);
	}

	// length

	@Test
	void whenPasswordIsTooShortThenNamesTheLength() {
		assertThat(policy.check(KENPO_A, "Ab3-xyz", MEMBER))
			.containsExactly(violation("password.error.length", 8, 64));
	}

	@Test
	void whenPasswordIsTooLongThenNamesTheLength() {
		assertThat(policy.check(KENPO_A, "Ab3-" + "x".repeat(61), MEMBER))
			.containsExactly(violation("password.error.length", 8, 64));
	}

	@Test
	void whenPasswordIsExactlyTheShortestOrTheLongestThenLengthIsAccepted() {
		assertThat(policy.check(KENPO_A, "Ab3-xyzw", MEMBER)).isEmpty();
		assertThat(policy.check(KENPO_A, "Ab3-" + "x".repeat(60), MEMBER)).isEmpty();
	}

	@Test
	void whenPasswordIsNullThenItIsTooShort() {
		assertThat(policy.check(KENPO_A, null, MEMBER)).containsExactly(violation("password.error.length", 8, 64));
	}

	// allowed characters

	@Test
	void whenPasswordHasCharactersOutsideTheSetThenListsEachOnce() {
		assertThat(policy.check(KENPO_A, "あいabcあ12345", MEMBER))
			.containsExactly(violation("password.error.characters", "あ、い"));
	}

	@Test
	void whenPasswordHasSpacesThenNamesThemInWords() {
		assertThat(policy.check(KENPO_A, "blue river 42", MEMBER)).containsExactly(violation("password.error.space"));
		assertThat(policy.check(KENPO_A, "blue\u3000river42", MEMBER))
			.containsExactly(violation("password.error.space"));
	}

	@Test
	void whenPasswordHasSpacesAndOtherCharactersThenNamesBoth() {
		assertThat(policy.check(KENPO_A, "あ blue river 42", MEMBER))
			.containsExactly(violation("password.error.charactersAndSpace", "あ"));
	}

	@Test
	void whenSymbolIsNotInTheKenpoSetThenItIsRefused() {
		assertThat(policy.check(KENPO_A, "blue$river_42|", MEMBER))
			.containsExactly(violation("password.error.characters", "$、_、|"));
	}

	@Test
	void whenFullWidthLettersAreUsedThenTheyAreRefused() {
		assertThat(policy.check(KENPO_A, "ｂｌｕｅriver42", MEMBER))
			.containsExactly(violation("password.error.characters", "ｂ、ｌ、ｕ、ｅ"));
	}

	@Test
	void whenInvisibleCharacterIsUsedThenItIsShownAsItsCodePoint() {
		assertThat(policy.check(KENPO_A, "blue\u200Briver42", MEMBER))
			.containsExactly(violation("password.error.characters", "U+200B"));
	}

	@Test
	void whenYenIsAllowedThenBackslashIsToo() {
		assertThat(policy.check(KENPO_A, "blue\\river42", MEMBER)).isEmpty();
		assertThat(policy.check(KENPO_A, "blue¥river42", MEMBER)).isEmpty();
	}

	@Test
	void whenYenIsNotAllowedThenNeitherIsBackslash() {
		PasswordRules noYen = new PasswordRules(8, 64, "-", Set.of());

		assertThat(policy.check(noYen, "blue\\river42", MEMBER))
			.containsExactly(violation("password.error.characters", "\\"));
	}

	@Test
	void whenKenpoListsSpaceAmongItsSymbolsThenSpaceIsStillRefused() {
		PasswordRules withSpace = new PasswordRules(8, 64, "- ", Set.of());

		assertThat(policy.check(withSpace, "blue river-42", MEMBER)).containsExactly(violation("password.error.space"));
		assertThat(policy.describe(withSpace)).element(1).isEqualTo(violation("password.rule.characters", "-"));
	}

	// required character classes

	@Test
	void whenLetterIsRequiredAndMissingThenAsksForALetter() {
		assertThat(policy.check(KENPO_B, "90817263545", MEMBER)).containsExactly(violation("password.error.letter"));
	}

	@Test
	void whenDigitIsRequiredAndMissingThenAsksForADigit() {
		assertThat(policy.check(KENPO_B, "kenpoportal", MEMBER)).containsExactly(violation("password.error.digit"));
	}

	@Test
	void whenUpperCaseIsRequiredAndMissingThenAsksForUpperCase() {
		assertThat(policy.check(KENPO_C, "kenpo-2024x", MEMBER)).containsExactly(violation("password.error.upper"));
	}

	@Test
	void whenLowerCaseIsRequiredAndMissingThenAsksForLowerCase() {
		assertThat(policy.check(KENPO_C, "KENPO-2024X", MEMBER)).containsExactly(violation("password.error.lower"));
	}

	@Test
	void whenSymbolIsRequiredAndMissingThenNamesTheKenpoSymbols() {
		assertThat(policy.check(KENPO_C, "Kenpo2024x", MEMBER))
			.containsExactly(violation("password.error.symbol", SYMBOLS));
	}

	@Test
	void whenOnlyASymbolOutsideTheKenpoSetIsUsedThenTheSymbolIsStillMissing() {
		// (not Kenpo2024$: a common word with digits and a symbol added is a breached password's variant)
		assertThat(policy.check(KENPO_C, "Riverkenpo2024$", MEMBER)).containsExactly(
				violation("password.error.characters", "$"), violation("password.error.symbol", SYMBOLS));
	}

	@Test
	void whenSeveralClassesAreMissingThenOneMessageEach() {
		assertThat(policy.check(KENPO_C, "kenpoportal", MEMBER)).containsExactly(violation("password.error.upper"),
				violation("password.error.digit"), violation("password.error.symbol", SYMBOLS));
	}

	// user ID

	@Test
	void whenPasswordContainsTheUserIdThenItIsRefused() {
		assertThat(policy.check(KENPO_A, "my-YAMADA01-pw", MEMBER)).containsExactly(violation("password.error.loginId"));
	}

	@Test
	void whenUserIdIsShorterThanFourCharactersThenItIsNotLookedFor() {
		PasswordContext shortId = new PasswordContext("Tk7", null, null);

		assertThat(policy.check(KENPO_A, "Tk7-blue-river", shortId)).isEmpty();
	}

	// birth date

	@Test
	void whenPasswordContainsTheBirthDateThenItIsRefused() {
		assertThat(policy.check(KENPO_A, "blueriver19850312", MEMBER)).containsExactly(violation("password.error.birthDate"));
		assertThat(policy.check(KENPO_A, "blue850312x", MEMBER)).containsExactly(violation("password.error.birthDate"));
		assertThat(policy.check(KENPO_A, "blueriver03121985", MEMBER)).containsExactly(violation("password.error.birthDate"));
		assertThat(policy.check(KENPO_A, "1985/03/12blue", MEMBER))
			.containsExactly(violation("password.error.birthDate"));
	}

	@Test
	void whenPasswordHoldsOtherDigitsThenBirthDateRuleIsSilent() {
		assertThat(policy.check(KENPO_A, "blueriver19850313", MEMBER)).isEmpty();
	}

	// initial password

	@Test
	void whenPasswordIsTheInitialPasswordThenItIsRefused() {
		assertThat(policy.check(KENPO_C, "Tk7#pQ2z", MEMBER))
			.containsExactly(violation("password.error.initialPassword"));
	}

	@Test
	void whenThereIsNoInitialPasswordThenTheRuleIsSkipped() {
		PasswordContext noInitial = new PasswordContext("Yamada01", LocalDate.of(1985, 3, 12), null);

		assertThat(policy.check(KENPO_C, "Tk7#pQ2z", noInitial)).isEmpty();
	}

	// common passwords

	@Test
	void whenPasswordIsCommonThenItIsRefusedWhateverItsCase() {
		assertThat(policy.check(KENPO_A, "password", MEMBER)).containsExactly(violation("password.error.common"));
		assertThat(policy.check(KENPO_A, "PassWord", MEMBER)).containsExactly(violation("password.error.common"));
		assertThat(policy.check(KENPO_B, "password1", MEMBER)).containsExactly(violation("password.error.common"));
		assertThat(policy.check(KENPO_A, "12345678", MEMBER)).containsExactly(violation("password.error.common"));
	}

	@Test
	void whenPasswordOnlyContainsACommonPasswordThenItIsAccepted() {
		assertThat(policy.check(KENPO_A, "password-blue-river", MEMBER)).isEmpty();
	}

	@Test
	void whenPasswordIsABreachedOneWithLeetOrTrailingDigitsAndSymbolsThenEveryKenpoRefusesIt() {
		for (PasswordRules kenpo : List.of(KENPO_A, KENPO_B, KENPO_C)) {
			for (String weak : List.of("Passw0rd!", "P@ssword1", "password123!", "Password#2026", "Sunshine1!",
					"Dragon2026", "iloveyou!")) {
				assertThat(policy.check(kenpo, weak, MEMBER)).as(weak).contains(violation("password.error.common"));
			}
		}
	}

	@Test
	void breachedPasswordCorpusIsLargeAndHoldsManyEntriesThePoliciesAllow() {
		BreachedPasswords corpus = new BreachedPasswords();

		assertThat(corpus.size()).isGreaterThanOrEqualTo(90_000);
		assertThat(corpus.entriesOfAtLeast(8)).isGreaterThanOrEqualTo(35_000);
		assertThat(BreachedPasswords.stem("p@ssw0rd123!")).isEqualTo(BreachedPasswords.stem("password"));
	}

	// the kenpo examples

	@Test
	void goodPasswordsPassEachKenpo() {
		assertThat(policy.check(KENPO_A, "blueriverkenpo", MEMBER)).isEmpty();
		assertThat(policy.check(KENPO_B, "blueriver42", MEMBER)).isEmpty();
		assertThat(policy.check(KENPO_C, "Blue-River-42", MEMBER)).isEmpty();
		assertThat(policy.check(KENPO_C, "K'(1)\"y{+}<>?-^¥@[:;],.~=*&%#!`/", MEMBER)).isEmpty();
	}

	@Test
	void withoutContextOnlyThePasswordRulesApply() {
		assertThat(policy.check(KENPO_C, "Tk7#pQ2z", null)).isEmpty();
		assertThat(policy.check(KENPO_C, "Tk7#pQ2z", PasswordContext.NONE)).isEmpty();
	}

	@Test
	void brokenRulesComeInTheOrderOfDescribe() {
		assertThat(policy.check(KENPO_C, "yamada01 ｘ19850312", MEMBER)).containsExactly(
				violation("password.error.charactersAndSpace", "ｘ"), violation("password.error.upper"),
				violation("password.error.symbol", SYMBOLS), violation("password.error.loginId"),
				violation("password.error.birthDate"));
	}

	@Test
	void describeReturnsTheRulesInOrder() {
		List<PolicyViolation> common = List.of(violation("password.rule.loginId"), violation("password.rule.birthDate"),
				violation("password.rule.initialPassword"), violation("password.rule.common"));

		assertThat(policy.describe(KENPO_A)).startsWith(violation("password.rule.length", 8, 64),
				violation("password.rule.characters", SYMBOLS))
			.endsWith(common.toArray(PolicyViolation[]::new))
			.hasSize(6);
		assertThat(policy.describe(KENPO_B)).containsSubsequence(violation("password.rule.characters", SYMBOLS),
				violation("password.rule.letter"), violation("password.rule.digit"), violation("password.rule.loginId"))
			.hasSize(8);
		assertThat(policy.describe(KENPO_C)).containsSubsequence(violation("password.rule.characters", SYMBOLS),
				violation("password.rule.upper"), violation("password.rule.lower"), violation("password.rule.digit"),
				violation("password.rule.symbol"), violation("password.rule.loginId"))
			.hasSize(10);
	}

	@Test
	void describeWithoutSymbolsSaysLettersAndDigitsOnly() {
		PasswordRules alphanumeric = new PasswordRules(10, 32, "", Set.of());

		assertThat(policy.describe(alphanumeric)).startsWith(violation("password.rule.length", 10, 32),
				violation("password.rule.alphanumeric"));
		assertThat(policy.check(alphanumeric, "blueriver-42", MEMBER))
			.containsExactly(violation("password.error.characters", "-"));
	}

	// messages

	@Test
	void everyKeyReturnedExistsInBothLanguages() throws IOException {
		Properties japanese = load("i18n/password_ja.properties");
		Properties english = load("i18n/password.properties");

		List<PolicyViolation> returned = everyKindOfViolation();

		assertThat(returned).extracting(PolicyViolation::messageKey).allSatisfy(key -> {
			assertThat(japanese).containsKey(key);
			assertThat(english).containsKey(key);
		});
		assertThat(japanese.keySet()).containsExactlyInAnyOrderElementsOf(english.keySet());
		assertThat(returned).extracting(PolicyViolation::messageKey)
			.containsAll(japanese.stringPropertyNames());
	}

	@Test
	void everyMessageFormatsWithItsArguments() throws IOException {
		for (String file : List.of("i18n/password_ja.properties", "i18n/password.properties")) {
			Properties messages = load(file);
			assertThat(messages.values()).as(file).allSatisfy(text -> assertThat((String) text).doesNotContain("'"));
			for (PolicyViolation violation : everyKindOfViolation()) {
				String text = new MessageFormat(messages.getProperty(violation.messageKey()), Locale.JAPAN)
					.format(violation.args());
				assertThat(text).as(violation.messageKey()).doesNotContainPattern("\\{\\d").isNotBlank();
			}
		}
	}

	@Test
	void japaneseMessagesReadAsTheMemberSeesThem() throws IOException {
		Properties japanese = load("i18n/password_ja.properties");

		assertThat(format(japanese, violation("password.error.length", 8, 64)))
			.isEqualTo("パスワードは8文字以上64文字以下で入力してください。");
		assertThat(format(japanese, policy.check(KENPO_A, "あ blue river", MEMBER).get(0)))
			.isEqualTo("使用できない文字が含まれています：あ、空白");
		assertThat(format(japanese, policy.describe(KENPO_A).get(1)))
			.isEqualTo("使用できる文字：半角英数字と次の記号 " + SYMBOLS);
	}

	private static List<PolicyViolation> everyKindOfViolation() {
		PasswordRules everything = new PasswordRules(8, 64, SYMBOLS, EnumSet.allOf(CharacterClass.class));
		List<PolicyViolation> all = new ArrayList<>(policy.describe(everything));
		all.addAll(policy.describe(new PasswordRules(8, 64, "", Set.of())));
		for (String password : List.of("x", "あ ", " ", "あ", "yamada01 19850312", "Tk7#pQ2z", "password")) {
			all.addAll(policy.check(everything, password, MEMBER));
		}
		return all;
	}

	private static String format(Properties messages, PolicyViolation violation) {
		return new MessageFormat(messages.getProperty(violation.messageKey()), Locale.JAPAN).format(violation.args());
	}

	private static Properties load(String path) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = resource(path)) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

	private static InputStream resource(String path) {
		InputStream in = PasswordPolicyTest.class.getClassLoader().getResourceAsStream(path);
		assertThat(in).as(path).isNotNull();
		return in;
	}
}
