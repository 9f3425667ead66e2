package jp.kenpoportal.mail;

import jp.kenpoportal.support.Mailbox;
import jp.kenpoportal.support.PortalTest;
import jp.kenpoportal.support.TestBrowser;
import jp.kenpoportal.support.TestBrowser.Page;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@PortalTest
class DevMailboxTest {

	@LocalServerPort
	int port;

	@Autowired
	MailOutbox outbox;

	@Autowired
	Mailbox mailbox;

	@Test
	void whenMailsWereSentThenTheDevMailboxShowsThemNewestFirstWithClickableLinks() {
		String to = "dev" + System.nanoTime() + "@example.com";
		outbox.enqueue(null, to, "一通目", "最初のメールです。");
		mailbox.awaitMail(to, 1);
		outbox.enqueue(null, to, "二通目", "リンク：http://sakura.localhost:8080/email/verify?token=abc");
		mailbox.awaitMail(to, 2);

		Page page = new TestBrowser(port, "localhost", "127.0.0.1").get("/dev/mailbox");

		assertThat(page.status()).isEqualTo(200);
		String text = page.text();
		assertThat(text.indexOf("二通目")).isLessThan(text.indexOf("一通目"));
		assertThat(page.doc().select("a[href='http://sakura.localhost:8080/email/verify?token=abc']")).hasSize(1);
	}

	@Test
	void whenTheMailboxIsAskedForFromAnotherMachineThenItDoesNotExist() {
		assertThat(new TestBrowser(port, "sakura.localhost", "203.0.113.50").get("/dev/mailbox").status())
			.isEqualTo(404);
	}

	@Test
	void whenAMailIsQueuedThenItArrivesAsPlainTextAndHtmlInJapanese() {
		String to = "mime" + System.nanoTime() + "@example.com";

		outbox.enqueue(null, to, "【さくら電機健康保険組合】確認", "本文です。\nhttps://example.jp/x?a=1&b=2");

		Mailbox.Mail mail = mailbox.awaitMail(to, 1);
		assertThat(mail.subject()).isEqualTo("【さくら電機健康保険組合】確認");
		assertThat(mail.text()).contains("本文です。");
		assertThat(mail.html()).contains("<a href=\"https://example.jp/x?a=1&amp;b=2\">");
	}
}
