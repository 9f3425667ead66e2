package jp.kenpoportal.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import jp.kenpoportal.common.TypedInput;
import jp.kenpoportal.tenant.CharacterClass;
import jp.kenpoportal.tenant.PasswordRules;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Any typed password, against any kenpo's rules and any member's context, is answered with
 * rules broken that both languages can word (never an exception, which would end the page in an
 * error instead of a Japanese message), and a password the policy accepts really keeps the
 * kenpo's length. Kept inputs: {@code src/test/resources/jp/kenpoportal/account/PasswordPolicyFuzzTestInputs/}.
 */
class PasswordPolicyFuzzTest {

	/** Every symbol a kenpo may allow (a Japanese keyboard's, ¥ included). */
	private static final String KEYBOARD_SYMBOLS = "!\"#$%&'()*=~|/`{+}<>?-^¥@[:;],._\\";

	private static final PasswordPolicy policy = new PasswordPolicy();

	private static final Properties JAPANESE = new Properties();

	private static final Properties ENGLISH = new Properties();

	@BeforeAll
	static void load() throws IOException {
		read("/i18n/password_ja.properties", JAPANESE);
		read("/i18n/password.properties", ENGLISH);
	}

	@FuzzTest(maxDuration = "3m")
	void anyPasswordAgainstAnyRulesGetsWordedAnswers(FuzzedDataProvider data) {
		int min = data.consumeInt(1, 64);
		int max = data.consumeInt(min, 128);
		StringBuilder symbols = new StringBuilder();
		for (char c : KEYBOARD_SYMBOLS.toCharArray()) {
			if (data.consumeBoolean()) {
				symbols.append(c);
			}
		}
		Set<CharacterClass> required = EnumSet.noneOf(CharacterClass.class);
		for (CharacterClass c : CharacterClass.values()) {
			if (data.consumeBoolean()) {
				required.add(c);
			}
		}
		PasswordRules rules = new PasswordRules(min, max, symbols.toString(), required);
		String loginId = data.consumeBoolean() ? null : TypedInput.userId(data.consumeString(40));
		LocalDate birth = data.consumeBoolean() ? null : LocalDate.ofEpochDay(data.consumeLong(-40_000, 40_000));
		String initial = data.consumeBoolean() ? null : data.consumeString(20);
		String password = TypedInput.password(data.consumeRemainingAsString());

		List<PolicyViolation> broken = policy.check(rules, password, new PasswordContext(loginId, birth, initial));
		for (PolicyViolation v : broken) {
			assertWorded(v);
		}
		policy.describe(rules).forEach(PasswordPolicyFuzzTest::assertWorded);
		if (broken.isEmpty()) {
			assertThat(password.codePointCount(0, password.length())).isBetween(min, max);
		}
	}

	/** Found by fuzzing: an emoji (or a 𠮷) before the birth date made the birth-date rule throw. */
	@Test
	void whenACharacterBeyondTheBasicPlaneComesBeforeTheBirthDateThenTheRuleIsNamed() {
		PasswordRules rules = new PasswordRules(8, 64, "-_!", Set.of());
		PasswordContext member = new PasswordContext("yamada01", LocalDate.of(1985, 3, 12), null);

		assertThat(policy.check(rules, "😀😀😀😀19850312", member)).contains(new PolicyViolation("password.error.birthDate"));
		assertThat(policy.check(rules, "𠮷野家-1985/03/12", member)).contains(new PolicyViolation("password.error.birthDate"));
	}

	private static void assertWorded(PolicyViolation v) {
		for (Properties bundle : List.of(JAPANESE, ENGLISH)) {
			assertThat(bundle).containsKey(v.messageKey());
			String worded = new MessageFormat(bundle.getProperty(v.messageKey()), Locale.JAPANESE).format(v.args());
			assertThat(worded).isNotBlank();
		}
	}

	private static void read(String resource, Properties into) throws IOException {
		try (InputStream in = PasswordPolicyFuzzTest.class.getResourceAsStream(resource)) {
			into.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
	}
}
