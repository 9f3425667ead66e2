package jp.kenpoportal.account;

import java.util.Map;
import java.util.regex.Pattern;

import org.passay.FailureRuleResult;
import org.passay.PasswordData;
import org.passay.RuleResult;
import org.passay.RuleResultDetail;
import org.passay.SuccessRuleResult;
import org.passay.rule.IllegalRegexRule;
import org.passay.rule.Rule;

/**
 * Refuses a password that holds the member's birth date in one of its usual forms, reported with
 * {@link IllegalRegexRule}'s error code. Passay's own rule matches on its {@code UnicodeString},
 * whose {@code subSequence} counts code points where {@code java.util.regex} hands it char
 * indices: a password with an emoji or a 𠮷 before the date threw instead of naming the rule
 * (found by {@code PasswordPolicyFuzzTest}). Matching on the plain string has no such mix.
 */
final class BirthDateRule implements Rule {

	private final Pattern pattern;

	BirthDateRule(String regex) {
		this.pattern = Pattern.compile(regex);
	}

	@Override
	public RuleResult validate(PasswordData passwordData) {
		if (!pattern.matcher(passwordData.getPassword().toString()).find()) {
			return new SuccessRuleResult();
		}
		// the match is part of the password: it is not carried in the result
		return new FailureRuleResult(new RuleResultDetail(IllegalRegexRule.ERROR_CODE, Map.of()));
	}
}
