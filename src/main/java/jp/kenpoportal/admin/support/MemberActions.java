package jp.kenpoportal.admin.support;

import java.util.List;
import java.util.Locale;

import jp.kenpoportal.account.Account;
import jp.kenpoportal.account.Accounts;
import jp.kenpoportal.account.LetterRecipient;
import jp.kenpoportal.account.TemporaryCredentials;
import jp.kenpoportal.account.TemporaryPasswords;
import jp.kenpoportal.admin.letters.CredentialLetter;
import jp.kenpoportal.admin.letters.CredentialLetters;
import jp.kenpoportal.admin.staff.StaffAccount;
import jp.kenpoportal.audit.AuditTrail;
import jp.kenpoportal.audit.AuditType;
import jp.kenpoportal.mail.MailOutbox;
import jp.kenpoportal.member.Member;
import jp.kenpoportal.signin.SessionControl;
import jp.kenpoportal.signin.emailcode.EmailVerifications;
import jp.kenpoportal.signin.passkey.Passkeys;
import jp.kenpoportal.signin.totp.TotpCredentials;
import jp.kenpoportal.tenant.Kenpo;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The member support actions beyond unlocking: remove the second factor, change the mail
 * address, reset to first registration. Each locks the account's row, changes it through the
 * account and sign-in modules' APIs, records the staff account and reason, and queues a notice
 * mail, all in one transaction; the member's sessions end once it has committed.
 */
@Service
class MemberActions {

	private final Accounts accounts;

	private final TotpCredentials totp;

	private final Passkeys passkeys;

	private final EmailVerifications verifications;

	private final SessionControl sessions;

	private final CredentialLetters letters;

	private final TemporaryCredentials recipients;

	private final AuditTrail audit;

	private final MailOutbox outbox;

	private final MessageSource messages;

	MemberActions(Accounts accounts, TotpCredentials totp, Passkeys passkeys, EmailVerifications verifications,
			SessionControl sessions, CredentialLetters letters, TemporaryCredentials recipients, AuditTrail audit,
			MailOutbox outbox, MessageSource messages) {
		this.accounts = accounts;
		this.totp = totp;
		this.passkeys = passkeys;
		this.verifications = verifications;
		this.sessions = sessions;
		this.letters = letters;
		this.recipients = recipients;
		this.audit = audit;
		this.outbox = outbox;
		this.messages = messages;
	}

	/** The factor and its secrets go; the next sign-in is the password, then a mail code, then in. */
	@Transactional
	void removeFactor(Kenpo kenpo, Account account, StaffAccount staff, String reason) {
		accounts.lockRow(kenpo.id(), account.id());
		totp.remove(account);
		passkeys.removeAll(account);
		accounts.restartFactorEnrolment(kenpo.id(), account.id());
		audit.recordStaff(kenpo.id(), account.id(), staff.id(), AuditType.MEMBER_FACTOR_REMOVED_BY_STAFF, reason);
		notify(kenpo, account, account.email(), "factorRemoved");
		// a session that passed the old factor must not outlive it
		sessions.endAllSessions(account.id());
	}

	/**
	 * Sends the confirmation link to the new address; the account keeps the old one until the
	 * member follows the link, and the old address is told now.
	 */
	@Transactional
	void changeEmail(Kenpo kenpo, Account account, StaffAccount staff, String reason, String newEmail) {
		accounts.lockRow(kenpo.id(), account.id());
		verifications.send(kenpo, account.id(), newEmail);
		audit.recordStaff(kenpo.id(), account.id(), staff.id(), AuditType.MEMBER_EMAIL_CHANGE_BY_STAFF,
				account.email() + " -> " + newEmail + ": " + reason);
		notify(kenpo, account, account.email(), "emailChange");
	}

	/**
	 * Back to the first onboarding step with a new 仮パスワード; returns the letter (PDF) that
	 * carries it, the only place it ever appears in clear.
	 */
	@Transactional
	byte[] reset(Kenpo kenpo, Account account, Member insured, StaffAccount staff, String reason) {
		accounts.lockRow(kenpo.id(), account.id());
		String password = TemporaryPasswords.next();
		totp.remove(account);
		passkeys.removeAll(account);
		accounts.resetToFirstRegistration(kenpo.id(), account.id(), password);
		audit.recordStaff(kenpo.id(), account.id(), staff.id(), AuditType.MEMBER_RESET_BY_STAFF, reason);
		notify(kenpo, account, account.email(), "reset");
		sessions.endAllSessions(account.id());
		// the same letter as the batches of 仮ユーザID・仮パスワード, with the address for a window envelope
		LetterRecipient to = recipients.recipient(kenpo.id(), account.memberId()).orElse(null);
		String name = insured == null ? "" : insured.name();
		CredentialLetter letter = new CredentialLetter(name, to == null ? null : to.postalCode(),
				to == null ? null : to.address(), account.loginId(), account.loginIdTemporary(), password);
		return letters.render(kenpo, List.of(letter), "console.support.letter.title", "console.support.letter.lead");
	}

	private void notify(Kenpo kenpo, Account account, String address, String mail) {
		if (address == null || !account.emailVerified()) {
			return;
		}
		outbox.enqueue(kenpo.id(), address,
				messages.getMessage("console.support.mail." + mail + ".subject", new Object[] { kenpo.name() },
						Locale.JAPAN),
				messages.getMessage("console.support.mail." + mail + ".body",
						new Object[] { kenpo.name(), account.loginId(), kenpo.publicBaseUrl(), kenpo.contactEmail() },
						Locale.JAPAN));
	}
}
