package jp.kenpoportal.signin.emailcode;

/** The outcome of checking a typed code. */
public enum CodeCheck {
	ACCEPTED,
	/** wrong, attempts remain */
	WRONG,
	/** wrong too often; the code is void */
	EXHAUSTED,
	/** no code, or it expired, was used or was replaced by a newer one */
	NO_ACTIVE_CODE,
	/** not six digits */
	MALFORMED;

	/** The message shown to the member for a refused code. */
	public String messageKey() {
		return "code.error." + name().toLowerCase();
	}
}
