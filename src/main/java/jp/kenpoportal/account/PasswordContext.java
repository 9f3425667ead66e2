package jp.kenpoportal.account;

import java.time.LocalDate;

/**
 * What the password policy needs to know about the member beyond the password itself.
 *
 * @param loginId the member's user ID; may be null when not known yet
 * @param birthDate the member's birth date; may be null when not known
 * @param initialPassword the initial password the member is replacing; null when there is none
 */
public record PasswordContext(String loginId, LocalDate birthDate, String initialPassword) {

	/** No member details: only the rules on the password itself apply. */
	public static final PasswordContext NONE = new PasswordContext(null, null, null);

	/** Never prints the initial password, so that a logged context leaks no secret. */
	@Override
	public String toString() {
		return "PasswordContext[loginId=" + loginId + ", birthDate=" + birthDate + ", initialPassword="
				+ (initialPassword == null ? "null" : "[hidden]") + "]";
	}
}
