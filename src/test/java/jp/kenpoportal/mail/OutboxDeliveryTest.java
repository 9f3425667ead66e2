package jp.kenpoportal.mail;

import java.time.Duration;
import java.time.Instant;

import com.icegreen.greenmail.util.GreenMail;
import jp.kenpoportal.support.Mailbox;
import jp.kenpoportal.support.PortalTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@PortalTest
class OutboxDeliveryTest {

	@Autowired
	GreenMail smtp;

	@Autowired
	MailOutbox outbox;

	@Autowired
	Mailbox mailbox;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	@Test
	void whenTheSmtpServerIsDownThenMailsWaitInTheOutboxAndAllArriveWhenItIsBack() throws Exception {
		String to = "outage" + System.nanoTime() + "@example.com";
		smtp.stop();
		try {
			for (int i = 1; i <= 3; i++) {
				outbox.enqueue(null, to, "障害中のメール " + i, "本文 " + i);
			}
			awaitFailedAttempt(to);
		}
		finally {
			smtp.start();
		}

		for (int i = 1; i <= 3; i++) {
			assertThat(mailbox.awaitMail(to, i)).isNotNull();
		}
		assertThat(mailbox.to(to)).extracting(Mailbox.Mail::subject)
			.containsExactlyInAnyOrder("障害中のメール 1", "障害中のメール 2", "障害中のメール 3");
	}

	@Test
	void whenTheChangeRollsBackThenItsMailIsNeverSent() throws Exception {
		String to = "rollback" + System.nanoTime() + "@example.com";

		tx.executeWithoutResult(status -> {
			outbox.enqueue(null, to, "送られないメール", "本文");
			status.setRollbackOnly();
		});
		outbox.enqueue(null, to, "送られるメール", "本文");

		assertThat(mailbox.awaitMail(to, 1).subject()).isEqualTo("送られるメール");
		Thread.sleep(500);
		assertThat(mailbox.count(to)).isEqualTo(1);
	}

	private void awaitFailedAttempt(String to) throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
		while (Instant.now().isBefore(deadline)) {
			int failed = jdbc.sql("select count(*) from mail_outbox where recipient = ? and attempts > 0 and sent_at is null")
				.param(to)
				.query(Integer.class)
				.single();
			if (failed == 3) {
				return;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("the outbox never tried to send while SMTP was down");
	}
}
