package jp.kenpoportal.account;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jp.kenpoportal.tenant.CharacterClass;
import jp.kenpoportal.tenant.PasswordRules;
import org.passay.DefaultPasswordValidator;
import org.passay.PasswordData;
import org.passay.RuleResultDetail;
import org.passay.UnicodeString;
import org.passay.data.CharacterData;
import org.passay.data.EnglishCharacterData;
import org.passay.dictionary.Dictionary;
import org.passay.rule.AllowedCharacterRule;
import org.passay.rule.CharacterRule;
import org.passay.rule.DictionaryRule;
import org.passay.rule.IllegalRegexRule;
import org.passay.rule.LengthRule;
import org.passay.rule.Rule;
import org.passay.rule.SourceRule;
import org.passay.rule.UsernameRule;
import org.passay.support.SourceReference;

import org.springframework.stereotype.Component;

/**
 * A kenpo's {@link PasswordRules} plus the rules every kenpo shares (no user ID, no birth date, not
 * the initial password, not a common password), checked with Passay. Results are message keys of
 * {@code i18n/password*.properties} with their arguments, so that pages and API answers word them
 * in the member's language.
 */
@Component
public class PasswordPolicy {

	// Shorter IDs occur by chance in too many good passwords to be worth refusing.
	private static final int MIN_LOGIN_ID_LENGTH = 4;

	// Japanese keyboards label the backslash key ¥, and many fonts draw U+005C as ¥: a member who
	// was told ¥ is allowed may well type a backslash.
	private static final String YEN = "\u00A5";

	private static final String BACKSLASH = "\\";

	private static final String LETTERS_AND_DIGITS = EnglishCharacterData.Alphabetical.getCharacters()
			+ EnglishCharacterData.Digit.getCharacters();

	// Passay has no character data for "one of the kenpo's symbols", so we name its error code.
	private static final String INSUFFICIENT_SYMBOL = "INSUFFICIENT_SYMBOL";

	// The parameter AllowedCharacterRule fills with each offending character.
	private static final String ILLEGAL_CHARACTER = "illegalCharacter";

	// yyMMdd is part of yyyyMMdd and yy/MM/dd of yyyy/MM/dd; both are listed to state the intent.
	private static final List<DateTimeFormatter> BIRTH_DATE_FORMS = Arrays
		.stream(new String[] { "uuuuMMdd", "uuMMdd", "MMdduuuu", "uuuu/MM/dd", "uuuu-MM-dd", "uuuu.MM.dd" })
		.map(DateTimeFormatter::ofPattern)
		.toList();

	private static final Map<String, CharacterClass> CLASS_BY_ERROR_CODE = Map.of(
			EnglishCharacterData.Alphabetical.getErrorCode(), CharacterClass.LETTER,
			EnglishCharacterData.UpperCase.getErrorCode(), CharacterClass.UPPER,
			EnglishCharacterData.LowerCase.getErrorCode(), CharacterClass.LOWER,
			EnglishCharacterData.Digit.getErrorCode(), CharacterClass.DIGIT, INSUFFICIENT_SYMBOL,
			CharacterClass.SYMBOL);

	// one copy per application: the corpus takes a moment to load and some megabytes to hold
	private static final Dictionary BREACHED = new BreachedPasswords();

	private final Dictionary commonPasswords;

	public PasswordPolicy() {
		this.commonPasswords = BREACHED;
	}

	/** Every broken rule, in the order of {@link #describe}; empty when the password is acceptable. */
	public List<PolicyViolation> check(PasswordRules rules, String password, PasswordContext context) {
		PasswordContext member = context == null ? PasswordContext.NONE : context;
		DefaultPasswordValidator validator = new DefaultPasswordValidator(
				DefaultPasswordValidator.NO_ENTROPY_PROVIDER, passayRules(rules, member));
		List<RuleResultDetail> details = validator.validate(passwordData(password, member)).getDetails();
		return toViolations(rules, details);
	}

	/** The rules as the member reads them before typing (same {@link PolicyViolation} type: key + args). */
	public List<PolicyViolation> describe(PasswordRules rules) {
		List<PolicyViolation> described = new ArrayList<>();
		described.add(new PolicyViolation(rule("length"), rules.minLength(), rules.maxLength()));
		String symbols = shownSymbols(rules);
		described.add(symbols.isEmpty() ? new PolicyViolation(rule("alphanumeric"))
				: new PolicyViolation(rule("characters"), symbols));
		requiredClasses(rules).forEach(required -> described.add(new PolicyViolation(rule(suffix(required)))));
		described.add(new PolicyViolation(rule("loginId")));
		described.add(new PolicyViolation(rule("birthDate")));
		described.add(new PolicyViolation(rule("initialPassword")));
		described.add(new PolicyViolation(rule("common")));
		return List.copyOf(described);
	}

	// Passay reports details in the order of its rules, so this order is the order of describe().
	private List<Rule> passayRules(PasswordRules rules, PasswordContext member) {
		List<Rule> passayRules = new ArrayList<>();
		passayRules.add(new LengthRule(rules.minLength(), rules.maxLength()));
		passayRules.add(new AllowedCharacterRule(new UnicodeString(allowedCharacters(rules)), true));
		requiredClasses(rules).forEach(required -> passayRules.add(new CharacterRule(characterData(required, rules), 1)));
		if (hasUsableLoginId(member)) {
			passayRules.add(new UsernameRule(false, true));
		}
		if (member.birthDate() != null) {
			passayRules.add(new BirthDateRule(birthDatePattern(member.birthDate())));
		}
		if (member.initialPassword() != null) {
			passayRules.add(new SourceRule());
		}
		passayRules.add(new DictionaryRule(commonPasswords));
		return passayRules;
	}

	private static PasswordData passwordData(String password, PasswordContext member) {
		String username = hasUsableLoginId(member) ? member.loginId() : "";
		String candidate = password == null ? "" : password;
		if (member.initialPassword() == null) {
			return new PasswordData(username, candidate);
		}
		return new PasswordData(username, candidate, new SourceReference("initial", member.initialPassword()));
	}

	private static boolean hasUsableLoginId(PasswordContext member) {
		return member.loginId() != null
				&& member.loginId().codePointCount(0, member.loginId().length()) >= MIN_LOGIN_ID_LENGTH;
	}

	private static String birthDatePattern(LocalDate birthDate) {
		return BIRTH_DATE_FORMS.stream()
			.map(form -> Pattern.quote(birthDate.format(form)))
			.collect(Collectors.joining("|"));
	}

	// Enum order, not the set's, so that messages come out in the same order every time.
	private static List<CharacterClass> requiredClasses(PasswordRules rules) {
		return Arrays.stream(CharacterClass.values()).filter(rules.requiredClasses()::contains).toList();
	}

	private static CharacterData characterData(CharacterClass characterClass, PasswordRules rules) {
		return switch (characterClass) {
			case LETTER -> EnglishCharacterData.Alphabetical;
			case UPPER -> EnglishCharacterData.UpperCase;
			case LOWER -> EnglishCharacterData.LowerCase;
			case DIGIT -> EnglishCharacterData.Digit;
			case SYMBOL -> new KenpoSymbols(symbolCharacters(rules));
		};
	}

	private static String allowedCharacters(PasswordRules rules) {
		return LETTERS_AND_DIGITS + symbolCharacters(rules);
	}

	// The symbols a password may hold: as configured, plus the backslash that stands for ¥.
	private static String symbolCharacters(PasswordRules rules) {
		String symbols = shownSymbols(rules);
		return symbols.contains(YEN) && !symbols.contains(BACKSLASH) ? symbols + BACKSLASH : symbols;
	}

	// Spaces are never allowed, even when a kenpo's setting lists one among its symbols.
	private static String shownSymbols(PasswordRules rules) {
		String symbols = rules.symbols() == null ? "" : rules.symbols();
		return symbols.codePoints()
			.filter(c -> !isBlank(c))
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.toString();
	}

	// One violation per rule: Passay reports each offending character as its own detail.
	private static List<PolicyViolation> toViolations(PasswordRules rules, List<RuleResultDetail> details) {
		Map<String, List<RuleResultDetail>> byErrorCode = new LinkedHashMap<>();
		details.forEach(detail -> byErrorCode.computeIfAbsent(detail.getErrorCode(), code -> new ArrayList<>())
			.add(detail));
		return byErrorCode.entrySet()
			.stream()
			.map(entry -> toViolation(rules, entry.getKey(), entry.getValue()))
			.toList();
	}

	private static PolicyViolation toViolation(PasswordRules rules, String errorCode, List<RuleResultDetail> details) {
		return switch (errorCode) {
			case LengthRule.ERROR_CODE_MIN, LengthRule.ERROR_CODE_MAX ->
				new PolicyViolation(error("length"), rules.minLength(), rules.maxLength());
			case AllowedCharacterRule.ERROR_CODE -> illegalCharacters(details);
			case UsernameRule.ERROR_CODE, UsernameRule.ERROR_CODE_REVERSED -> new PolicyViolation(error("loginId"));
			case IllegalRegexRule.ERROR_CODE -> new PolicyViolation(error("birthDate"));
			case SourceRule.ERROR_CODE -> new PolicyViolation(error("initialPassword"));
			case DictionaryRule.ERROR_CODE, DictionaryRule.ERROR_CODE_REVERSED -> new PolicyViolation(error("common"));
			default -> missingClass(rules, errorCode);
		};
	}

	private static PolicyViolation missingClass(PasswordRules rules, String errorCode) {
		CharacterClass missing = CLASS_BY_ERROR_CODE.get(errorCode);
		if (missing == null) {
			throw new IllegalStateException("No message for Passay error code " + errorCode);
		}
		// The member has to know which symbols count, since the kenpo's set is not every ASCII symbol.
		return missing == CharacterClass.SYMBOL ? new PolicyViolation(error("symbol"), shownSymbols(rules))
				: new PolicyViolation(error(suffix(missing)));
	}

	// Blanks are named in words ("space"): shown as themselves they would be invisible.
	private static PolicyViolation illegalCharacters(List<RuleResultDetail> details) {
		Set<String> shown = new LinkedHashSet<>();
		boolean blank = false;
		for (RuleResultDetail detail : details) {
			String character = String.valueOf(detail.getParameters().get(ILLEGAL_CHARACTER));
			if (character.codePoints().allMatch(PasswordPolicy::isBlank)) {
				blank = true;
			}
			else {
				shown.add(visible(character));
			}
		}
		if (shown.isEmpty()) {
			return new PolicyViolation(error("space"));
		}
		String listed = String.join("、", shown);
		return blank ? new PolicyViolation(error("charactersAndSpace"), listed)
				: new PolicyViolation(error("characters"), listed);
	}

	private static boolean isBlank(int codePoint) {
		return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
	}

	// Control, format and combining characters would print as nothing or merge with their neighbour.
	private static String visible(String character) {
		int codePoint = character.codePointAt(0);
		return switch (Character.getType(codePoint)) {
			case Character.CONTROL, Character.FORMAT, Character.NON_SPACING_MARK, Character.ENCLOSING_MARK,
					Character.COMBINING_SPACING_MARK, Character.PRIVATE_USE, Character.SURROGATE,
					Character.UNASSIGNED ->
				String.format("U+%04X", codePoint);
			default -> character;
		};
	}

	private static String suffix(CharacterClass characterClass) {
		return characterClass.name().toLowerCase(Locale.ROOT);
	}

	private static String rule(String suffix) {
		return "password.rule." + suffix;
	}

	private static String error(String suffix) {
		return "password.error." + suffix;
	}

	/** The kenpo's own symbols as Passay character data, for the SYMBOL class. */
	private record KenpoSymbols(String characters) implements CharacterData {

		@Override
		public String getCharacters() {
			return characters;
		}

		@Override
		public String getErrorCode() {
			return INSUFFICIENT_SYMBOL;
		}
	}
}
