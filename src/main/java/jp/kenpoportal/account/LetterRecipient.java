package jp.kenpoportal.account;

/**
 * An insured person a 仮ユーザID・仮パスワード letter goes to: the household's insured (枝番 00),
 * with the address for the window envelope when the roster has one, and the account if there is
 * one already (then its user ID stays).
 *
 * @param accountId null when the person has no account yet
 * @param loginId the account's user ID, null without an account
 * @param temporaryLoginId whether that user ID is a 仮ユーザID (true without an account)
 * @param postalCode NNN-NNNN as the roster import stores it, or null while the roster has none
 * @param address null while the roster has none
 */
public record LetterRecipient(long memberId, Long accountId, String loginId, boolean temporaryLoginId, String symbol,
		String number, String name, String postalCode, String address) {
}
