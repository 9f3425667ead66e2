package jp.kenpoportal.account;

/** What one more failed attempt did to an account. */
public enum FailureOutcome {
	COUNTED, LOCKED_TEMPORARILY, LOCKED_UNTIL_KENPO_UNLOCKS;

	public boolean locked() {
		return this != COUNTED;
	}
}
