package jp.kenpoportal.mail.internal;

import org.junit.jupiter.api.Test;

import org.springframework.mail.MailSendException;

import static org.assertj.core.api.Assertions.assertThat;

/** A refused recipient quoted by the SMTP server never reaches the log line. */
class MailErrorsTest {

	@Test
	void addressesInTheServersAnswerAreReplaced() {
		String line = MailErrors.describe(new MailSendException(
				"550 5.1.1 <hanako.yamada@example.jp>: Recipient address rejected; also taro@sub.example.co.jp"));

		assertThat(line).contains("550 5.1.1 <<address>>: Recipient address rejected; also <address>")
			.doesNotContain("hanako", "taro", "example.jp");
	}
}
