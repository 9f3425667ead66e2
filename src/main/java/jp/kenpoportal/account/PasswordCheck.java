package jp.kenpoportal.account;

import java.util.Optional;

/**
 * The outcome of a password check. Callers show one message for every refusal; the outcome
 * only tells the audit trail (and mails) what happened.
 */
public record PasswordCheck(Outcome outcome, Optional<Account> account) {

	public enum Outcome {
		ACCEPTED, UNKNOWN_USER, WRONG_PASSWORD, LOCKED_NOW, ALREADY_LOCKED
	}

	public boolean accepted() {
		return outcome == Outcome.ACCEPTED;
	}
}
