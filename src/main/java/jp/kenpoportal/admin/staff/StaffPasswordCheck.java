package jp.kenpoportal.admin.staff;

import java.util.Optional;

/** What the password step of a staff sign-in found; the person sees one message whatever it was. */
public record StaffPasswordCheck(Outcome outcome, Optional<StaffAccount> staff) {

	public enum Outcome {
		ACCEPTED, UNKNOWN, NOT_ACTIVE, LOCKED, WRONG_PASSWORD, LOCKED_NOW
	}

	public boolean accepted() {
		return outcome == Outcome.ACCEPTED;
	}
}
