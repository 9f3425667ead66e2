package jp.kenpoportal.signin.loginmethod;

import java.io.Serializable;
import java.util.Optional;

import jakarta.servlet.http.HttpSession;

import jp.kenpoportal.account.Account;
import jp.kenpoportal.account.Accounts;
import jp.kenpoportal.audit.AuditTrail;
import jp.kenpoportal.audit.AuditType;
import jp.kenpoportal.signin.SecurityNotices;
import jp.kenpoportal.signin.emailcode.CodeCheck;
import jp.kenpoportal.signin.emailcode.CodePurpose;
import jp.kenpoportal.signin.emailcode.EmailCodes;
import jp.kenpoportal.signin.passkey.Passkeys;
import jp.kenpoportal.signin.totp.TotpCredentials;
import jp.kenpoportal.signin.totp.TotpEnrolment;
import jp.kenpoportal.tenant.Kenpo;
import jp.kenpoportal.tenant.SecondFactor;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Switching the second factor: started (a POST) for one target factor, which the session
 * remembers; the new factor is enrolled; only then is the account switched and the old
 * factor retired.
 */
@Component
class FactorSwitches {

	private static final String IN_PROGRESS = FactorSwitches.class.getName() + ".inProgress";

	private final Accounts accounts;

	private final EmailCodes codes;

	private final TotpEnrolment totpEnrolment;

	private final TotpCredentials totp;

	private final Passkeys passkeys;

	private final SecurityNotices notices;

	private final AuditTrail audit;

	private final TransactionTemplate tx;

	FactorSwitches(Accounts accounts, EmailCodes codes, TotpEnrolment totpEnrolment, TotpCredentials totp,
			Passkeys passkeys, SecurityNotices notices, AuditTrail audit, TransactionTemplate tx) {
		this.accounts = accounts;
		this.codes = codes;
		this.totpEnrolment = totpEnrolment;
		this.totp = totp;
		this.passkeys = passkeys;
		this.notices = notices;
		this.audit = audit;
		this.tx = tx;
	}

	/** The factor the member may switch to: one the kenpo offers, other than the current one. */
	static Optional<SecondFactor> switchable(Kenpo kenpo, Account account, String factor) {
		try {
			SecondFactor target = SecondFactor.valueOf(factor);
			return kenpo.offers(target) && target != account.secondFactor() ? Optional.of(target) : Optional.empty();
		}
		catch (IllegalArgumentException e) {
			return Optional.empty();
		}
	}

	/**
	 * Starts a switch: clears what an abandoned one may have left and, for the mail code, sends
	 * the code. The message key when the code cannot be sent (quota used up), else null.
	 */
	String start(Kenpo kenpo, Account account, SecondFactor target, HttpSession session) {
		session.setAttribute(IN_PROGRESS, new InProgress(account.id(), target));
		return switch (target) {
			case PASSKEY -> {
				// passkeys left from an abandoned switch must not count as the new factor
				passkeys.removeAll(account);
				yield null;
			}
			case TOTP -> {
				totpEnrolment.restart(session);
				yield null;
			}
			case EMAIL_CODE -> codes.ensureSent(kenpo, account.id(), CodePurpose.ENROL, account.email()) ? null
					: "code.error.tooMany";
		};
	}

	/** Whether this session started a switch of this account to this factor. */
	boolean inProgress(Account account, SecondFactor target, HttpSession session) {
		return session.getAttribute(IN_PROGRESS) instanceof InProgress p && p.accountId() == account.id()
				&& p.target() == target;
	}

	/**
	 * Confirms the new factor and switches to it, retiring the old one; the new factor's secret,
	 * the switch, its audit record and its notice commit together. The message key when the new
	 * factor was not proved, else null.
	 */
	String finish(Kenpo kenpo, Account account, SecondFactor next, String code, HttpSession session) {
		SecondFactor previous = account.secondFactor();
		String problem = tx.execute(status -> {
			String refused = confirmNewFactor(account, next, code, session);
			if (refused != null) {
				audit.record(kenpo.id(), account.id(), AuditType.SECOND_FACTOR_FAILED, "SWITCH " + next);
				return refused;
			}
			accounts.switchSecondFactor(kenpo.id(), account.id(), next);
			retire(account, previous);
			audit.record(kenpo.id(), account.id(), AuditType.SECOND_FACTOR_CHANGED, previous + " -> " + next);
			notices.send(kenpo, account, "notice.factorChanged", new DefaultMessageSourceResolvable("factor." + next.name()));
			return null;
		});
		if (problem == null) {
			session.removeAttribute(IN_PROGRESS);
		}
		return problem;
	}

	/** Checks (and for the app, saves) the factor being switched to; the message key when it fails. */
	private String confirmNewFactor(Account account, SecondFactor next, String code, HttpSession session) {
		return switch (next) {
			case EMAIL_CODE -> {
				CodeCheck check = codes.check(account.id(), CodePurpose.ENROL, code);
				yield check == CodeCheck.ACCEPTED ? null : check.messageKey();
			}
			case TOTP -> totpEnrolment.confirm(account, session, code) ? null : "totp.error.enrol";
			case PASSKEY -> passkeys.count(account) > 0 ? null : "onboarding.factorPasskey.error.none";
		};
	}

	/** The old factor goes only after the new one works; passkeys go with their method. */
	private void retire(Account account, SecondFactor previous) {
		if (previous == SecondFactor.TOTP) {
			totp.remove(account);
		}
		if (previous == SecondFactor.PASSKEY) {
			passkeys.removeAll(account);
		}
	}

	private record InProgress(long accountId, SecondFactor target) implements Serializable {
	}
}
