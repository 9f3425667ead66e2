package jp.kenpoportal.admin.support;

import java.time.Instant;
import java.util.List;

import jp.kenpoportal.account.Account;
import jp.kenpoportal.audit.AuditEntry;
import jp.kenpoportal.member.Member;

/**
 * What member support shows of an account: its state only, never health data.
 *
 * @param lock NONE, TEMPORARY (until {@code account.lockedUntil()}) or KENPO (only the kenpo unlocks)
 */
public record AccountState(Account account, Member insured, Instant lastSignIn, String lock, List<AuditEntry> events) {

	public boolean locked() {
		return !"NONE".equals(lock);
	}
}
