package jp.kenpoportal.mail.internal;

import java.util.regex.Pattern;

/**
 * A failed send as a log line can carry it: the exception with every mail address in its text
 * replaced. SMTP servers quote the refused recipient ("550 5.1.1 &lt;name@example.jp&gt;: unknown"),
 * and a member's address must not reach the logs.
 */
final class MailErrors {

	private static final Pattern ADDRESS = Pattern.compile("[^\\s<>\"'(),;:\\[\\]]+@[^\\s<>\"'(),;:\\[\\]]+");

	private MailErrors() {
	}

	static String describe(Throwable e) {
		return ADDRESS.matcher(e.toString()).replaceAll("<address>");
	}
}
