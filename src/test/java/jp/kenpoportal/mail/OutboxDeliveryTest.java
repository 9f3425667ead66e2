package jp.kenpoportal.mail;

import java.time.Duration;
import java.time.Instant;

import com.icegreen.greenmail.util.GreenMail;
import jp.kenpoportal.support.Mailbox;
import jp.kenpoportal.support.Journeys;
import jp.kenpoportal.support.PortalTest;
import jp.kenpoportal.support.TestBrowser;
import jp.kenpoportal.support.TestMembers;
import jp.kenpoportal.support.TestMembers.TestMember;
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

	@Autowired
	TestMembers members;

	@org.springframework.boot.test.web.server.LocalServerPort
	int port;

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
	void whenMembersChangeThingsDuringAnSmtpOutageThenEveryMailArrivesAfterIt() throws Exception {
		TestMember member = members.newMember("sakura");
		TestBrowser browser = new TestBrowser(port, member.host());
		Journeys.onboard(browser, mailbox, member, "Outage-Pass-2026");
		int before = mailbox.count(member.email());
		smtp.stop();
		try {
			browser.get("/profile/password");
			assertThat(browser.submit("/profile/password", java.util.Map.of("currentPassword", "Outage-Pass-2026",
					"password", "After-Outage-2026", "passwordConfirm", "After-Outage-2026")).info())
				.contains("パスワードを変更しました");
			TestBrowser forgetful = new TestBrowser(port, member.host());
			forgetful.get("/forgot-password");
			forgetful.submit("/forgot-password", java.util.Map.of("userId", member.loginId(), "email", member.email()));
			awaitFailedAttempts(member.email(), 2);
		}
		finally {
			smtp.start();
		}

		// the server may come back empty: look for the two mails among whatever it holds
		Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
		java.util.List<String> texts = java.util.List.of();
		while (Instant.now().isBefore(deadline) && !(any(texts, "パスワードが変更されました") && any(texts, "/reset-password"))) {
			Thread.sleep(100);
			texts = mailbox.to(member.email()).stream().map(Mailbox.Mail::text).toList();
		}
		assertThat(texts).anySatisfy(text -> assertThat(text).contains("パスワードが変更されました"))
			.anySatisfy(text -> assertThat(text).contains("/reset-password"));
		assertThat(before).isPositive();
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

	private static boolean any(java.util.List<String> texts, String part) {
		return texts.stream().anyMatch(t -> t.contains(part));
	}

	private void awaitFailedAttempt(String to) throws InterruptedException {
		awaitFailedAttempts(to, 3);
	}

	private void awaitFailedAttempts(String to, int count) throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
		while (Instant.now().isBefore(deadline)) {
			int failed = jdbc.sql("select count(*) from mail_outbox where recipient = ? and attempts > 0 and sent_at is null")
				.param(to)
				.query(Integer.class)
				.single();
			if (failed == count) {
				return;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("the outbox never tried to send while SMTP was down");
	}
}
