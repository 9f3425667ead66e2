package jp.kenpoportal.signin;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import jp.kenpoportal.account.Account;
import jp.kenpoportal.common.BrowserName;
import jp.kenpoportal.signin.emailcode.MailTexts;
import jp.kenpoportal.tenant.Kenpo;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Tells the member by mail that something about their sign-in changed: what, when, from
 * which browser, and whom to contact if it was not them. Queued in the same transaction.
 */
@Component
public class SecurityNotices {

	private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

	private final MailTexts mails;

	private final MessageSource messages;

	private final Clock clock;

	SecurityNotices(MailTexts mails, MessageSource messages, Clock clock) {
		this.mails = mails;
		this.messages = messages;
		this.clock = clock;
	}

	/** {@code whatKey} names the change, e.g. {@code notice.factorChanged}. */
	public void send(Kenpo kenpo, Account account, String whatKey, Object... whatArgs) {
		if (account.email() == null || account.emailVerifiedAt() == null) {
			return;
		}
		sendTo(kenpo, account.email(), whatKey, whatArgs);
	}

	/** The same notice to a given address, e.g. the old one when the address changes. */
	public void sendTo(Kenpo kenpo, String address, String whatKey, Object... whatArgs) {
		String what = messages.getMessage(whatKey, whatArgs, Locale.JAPANESE);
		mails.send(kenpo, address, "securityNotice", what, WHEN.format(clock.instant().atZone(JAPAN)), browser(),
				kenpo.name(), kenpo.contactEmail());
	}

	private static String browser() {
		if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
			return "-";
		}
		// a short browser name, never the raw header: an attacker's User-Agent must not put
		// words or links into a genuine mail from the kenpo
		HttpServletRequest request = attributes.getRequest();
		return BrowserName.of(request.getHeader("User-Agent")) + " (" + request.getRemoteAddr() + ")";
	}
}
