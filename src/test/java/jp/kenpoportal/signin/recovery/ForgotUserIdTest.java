package jp.kenpoportal.signin.recovery;

import java.util.Map;

import jp.kenpoportal.audit.AuditTrail;
import jp.kenpoportal.audit.AuditType;
import jp.kenpoportal.support.Journeys;
import jp.kenpoportal.support.Mailbox;
import jp.kenpoportal.support.Mailbox.Mail;
import jp.kenpoportal.support.MutableClock;
import jp.kenpoportal.support.PortalTest;
import jp.kenpoportal.support.TestBrowser;
import jp.kenpoportal.support.TestBrowser.Page;
import jp.kenpoportal.support.TestMembers;
import jp.kenpoportal.support.TestMembers.TestMember;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@PortalTest
class ForgotUserIdTest {

	private static final String PASSWORD = "Forgot-User-Id-7";

	private static final String NEUTRAL = "入力されたメールアドレスと生年月日がご登録の内容と一致する場合は、ユーザIDをお知らせするメールを送信しました。";

	@LocalServerPort
	int port;

	@Autowired
	TestMembers members;

	@Autowired
	Mailbox mailbox;

	@Autowired
	MutableClock clock;

	@Autowired
	AuditTrail audit;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	private TestMember onboardedMember() {
		TestMember member = members.newMember("sakura");
		Journeys.onboard(new TestBrowser(port, member.host()), mailbox, member, PASSWORD);
		return member;
	}

	private Page ask(TestMember member, String email, String birthDate) {
		return ask(new TestBrowser(port, member.host()), email, birthDate);
	}

	private Page ask(TestBrowser browser, String email, String birthDate) {
		browser.get("/login");
		Page form = browser.get("/forgot-user-id");
		assertThat(form.heading()).isEqualTo("ユーザIDを忘れた方");
		return browser.submit("/forgot-user-id", Map.of("email", email, "birthDate", birthDate));
	}

	private int queued(String recipient) {
		return jdbc.sql("select count(*) from mail_outbox where recipient = ?")
			.param(recipient)
			.query(Integer.class)
			.single();
	}

	@Test
	void whenAddressAndBirthDateMatchThenTheMailListsTheUserId() {
		TestMember member = onboardedMember();
		int before = mailbox.count(member.email());

		Page page = ask(member, " " + member.email().toUpperCase() + " ", toFullWidth(member.birthDateDigits()));

		assertThat(page.path()).isEqualTo("/forgot-user-id?sent");
		assertThat(page.heading()).isEqualTo("お手続きを受け付けました");
		assertThat(page.info()).contains(NEUTRAL);
		Mail mail = mailbox.awaitMail(member.email(), before + 1);
		assertThat(mail.subject()).isEqualTo("【さくら電機健康保険組合】ユーザIDのお知らせ");
		assertThat(mail.text()).contains("・" + member.loginId()).contains("/login");
		assertThat(audit.recent(member.kenpo().id(), member.accountId(), 1)).extracting(e -> e.type())
			.containsExactly(AuditType.USER_ID_REMINDER_SENT);
	}

	@Test
	void whenBirthDateIsTypedWithSlashesThenItMatchesToo() {
		TestMember member = onboardedMember();
		int before = queued(member.email());

		ask(member, member.email(), member.birthDate().toString().replace("-", "/"));

		assertThat(queued(member.email())).isEqualTo(before + 1);
	}

	@Test
	void whenAddressIsNotRegisteredThenTheSamePageAndNoMail() {
		TestMember member = onboardedMember();
		String unknown = "nobody-" + member.loginId() + "@example.com";
		String matched = ask(member, member.email(), member.birthDateDigits()).text();

		Page page = ask(member, unknown, member.birthDateDigits());

		assertThat(page.path()).isEqualTo("/forgot-user-id?sent");
		assertThat(page.text()).isEqualTo(matched);
		assertThat(queued(unknown)).isZero();
	}

	@Test
	void whenBirthDateDoesNotMatchThenTheSamePageAndNoMail() {
		TestMember member = onboardedMember();
		String matched = ask(member, member.email(), member.birthDateDigits()).text();
		int before = queued(member.email());

		Page page = ask(member, member.email(), member.birthDate().plusDays(1).toString().replace("-", ""));

		assertThat(page.text()).isEqualTo(matched);
		assertThat(queued(member.email())).isEqualTo(before);
	}

	@Test
	void whenTheAddressWasNeverVerifiedThenNoMail() {
		TestMember member = members.newMember("sakura");

		Page page = ask(member, member.email(), member.birthDateDigits());

		assertThat(page.info()).contains(NEUTRAL);
		assertThat(queued(member.email())).isZero();
	}

	@Test
	void whenBirthDateIsNotADateThenStaysOnTheFormWithMessage() {
		TestMember member = members.newMember("sakura");

		Page page = ask(member, member.email(), "1979-13-45");

		assertThat(page.path()).isEqualTo("/forgot-user-id");
		assertThat(page.error()).contains("生年月日を西暦・数字8桁で入力してください");
		assertThat(page.doc().selectFirst("#birthDate").attr("aria-invalid")).isEqualTo("true");
		assertThat(page.value("email")).isEqualTo(member.email());
	}

	@Test
	void theFormSaysWhomToContactWithoutARegisteredAddress() {
		TestMember member = members.newMember("aoba");
		TestBrowser browser = new TestBrowser(port, member.host());

		Page page = browser.get("/forgot-user-id");

		assertThat(page.text()).contains("メールアドレスを登録していない方")
			.contains("あおば食品健康保険組合（kenpo@aoba-foods.example）");
	}

	@Test
	void whenOneAddressIsAskedAboutTooOftenThenFurtherRequestsAreRefusedFromEveryClientAndSendNothing() {
		TestMember member = onboardedMember();
		int before = queued(member.email());
		for (int i = 0; i < 3; i++) {
			Page page = ask(new TestBrowser(port, member.host(), "192.0.2." + (120 + i)), member.email(),
					member.birthDateDigits());
			assertThat(page.info()).as("request %d", i + 1).contains(NEUTRAL);
		}

		Page refused = ask(new TestBrowser(port, member.host(), "192.0.2.130"), member.email().toUpperCase(),
				member.birthDateDigits());

		assertThat(refused.path()).isEqualTo("/forgot-user-id");
		assertThat(refused.error()).contains("受付を一時的に制限しています");
		assertThat(queued(member.email())).isEqualTo(before + 3);
		assertThat(jdbc.sql("select detail from audit_event where type = 'RECOVERY_THROTTLED' and client_ip = ?")
			.param("192.0.2.130")
			.query(String.class)
			.list()).containsExactly("USER_ID 192.0.2.130");
	}

	@Test
	void whenOneClientAsksTooOftenThenItIsToldToWaitWhateverAddressItAsksAbout() {
		TestMember member = onboardedMember();
		TestBrowser browser = new TestBrowser(port, member.host(), "192.0.2.140");
		for (int i = 0; i < 10; i++) {
			Page page = ask(browser, "someone" + i + "-" + member.email(), member.birthDateDigits());
			assertThat(page.info()).as("request %d", i + 1).contains(NEUTRAL);
		}
		int before = queued(member.email());

		Page refused = ask(browser, member.email(), member.birthDateDigits());

		assertThat(refused.error()).contains("受付を一時的に制限しています");
		assertThat(queued(member.email())).isEqualTo(before);
		assertThat(ask(new TestBrowser(port, member.host()), member.email(), member.birthDateDigits()).info())
			.contains(NEUTRAL);
	}

	static String toFullWidth(String s) {
		StringBuilder b = new StringBuilder();
		for (char c : s.toCharArray()) {
			b.append(c >= '!' && c <= '~' ? (char) (c - '!' + '！') : c);
		}
		return b.toString();
	}
}
