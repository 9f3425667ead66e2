package jp.kenpoportal.signin;

import jp.kenpoportal.account.AccountLocked;
import jp.kenpoportal.account.Accounts;
import jp.kenpoportal.tenant.KenpoDirectory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells the member by mail that their account was locked, whatever locked it. */
@Component
class LockNotifier {

	private final KenpoDirectory kenpos;

	private final Accounts accounts;

	private final SecurityNotices notices;

	LockNotifier(KenpoDirectory kenpos, Accounts accounts, SecurityNotices notices) {
		this.kenpos = kenpos;
		this.accounts = accounts;
		this.notices = notices;
	}

	@EventListener
	void on(AccountLocked event) {
		kenpos.findById(event.kenpoId())
			.ifPresent(kenpo -> accounts.find(kenpo.id(), event.accountId())
				.ifPresent(account -> notices.send(kenpo, account,
						event.untilKenpoUnlocks() ? "notice.accountLockedByKenpo" : "notice.accountLocked",
						kenpo.name(), kenpo.contactEmail())));
	}
}
