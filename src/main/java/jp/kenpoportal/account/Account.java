package jp.kenpoportal.account;

import java.time.Instant;

import jp.kenpoportal.tenant.SecondFactor;

/**
 * A member's web account and where it stands: onboarding progress, second factor, lockout.
 * Hashes never leave the account module except through {@link Accounts}.
 * {@code publicationMail}: whether the member wants a mail when new data or お知らせ are published.
 */
public record Account(long id, long kenpoId, long memberId, String loginId, boolean loginIdTemporary,
		boolean hasInitialPassword, boolean hasPassword, String email, Instant emailVerifiedAt,
		Instant birthDateConfirmedAt, Integer termsVersion, Instant userIdConfirmedAt, SecondFactor secondFactor,
		Instant secondFactorEnrolledAt, Instant onboardedAt, int failedAttempts, int lockRound, Instant lockedUntil,
		Instant lockedByKenpoAt, boolean publicationMail) {

	public boolean onboarded() {
		return onboardedAt != null;
	}

	public boolean emailVerified() {
		return emailVerifiedAt != null && email != null;
	}

	/** Locked now: for a while after too many wrong passwords, or until the kenpo unlocks it. */
	public boolean lockedAt(Instant now) {
		return lockedByKenpoAt != null || (lockedUntil != null && lockedUntil.isAfter(now));
	}
}
