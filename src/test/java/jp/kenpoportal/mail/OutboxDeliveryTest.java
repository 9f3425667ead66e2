package jp.kenpoportal.mail;

import java.time.Duration;

import com.icegreen.greenmail.util.GreenMail;
import jp.kenpoportal.support.Eventually;
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
			awaitFailedAttempt(member.email());
		}
		finally {
			smtp.start();
		}

		// the server may come back empty: look for the two mails among whatever it holds
		java.util.List<String> texts = Eventually.value(Duration.ofSeconds(15), () -> {
			java.util.List<String> arrived = mailbox.to(member.email()).stream().map(Mailbox.Mail::text).toList();
			return any(arrived, "パスワードが変更されました") && any(arrived, "/reset-password")
					? java.util.Optional.of(arrived) : java.util.Optional.empty();
		}, () -> "the mails sent during the outage did not all arrive: " + mailbox.to(member.email()));
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
		// the rolled-back mail was never queued, so nothing is left to arrive later
		assertThat(jdbc.sql("select count(*) from mail_outbox where recipient = ?").param(to).query(Integer.class).single())
			.isEqualTo(1);
		assertThat(mailbox.count(to)).isEqualTo(1);
	}

	private static boolean any(java.util.List<String> texts, String part) {
		return texts.stream().anyMatch(t -> t.contains(part));
	}

	/**
	 * Waits until the outbox has tried the server with one of the recipient's mails and failed:
	 * while the server is away a node tries it with one mail at a time, the others wait their turn.
	 */
	private void awaitFailedAttempt(String to) {
		Eventually.holds(Duration.ofSeconds(10), () -> jdbc
			.sql("select count(*) from mail_outbox where recipient = ? and attempts > 0 and sent_at is null")
			.param(to)
			.query(Integer.class)
			.single() > 0, () -> "the outbox never tried to send while SMTP was down");
	}
}
