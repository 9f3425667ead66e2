package jp.kenpoportal.signin;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

import jp.kenpoportal.account.Account;
import jp.kenpoportal.audit.AuditTrail;
import jp.kenpoportal.audit.AuditType;
import jp.kenpoportal.member.Member;
import jp.kenpoportal.member.MemberDirectory;
import jp.kenpoportal.tenant.Kenpo;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Whether an account may still sign in after its insured lost the qualification (資格喪失日):
 * each kenpo keeps access for its own number of months after that day, or none. Asked on every
 * sign-in (password, passkey alone) and on each request of a signed-in member, so a session
 * that outlives the date ends too. Every refusal is audited.
 */
@Component
public class QualificationAccess {

	/** Path the sign-in page shows the refusal at, with the kenpo's contact. */
	public static final String REFUSED_PATH = "/login?accessEnded";

	private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

	private final MemberDirectory members;

	private final AuditTrail audit;

	private final MessageSource messages;

	private final Clock clock;

	QualificationAccess(MemberDirectory members, AuditTrail audit, MessageSource messages, Clock clock) {
		this.members = members;
		this.audit = audit;
		this.messages = messages;
		this.clock = clock;
	}

	/** Whether the member's access has ended today under the kenpo's setting. */
	public boolean ended(Kenpo kenpo, Member member) {
		return member.lostOn() != null && !today().isBefore(kenpo.accessEndsOn(member.lostOn()));
	}

	/**
	 * Refuses a sign-in whose access has ended, auditing it with {@code how} (e.g. "PASSWORD").
	 *
	 * @throws AccessEndedException when it has
	 */
	public void refuseIfEnded(Kenpo kenpo, Account account, String how) {
		Member member = members.find(kenpo.id(), account.memberId()).orElse(null);
		if (member != null && ended(kenpo, member)) {
			refused(kenpo, account.id(), member, how);
			throw new AccessEndedException();
		}
	}

	/** Audits a refusal: the account, how it came, and the day the qualification was lost. */
	public void refused(Kenpo kenpo, long accountId, Member member, String how) {
		audit.record(kenpo.id(), accountId, AuditType.SIGN_IN_ACCESS_ENDED, how + " lost " + member.lostOn());
	}

	/** The refusal in Japanese, naming the kenpo and how to reach it. */
	public String message(Kenpo kenpo) {
		return messages.getMessage("signin.accessEnded", new Object[] { kenpo.name(), contact(kenpo) }, Locale.JAPANESE);
	}

	/** The kenpo's mail address, and its phone number when it has one. */
	public static String contact(Kenpo kenpo) {
		return kenpo.contactPhone() == null ? kenpo.contactEmail()
				: kenpo.contactEmail() + "／" + kenpo.contactPhone();
	}

	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), JAPAN);
	}
}
