package jp.kenpoportal.audit;

import java.util.Locale;
import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Counts what the audit trail records, for Prometheus: every event by type, sign-ins by step,
 * outcome and factor, and locks. Labels come from fixed sets only (the event type, a factor named
 * in the detail); the detail itself, which can hold a typed user ID's hash or a reason, never
 * becomes a label. An event counts once its transaction commits, as the audit row does.
 */
@Component
class AuditMetrics {

	private static final Set<String> FACTORS = Set.of("PASSWORD", "TOTP", "EMAIL_CODE", "PASSKEY");

	/** The email-code checks name the outcome, not the factor (CodeCheck). */
	private static final Set<String> EMAIL_CODE_CHECKS = Set.of("WRONG", "EXHAUSTED", "NO_ACTIVE_CODE", "MALFORMED");

	private final MeterRegistry registry;

	AuditMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	void recorded(AuditType type, String detail) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					count(type, detail);
				}
			});
		}
		else {
			count(type, detail);
		}
	}

	private void count(AuditType type, String detail) {
		registry.counter("kenpo.audit.events", "type", type.name()).increment();
		String who = type.name().startsWith("STAFF_") ? "staff" : "member";
		switch (type) {
			case SIGN_IN_PASSWORD_ACCEPTED, STAFF_SIGN_IN_PASSWORD_ACCEPTED -> signIn(who, "password", "accepted", "password");
			case SIGN_IN_FAILED, STAFF_SIGN_IN_FAILED -> signIn(who, "password", "failed", "password");
			case SIGN_IN_THROTTLED, STAFF_SIGN_IN_THROTTLED -> signIn(who, "password", "throttled", "password");
			case SIGN_IN_ACCESS_ENDED -> signIn(who, "password", "access_ended", factor(detail));
			case SIGN_IN_SECOND_FACTOR_ACCEPTED, STAFF_SECOND_FACTOR_ACCEPTED ->
				signIn(who, "second_factor", "accepted", factor(detail));
			case SECOND_FACTOR_FAILED, STAFF_SECOND_FACTOR_FAILED -> signIn(who, "second_factor", "failed", factor(detail));
			case ACCOUNT_LOCKED, STAFF_LOCKED -> registry.counter("kenpo.account.locks", "who", who).increment();
			default -> {
			}
		}
	}

	private void signIn(String who, String step, String outcome, String factor) {
		registry.counter("kenpo.signin.attempts", "who", who, "step", step, "outcome", outcome, "factor", factor)
			.increment();
	}

	/** The factor a detail names ("TOTP", "ENROL PASSKEY", "SWITCH EMAIL_CODE", a CodeCheck), else "other". */
	static String factor(String detail) {
		if (detail == null) {
			return "other";
		}
		for (String word : detail.split(" ")) {
			if (FACTORS.contains(word)) {
				return word.toLowerCase(Locale.ROOT);
			}
			if (EMAIL_CODE_CHECKS.contains(word)) {
				return "email_code";
			}
		}
		return "other";
	}
}
