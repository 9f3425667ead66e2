package jp.kenpoportal.admin.staff;

import java.time.Instant;

/**
 * A staff member's console account and where it stands. Hashes and the TOTP secret never
 * leave {@link StaffAccounts}.
 *
 * @param kenpoId the staff member's kenpo; null for an operator, who acts on every kenpo
 */
public record StaffAccount(long id, Long kenpoId, String loginId, String name, String email, StaffRole role,
		boolean hasPassword, Instant totpEnrolledAt, int failedAttempts, Instant lockedUntil, String lockReason,
		Instant disabledAt, Instant lastSignInAt, Instant createdAt) {

	public boolean operator() {
		return role == StaffRole.OPERATOR;
	}

	public boolean totpEnrolled() {
		return totpEnrolledAt != null;
	}

	public boolean disabled() {
		return disabledAt != null;
	}

	public boolean lockedAt(Instant now) {
		return lockedUntil != null && lockedUntil.isAfter(now);
	}

	/** Whether this staff member may act on the kenpo's data at all. */
	public boolean mayActOn(long kenpo) {
		return operator() || (kenpoId != null && kenpoId == kenpo);
	}
}
