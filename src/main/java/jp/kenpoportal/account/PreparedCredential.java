package jp.kenpoportal.account;

/**
 * A 仮ユーザID and the hash of its 仮パスワード for one recipient, hashed ahead of the short
 * transaction that issues a whole batch (a hash takes tens of milliseconds). The hash never
 * leaves this module; the password itself was never kept.
 */
public final class PreparedCredential {

	private final LetterRecipient recipient;

	private final String loginId;

	private final String passwordHash;

	PreparedCredential(LetterRecipient recipient, String loginId, String passwordHash) {
		this.recipient = recipient;
		this.loginId = loginId;
		this.passwordHash = passwordHash;
	}

	public LetterRecipient recipient() {
		return recipient;
	}

	/** The user ID the letter prints: the account's own, or a new 仮ユーザID. */
	public String loginId() {
		return loginId;
	}

	String passwordHash() {
		return passwordHash;
	}
}
