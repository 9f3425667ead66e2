package jp.kenpoportal.tenant;

import java.util.Set;

/**
 * A kenpo's password policy.
 *
 * @param minLength shortest password
 * @param maxLength longest password
 * @param symbols the symbols allowed besides ASCII letters and digits
 * @param requiredClasses character classes that must each appear at least once
 */
public record PasswordRules(int minLength, int maxLength, String symbols, Set<CharacterClass> requiredClasses) {

	public PasswordRules {
		requiredClasses = Set.copyOf(requiredClasses);
	}
}
