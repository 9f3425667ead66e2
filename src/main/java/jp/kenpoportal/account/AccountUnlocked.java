package jp.kenpoportal.account;

/** Published when a locked account is unlocked: by the kenpo, or by the member's own password reset. */
public record AccountUnlocked(long kenpoId, long accountId, By by) {

	/** Who lifted the lock. */
	public enum By {
		/** The kenpo's staff ({@link Accounts#unlock}). */
		KENPO,
		/** The member, by a password reset through the registered mail address with the birth date. */
		PASSWORD_RESET
	}
}
