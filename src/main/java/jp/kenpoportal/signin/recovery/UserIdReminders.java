package jp.kenpoportal.signin.recovery;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import jp.kenpoportal.account.Account;
import jp.kenpoportal.account.Accounts;
import jp.kenpoportal.audit.AuditTrail;
import jp.kenpoportal.audit.AuditType;
import jp.kenpoportal.member.MemberDirectory;
import jp.kenpoportal.signin.emailcode.MailTexts;
import jp.kenpoportal.tenant.Kenpo;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * ユーザIDを忘れた方: mails the user IDs of the kenpo's accounts whose verified address and
 * member's birth date both match. The birth date keeps a shared family address from
 * listing everyone's ID; nothing is mailed when nothing matches.
 */
@Service
class UserIdReminders {

	private final Accounts accounts;

	private final MemberDirectory members;

	private final MailTexts mails;

	private final AuditTrail audit;

	UserIdReminders(Accounts accounts, MemberDirectory members, MailTexts mails, AuditTrail audit) {
		this.accounts = accounts;
		this.members = members;
		this.mails = mails;
		this.audit = audit;
	}

	/** Returns how many user IDs were mailed (for the audit only: the page never shows it). */
	@Transactional
	int send(Kenpo kenpo, String email, LocalDate birthDate) {
		List<Account> matching = accounts.findByVerifiedEmail(kenpo.id(), email)
			.stream()
			.filter(a -> members.find(kenpo.id(), a.memberId()).map(m -> m.birthDate().equals(birthDate)).orElse(false))
			.toList();
		if (matching.isEmpty()) {
			audit.record(kenpo.id(), null, AuditType.RECOVERY_UNMATCHED, "USER_ID");
			return 0;
		}
		String ids = matching.stream().map(a -> "・" + a.loginId()).collect(Collectors.joining("\n"));
		mails.send(kenpo, matching.get(0).email(), "userIdReminder", ids, kenpo.publicBaseUrl() + "/login");
		matching.forEach(a -> audit.record(kenpo.id(), a.id(), AuditType.USER_ID_REMINDER_SENT, null));
		return matching.size();
	}
}
