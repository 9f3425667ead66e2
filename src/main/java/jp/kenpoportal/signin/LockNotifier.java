package jp.kenpoportal.signin;

import jp.kenpoportal.account.AccountLocked;
import jp.kenpoportal.account.AccountUnlocked;
import jp.kenpoportal.account.Accounts;
import jp.kenpoportal.audit.AuditTrail;
import jp.kenpoportal.audit.AuditType;
import jp.kenpoportal.tenant.KenpoDirectory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records a lock in the audit trail and tells the member by mail, whatever locked the
 * account; records the lift of a lock, by the kenpo or by the member's password reset. Runs in
 * the locking (unlocking) transaction, so the change, its record and its mail commit together
 * or not at all.
 */
@Component
class LockNotifier {

	private final KenpoDirectory kenpos;

	private final Accounts accounts;

	private final SecurityNotices notices;

	private final AuditTrail audit;

	LockNotifier(KenpoDirectory kenpos, Accounts accounts, SecurityNotices notices, AuditTrail audit) {
		this.kenpos = kenpos;
		this.accounts = accounts;
		this.notices = notices;
		this.audit = audit;
	}

	@EventListener
	void on(AccountLocked event) {
		audit.record(event.kenpoId(), event.accountId(), AuditType.ACCOUNT_LOCKED,
				event.untilKenpoUnlocks() ? "until the kenpo unlocks" : "temporarily");
		kenpos.findById(event.kenpoId())
			.ifPresent(kenpo -> accounts.find(kenpo.id(), event.accountId())
				.ifPresent(account -> notices.send(kenpo, account,
						event.untilKenpoUnlocks() ? "notice.accountLockedByKenpo" : "notice.accountLocked",
						kenpo.name(), kenpo.contactEmail())));
	}

	@EventListener
	void on(AccountUnlocked event) {
		audit.record(event.kenpoId(), event.accountId(), event.by() == AccountUnlocked.By.KENPO
				? AuditType.ACCOUNT_UNLOCKED_BY_KENPO : AuditType.ACCOUNT_UNLOCKED_BY_RESET, null);
	}
}
