package jp.kenpoportal.signin.recovery;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
class ForgotPasswordTest {

	private static final String PASSWORD = "Forgot-Password-7";

	private static final String NEW_PASSWORD = "Brand-New-Pass-42";

	private static final String NEUTRAL = "入力されたユーザIDとメールアドレスがご登録の内容と一致する場合は、パスワード再設定用のリンクをメールで送信しました。";

	private static final Pattern LINK = Pattern.compile("https?://\\S+/reset-password\\?token=[A-Za-z0-9_-]+");

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

	/** The member whose reset link was requested last. */
	private TestMember linked;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	private TestMember onboardedMember() {
		TestMember member = members.newMember("sakura");
		Journeys.onboard(new TestBrowser(port, member.host()), mailbox, member, PASSWORD);
		return member;
	}

	private Page ask(TestBrowser browser, String userId, String email) {
		browser.get("/login");
		Page form = browser.get("/forgot-password");
		assertThat(form.heading()).isEqualTo("パスワードを忘れた方");
		return browser.submit("/forgot-password", Map.of("userId", userId, "email", email));
	}

	/** Asks for a reset link and returns the path the mailed link opens. */
	private String requestLink(TestMember member) {
		linked = member;
		int before = mailbox.count(member.email());
		Page page = ask(new TestBrowser(port, member.host()), member.loginId(), member.email());
		assertThat(page.info()).contains(NEUTRAL);
		Mail mail = mailbox.awaitMail(member.email(), before + 1);
		assertThat(mail.subject()).isEqualTo("【さくら電機健康保険組合】パスワード再設定のご案内");
		return linkPath(mail);
	}

	private static String linkPath(Mail mail) {
		Matcher m = LINK.matcher(mail.text());
		assertThat(m.find()).as("reset link in %s", mail.text()).isTrue();
		URI link = URI.create(m.group());
		return link.getRawPath() + "?" + link.getRawQuery();
	}

	/** Sets a password through the link, with the birth date of the member it was last requested for. */
	private Page setPassword(TestBrowser browser, String linkPath, String password, String confirm) {
		Page form = browser.get(linkPath);
		assertThat(form.heading()).isEqualTo("パスワードの再設定");
		return browser.submit("/reset-password", Map.of("birthDate", linked.birthDateDigits(), "password", password,
				"passwordConfirm", confirm));
	}

	private int queued(String recipient) {
		return jdbc.sql("select count(*) from mail_outbox where recipient = ?")
			.param(recipient)
			.query(Integer.class)
			.single();
	}

	@Test
	void whenTheLinkIsOpenedThenTheRulesShowAndOpeningItTwiceDoesNotUseItUp() {
		TestMember member = onboardedMember();
		String link = requestLink(member);
		TestBrowser browser = new TestBrowser(port, member.host());

		browser.get(link);
		Page page = browser.get(link);

		assertThat(page.heading()).isEqualTo("パスワードの再設定");
		assertThat(page.text()).contains(member.loginId());
		assertThat(page.doc().select("#password-rules li").eachText()).contains("8〜64文字", "ユーザIDを含まない",
				"生年月日を含まない");
		assertThat(page.doc().selectFirst("input[name=token]")).isNotNull();
	}

	@Test
	void whenANewPasswordIsSetThenTheLinkIsUsedUpAndSignInStillAsksForTheMailCode() {
		TestMember member = onboardedMember();
		String link = requestLink(member);
		TestBrowser browser = new TestBrowser(port, member.host());

		Page page = setPassword(browser, link, NEW_PASSWORD, NEW_PASSWORD);

		assertThat(page.path()).isEqualTo("/login?passwordReset");
		assertThat(page.info()).contains("パスワードを再設定しました。新しいパスワードでログインしてください。");
		assertThat(Journeys.signIn(new TestBrowser(port, member.host()), member.loginId(), PASSWORD).error())
			.contains("無効なユーザIDまたはパスワードです。");
		int mails = mailbox.count(member.email());
		TestBrowser next = new TestBrowser(port, member.host());
		assertThat(Journeys.signIn(next, member.loginId(), NEW_PASSWORD).path()).startsWith("/mfa/email");
		assertThat(next.get("/").path()).startsWith("/mfa/email");
		String code = mailbox.awaitMail(member.email(), mails + 1).code();
		assertThat(next.submit("/mfa/email", Map.of("code", code)).heading()).isEqualTo("ホーム");
		assertThat(jdbc.sql("select second_factor from account where id = ?").param(member.accountId())
			.query(String.class).single()).isEqualTo("EMAIL_CODE");
		assertThat(audit.recent(member.kenpo().id(), member.accountId(), 20)).extracting(e -> e.type())
			.contains(AuditType.PASSWORD_RESET_REQUESTED, AuditType.PASSWORD_RESET_COMPLETED);
	}

	@Test
	void whenTheMemberUsesAnAuthenticatorAppThenSignInAfterTheResetStillAsksForItsCode() {
		TestMember member = members.newMember("sakura");
		Journeys.onboardWithTotp(new TestBrowser(port, member.host()), mailbox, member, PASSWORD);
		String link = requestLink(member);

		setPassword(new TestBrowser(port, member.host()), link, NEW_PASSWORD, NEW_PASSWORD);
		TestBrowser browser = new TestBrowser(port, member.host());
		Page page = Journeys.signIn(browser, member.loginId(), NEW_PASSWORD);

		assertThat(page.path()).startsWith("/mfa/totp");
		assertThat(browser.get("/").path()).startsWith("/mfa/totp");
		assertThat(jdbc.sql("select count(*) from totp_credential where account_id = ?").param(member.accountId())
			.query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void whenTheLinkIsOpenedOnAnotherKenpoHostThenItIsRefused() {
		TestMember member = onboardedMember();
		String link = requestLink(member);

		assertThat(new TestBrowser(port, "aoba.localhost").get(link).heading()).isEqualTo("このリンクは使用できません");
		assertThat(new TestBrowser(port, member.host()).get(link).heading()).isEqualTo("パスワードの再設定");
	}

	@Test
	void whenTheLinkIsUsedAgainThenItIsRefused() {
		TestMember member = onboardedMember();
		String link = requestLink(member);
		TestBrowser first = new TestBrowser(port, member.host());
		TestBrowser second = new TestBrowser(port, member.host());
		second.get(link);
		String token = second.page().doc().selectFirst("input[name=token]").attr("value");
		setPassword(first, link, NEW_PASSWORD, NEW_PASSWORD);

		Page posted = second.submit("/reset-password", Map.of("birthDate", member.birthDateDigits(), "password", "Another-Pass-99",
				"passwordConfirm", "Another-Pass-99"));
		Page opened = new TestBrowser(port, member.host()).get(link);

		assertThat(posted.heading()).isEqualTo("このリンクは使用できません");
		assertThat(opened.heading()).isEqualTo("このリンクは使用できません");
		assertThat(opened.doc().select("form[action=/reset-password]")).isEmpty();
		assertThat(Journeys.signIn(new TestBrowser(port, member.host()), member.loginId(), "Another-Pass-99").error())
			.contains("無効なユーザIDまたはパスワードです。");
		assertThat(jdbc.sql("select count(*) from password_reset where account_id = ? and used_at is not null")
			.param(member.accountId()).query(Integer.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select token_hash from password_reset where account_id = ?").param(member.accountId())
			.query(String.class).single()).isNotEqualTo(token).hasSize(64);
	}

	@Test
	void whenTheLinkIsOlderThanThirtyMinutesThenItIsRefused() {
		TestMember member = onboardedMember();
		String link = requestLink(member);
		TestBrowser browser = new TestBrowser(port, member.host());
		browser.get(link);

		clock.advance(Duration.ofMinutes(31));

		assertThat(browser.get(link).heading()).isEqualTo("このリンクは使用できません");
	}

	@Test
	void whenTheFormIsPostedAfterTheLinkExpiredThenNothingChanges() {
		TestMember member = onboardedMember();
		String link = requestLink(member);
		TestBrowser browser = new TestBrowser(port, member.host());
		browser.get(link);

		clock.advance(Duration.ofMinutes(31));
		Page page = browser.submit("/reset-password", Map.of("birthDate", member.birthDateDigits(), "password",
				NEW_PASSWORD, "passwordConfirm", NEW_PASSWORD));

		assertThat(page.heading()).isEqualTo("このリンクは使用できません");
		clock.reset();
		assertThat(Journeys.signIn(new TestBrowser(port, member.host()), member.loginId(), PASSWORD).path())
			.startsWith("/mfa/email");
	}

	@Test
	void whenANewRequestIsMadeThenTheEarlierLinkIsVoid() {
		TestMember member = onboardedMember();
		String first = requestLink(member);
		String second = requestLink(member);
		TestBrowser browser = new TestBrowser(port, member.host());

		assertThat(browser.get(first).heading()).isEqualTo("このリンクは使用できません");
		assertThat(setPassword(browser, second, NEW_PASSWORD, NEW_PASSWORD).path()).isEqualTo("/login?passwordReset");
	}

	@Test
	void whenUserIdAndAddressDoNotMatchThenTheSameNeutralPageAndNoMail() {
		TestMember member = onboardedMember();
		TestMember other = onboardedMember();
		String matched = ask(new TestBrowser(port, member.host()), member.loginId(), member.email()).text();
		int before = queued(member.email());
		int otherBefore = queued(other.email());

		Page wrongAddress = ask(new TestBrowser(port, member.host()), member.loginId(), other.email());
		Page unknownUser = ask(new TestBrowser(port, member.host()), "nobody" + member.loginId(), member.email());

		assertThat(wrongAddress.path()).isEqualTo("/forgot-password?sent");
		assertThat(wrongAddress.text()).isEqualTo(matched);
		assertThat(unknownUser.text()).isEqualTo(matched);
		assertThat(queued(member.email())).isEqualTo(before);
		assertThat(queued(other.email())).isEqualTo(otherBefore);
	}

	@Test
	void whenTheMemberHasNotFinishedFirstRegistrationThenNoLinkIsSent() {
		TestMember member = members.newMember("sakura");

		Page page = ask(new TestBrowser(port, member.host()), member.loginId(), member.email());

		assertThat(page.info()).contains(NEUTRAL);
		assertThat(queued(member.email())).isZero();
	}

	@Test
	void whenThePasswordIsResetThenEveryOtherSessionIsSignedOut() {
		TestMember member = members.newMember("sakura");
		TestBrowser onboarded = new TestBrowser(port, member.host());
		Journeys.onboard(onboarded, mailbox, member, PASSWORD);
		TestBrowser signedIn = new TestBrowser(port, member.host());
		assertThat(Journeys.signInWithCode(signedIn, mailbox, member, PASSWORD).heading()).isEqualTo("ホーム");
		String link = requestLink(member);

		setPassword(new TestBrowser(port, member.host()), link, NEW_PASSWORD, NEW_PASSWORD);

		assertThat(signedIn.get("/").path()).isEqualTo("/login");
		assertThat(onboarded.get("/terms").path()).isEqualTo("/login");
		assertThat(jdbc.sql("select count(*) from spring_session where principal_name = ?")
			.param(Long.toString(member.accountId())).query(Integer.class).single()).isZero();
	}

	@Test
	void whenTheResetIsDoneInTheBrowserThatIsSignedInThenItIsSignedOutToo() {
		TestMember member = members.newMember("sakura");
		TestBrowser browser = new TestBrowser(port, member.host());
		Journeys.onboard(browser, mailbox, member, PASSWORD);
		String link = requestLink(member);

		Page page = setPassword(browser, link, NEW_PASSWORD, NEW_PASSWORD);

		assertThat(page.path()).isEqualTo("/login?passwordReset");
		assertThat(browser.get("/").path()).isEqualTo("/login");
	}

	@Test
	void whenThePasswordIsResetThenASecurityNoticeIsMailed() {
		TestMember member = onboardedMember();
		String link = requestLink(member);
		int before = mailbox.count(member.email());

		setPassword(new TestBrowser(port, member.host()), link, NEW_PASSWORD, NEW_PASSWORD);

		Mail notice = mailbox.awaitMail(member.email(), before + 1);
		assertThat(notice.subject()).isEqualTo("【さくら電機健康保険組合】アカウントの設定が変更されました");
		assertThat(notice.text()).contains("パスワードが再設定されました")
			.contains("日時：")
			.contains("KenpoPortalTest/1.0")
			.contains("kenpo@sakura-denki.example");
	}

	@Test
	void whenTheNewPasswordBreaksARuleThenTheFormStaysWithEachMessageAndTheLinkStaysValid() {
		TestMember member = onboardedMember();
		String link = requestLink(member);
		TestBrowser browser = new TestBrowser(port, member.host());
		Map<String, String> refusals = Map.of("short1", "パスワードは8文字以上64文字以下で入力してください。",
				"x" + member.loginId() + "!", "ユーザIDを含むパスワードは使用できません。",
				"Born-" + member.birthDateDigits(), "生年月日を含むパスワードは使用できません。",
				"Pass word 123", "使用できない文字が含まれています：空白",
				"password", "推測されやすい");

		for (Map.Entry<String, String> refusal : refusals.entrySet()) {
			Page page = setPassword(browser, link, refusal.getKey(), refusal.getKey());
			assertThat(page.path()).isEqualTo("/reset-password");
			assertThat(page.heading()).isEqualTo("パスワードの再設定");
			assertThat(page.error()).as(refusal.getKey()).contains(refusal.getValue());
			assertThat(page.doc().selectFirst("#password").attr("aria-invalid")).isEqualTo("true");
		}
		Page mismatch = setPassword(browser, link, NEW_PASSWORD, NEW_PASSWORD + "x");
		assertThat(mismatch.error()).contains("確認用のパスワードが一致しません。");
		Page empty = setPassword(browser, link, "", "");
		assertThat(empty.error()).contains("パスワードを入力してください。");

		assertThat(setPassword(browser, link, NEW_PASSWORD, NEW_PASSWORD).path()).isEqualTo("/login?passwordReset");
	}

	@Test
	void whenTheBirthDateIsWrongThenTheFormStaysWithTheMessageAndFiveWrongOnesVoidTheLink() {
		TestMember member = onboardedMember();
		String link = requestLink(member);
		TestBrowser browser = new TestBrowser(port, member.host());
		browser.get(link);

		Page malformed = browser.submit("/reset-password", Map.of("birthDate", "1979-13", "password", NEW_PASSWORD,
				"passwordConfirm", NEW_PASSWORD));
		assertThat(malformed.heading()).isEqualTo("パスワードの再設定");
		assertThat(malformed.error()).contains("生年月日を西暦・数字8桁で入力してください");
		assertThat(malformed.value("birthDate")).isEqualTo("1979-13");
		Page wrong = null;
		for (int i = 1; i <= 4; i++) {
			wrong = browser.submit("/reset-password", Map.of("birthDate", "1900010" + i, "password", NEW_PASSWORD,
					"passwordConfirm", NEW_PASSWORD));
		}
		assertThat(wrong.heading()).isEqualTo("パスワードの再設定");
		assertThat(wrong.error()).contains("生年月日がご登録の内容と一致しません。");
		assertThat(wrong.doc().selectFirst("#birthDate").attr("aria-invalid")).isEqualTo("true");
		Page fifth = browser.submit("/reset-password", Map.of("birthDate", "19000105", "password", NEW_PASSWORD,
				"passwordConfirm", NEW_PASSWORD));

		assertThat(fifth.heading()).isEqualTo("このリンクは使用できません");
		assertThat(new TestBrowser(port, member.host()).get(link).heading()).isEqualTo("このリンクは使用できません");
		assertThat(Journeys.signIn(new TestBrowser(port, member.host()), member.loginId(), PASSWORD).path())
			.startsWith("/mfa/email");
	}

	@Test
	void whenSomeoneLockedTheAccountWithWrongPasswordsThenTheMembersOwnResetLiftsTheLock() {
		TestMember member = onboardedMember();
		int before = mailbox.count(member.email());
		for (int round = 0; round < 4; round++) {
			for (int i = 0; i < 5; i++) {
				Journeys.signIn(new TestBrowser(port, member.host()), member.loginId(), "wrong-" + i);
			}
			clock.advance(Duration.ofHours(25));
		}
		assertThat(Journeys.signIn(new TestBrowser(port, member.host()), member.loginId(), PASSWORD).path())
			.isEqualTo("/login");
		Mail lockMail = mailbox.awaitMail(member.email(), before + 4);
		assertThat(lockMail.text()).contains("アカウントをロックしました")
			.contains("「パスワードを忘れた方」から、ご登録のメールアドレスと生年月日でパスワードを再設定すると、ロックも解除されます。");

		String link = requestLink(member);
		assertThat(setPassword(new TestBrowser(port, member.host()), link, NEW_PASSWORD, NEW_PASSWORD).path())
			.isEqualTo("/login?passwordReset");

		assertThat(Journeys.signIn(new TestBrowser(port, member.host()), member.loginId(), NEW_PASSWORD).path())
			.startsWith("/mfa/email");
		assertThat(audit.recent(member.kenpo().id(), member.accountId(), 20)).extracting(e -> e.type())
			.contains(AuditType.ACCOUNT_UNLOCKED_BY_RESET, AuditType.PASSWORD_RESET_COMPLETED);
	}

	@Test
	void whenTheKenpoRequiresLettersAndDigitsThenAPasswordWithoutDigitsIsRefused() {
		TestMember member = members.newMember("aoba");
		Journeys.onboard(new TestBrowser(port, member.host()), mailbox, member, "Aoba-Member-2026");
		int before = mailbox.count(member.email());
		ask(new TestBrowser(port, member.host()), member.loginId(), member.email());
		String link = linkPath(mailbox.awaitMail(member.email(), before + 1));
		linked = member;

		Page page = setPassword(new TestBrowser(port, member.host()), link, "Only-Letters-Here", "Only-Letters-Here");

		assertThat(page.error()).contains("数字を1文字以上含めてください。");
		assertThat(page.doc().select("#password-rules li").eachText()).contains("数字を1文字以上含む");
	}

	@Test
	void whenOneAddressAsksTooOftenThenItIsToldToWaitWhateverItAsksAbout() {
		TestMember member = onboardedMember();
		TestBrowser browser = new TestBrowser(port, member.host(), "192.0.2.10");
		for (int i = 0; i < 10; i++) {
			Page page = ask(browser, "someone" + i + member.loginId(), "someone" + i + "@example.com");
			assertThat(page.info()).as("request %d", i + 1).contains(NEUTRAL);
		}
		int before = queued(member.email());

		Page refused = ask(browser, member.loginId(), member.email());
		browser.get("/forgot-user-id");
		Page refusedId = browser.submit("/forgot-user-id",
				Map.of("email", member.email(), "birthDate", member.birthDateDigits()));

		assertThat(refused.path()).isEqualTo("/forgot-password");
		assertThat(refused.error()).contains("受付を一時的に制限しています");
		assertThat(refusedId.error()).contains("受付を一時的に制限しています");
		assertThat(queued(member.email())).isEqualTo(before);
		assertThat(new TestBrowser(port, member.host()).get("/forgot-password").error()).isEmpty();
	}

	@Test
	void whenOneUserIdIsAskedAboutTooOftenThenFurtherRequestsAreRefusedFromEveryAddress() {
		TestMember member = onboardedMember();
		int before = queued(member.email());
		for (int i = 0; i < 3; i++) {
			Page page = ask(new TestBrowser(port, member.host(), "192.0.2." + (20 + i)), member.loginId(), member.email());
			assertThat(page.info()).contains(NEUTRAL);
		}

		Page refused = ask(new TestBrowser(port, member.host(), "192.0.2.30"), member.loginId().toUpperCase(),
				member.email());
		Page unknownRefused = null;
		for (int i = 0; i < 4; i++) {
			unknownRefused = ask(new TestBrowser(port, member.host(), "192.0.2." + (40 + i)), "nobody" + member.loginId(),
					member.email());
		}

		assertThat(refused.error()).contains("受付を一時的に制限しています");
		assertThat(unknownRefused.error()).isEqualTo(refused.error());
		assertThat(queued(member.email())).isEqualTo(before + 3);
		assertThat(audit.recent(member.kenpo().id(), member.accountId(), 10)).extracting(e -> e.type())
			.filteredOn(t -> t == AuditType.PASSWORD_RESET_REQUESTED)
			.hasSize(3);
		List<String> throttled = jdbc
			.sql("select detail from audit_event where type = 'RECOVERY_THROTTLED' and client_ip = ?")
			.param("192.0.2.30")
			.query(String.class)
			.list();
		assertThat(throttled).containsExactly("PASSWORD 192.0.2.30");
	}
}
