package jp.kenpoportal.mail.internal;

import jakarta.mail.SendFailedException;

import org.springframework.mail.MailSendException;

/**
 * Tells a mail the SMTP server refused (an address it will not take) from a server that could not
 * be reached or did not answer: the first is the mail's problem, the second everyone's.
 */
final class SmtpFailure {

	private SmtpFailure() {
	}

	static boolean isRefusalOfThisMail(Throwable e) {
		if (e instanceof MailSendException send) {
			for (Exception perMessage : send.getMessageExceptions()) {
				if (refusal(perMessage)) {
					return true;
				}
			}
		}
		return refusal(e);
	}

	private static boolean refusal(Throwable e) {
		for (Throwable t = e; t != null; t = t.getCause()) {
			if (t instanceof SendFailedException) {
				return true;
			}
			if (t.getCause() == t) {
				break;
			}
		}
		return false;
	}
}
