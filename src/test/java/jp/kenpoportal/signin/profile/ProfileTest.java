package jp.kenpoportal.signin.profile;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jp.kenpoportal.account.Accounts;
import jp.kenpoportal.audit.AuditEntry;
import jp.kenpoportal.audit.AuditTrail;
import jp.kenpoportal.audit.AuditType;
import jp.kenpoportal.support.Journeys;
import jp.kenpoportal.support.Mailbox;
import jp.kenpoportal.support.MutableClock;
import jp.kenpoportal.support.PortalTest;
import jp.kenpoportal.support.TestBrowser;
import jp.kenpoportal.support.TestBrowser.Page;
import jp.kenpoportal.support.TestMembers;
import jp.kenpoportal.support.TestMembers.TestMember;
import jp.kenpoportal.support.Totp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@PortalTest
class ProfileTest {

	private static final String PASSWORD = "Profile-Page-31";

	@LocalServerPort
	int port;

	@Autowired
	TestMembers members;

	@Autowired
	Mailbox mailbox;

	@Autowired
	Accounts accounts;

	@Autowired
	MutableClock clock;

	@Autowired
	AuditTrail audit;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	private TestBrowser onboarded(TestMember member) {
		TestBrowser browser = new TestBrowser(port, member.host());
		Journeys.onboard(browser, mailbox, member, PASSWORD);
		return browser;
	}

	@Test
	void whenTheMailAddressIsChangedThenTheOldOneStaysUntilTheNewIsConfirmedAndIsTold() {
		TestMember member = members.newMember("sakura");
		TestBrowser browser = onboarded(member);
		String newAddress = "new." + member.email();
		int oldMails = mailbox.count(member.email());

		browser.get("/profile");
		Page pending = browser.submit("/profile/email", Map.of("newEmail", newAddress));
		assertThat(pending.info()).contains(newAddress);
		assertThat(accounts.find(member.kenpo().id(), member.accountId()).orElseThrow().email())
			.isEqualTo(member.email());

		String code = mailbox.awaitMail(newAddress, 1).code();
		Page done = browser.submit("/profile/email/code", Map.of("code", code));

		assertThat(done.info()).contains("メールアドレスを変更しました");
		assertThat(accounts.find(member.kenpo().id(), member.accountId()).orElseThrow().email()).isEqualTo(newAddress);
		assertThat(mailbox.awaitMail(member.email(), oldMails + 1).text()).contains("n***@example.com", "変更されました");
	}

	@Test
	void whenTheNewAddressIsConfirmedByTheLinkThenTheChangeIsAuditedAsSuch() {
		TestMember member = members.newMember("sakura");
		TestBrowser browser = onboarded(member);
		String newAddress = "link." + member.email();
		browser.get("/profile");
		browser.submit("/profile/email", Map.of("newEmail", newAddress));
		URI link = URI.create(mailbox.awaitMail(newAddress, 1).verificationLink());

		browser.get(link.getRawPath() + "?" + link.getRawQuery());
		Page done = browser.submit("/email/verify", Map.of());

		assertThat(done.path()).isEqualTo("/profile?emailChanged");
		assertThat(done.info()).contains("メールアドレスを変更しました");
		assertThat(accounts.find(member.kenpo().id(), member.accountId()).orElseThrow().email()).isEqualTo(newAddress);
		List<AuditEntry> events = audit.recent(member.kenpo().id(), member.accountId(), 1);
		assertThat(events).extracting(AuditEntry::type).containsExactly(AuditType.EMAIL_CHANGED);
	}

	@Test
	void whenTheFactorIsOldThenChangesAskToVerifyFirst() {
		TestMember member = members.newMember("sakura");
		TestBrowser browser = onboarded(member);
		clock.advance(Duration.ofMinutes(6));

		Page profile = browser.get("/profile");
		assertThat(profile.doc().select("form[action=/profile/email]")).isEmpty();
		assertThat(profile.text()).contains("本人確認して変更する");
		int mails = mailbox.count(member.email());
		Page verify = browser.get("/profile/verify");
		assertThat(verify.path()).startsWith("/mfa/email");
		Page back = browser.submit("/mfa/email", Map.of("code", mailbox.awaitMail(member.email(), mails + 1).code()));

		assertThat(back.path()).startsWith("/profile");
		assertThat(back.doc().select("form[action=/profile/email]")).hasSize(1);
		assertThat(browser.get("/profile/password").path()).startsWith("/profile/password");
	}

	@Test
	void whenThePasswordIsChangedThenTheCurrentOneIsCheckedTheRulesApplyAndOtherBrowsersAreSignedOut() {
		TestMember member = members.newMember("tsubaki");
		TestBrowser browser = onboarded(member);
		TestBrowser other = new TestBrowser(port, member.host());
		Journeys.signInWithCode(other, mailbox, member, PASSWORD);
		int mails = mailbox.count(member.email());

		browser.get("/profile/password");
		Page wrongCurrent = browser.submit("/profile/password", Map.of("currentPassword", "nope", "password",
				"New-Password-99", "passwordConfirm", "New-Password-99", "signOutOthers", "true"));
		assertThat(wrongCurrent.error()).contains("現在のパスワードが正しくありません");
		Page weak = browser.submit("/profile/password", Map.of("currentPassword", PASSWORD, "password", "weakpass",
				"passwordConfirm", "weakpass", "signOutOthers", "true"));
		assertThat(weak.error()).contains("英大文字");
		Page done = browser.submit("/profile/password", Map.of("currentPassword", PASSWORD, "password",
				"New-Password-99", "passwordConfirm", "New-Password-99", "signOutOthers", "true"));

		assertThat(done.info()).contains("パスワードを変更しました");
		assertThat(other.get("/").path()).isEqualTo("/login");
		assertThat(mailbox.awaitMail(member.email(), mails + 1).text()).contains("パスワードが変更されました");
		assertThat(Journeys.signIn(new TestBrowser(port, member.host()), member.loginId(), "New-Password-99").path())
			.startsWith("/mfa/email");
	}

	@Test
	void whenAnotherBrowserIsListedThenItCanBeSignedOutFromHere() {
		TestMember member = members.newMember("sakura");
		TestBrowser browser = onboarded(member);
		TestBrowser other = new TestBrowser(port, member.host(), "198.51.100.23");
		Journeys.signInWithCode(other, mailbox, member, PASSWORD);

		Page profile = browser.get("/profile");
		assertThat(profile.text()).contains("198.51.100.23", "この端末", "KenpoPortalTest/1.0");
		String handle = profile.doc().selectFirst("form[action=/profile/sessions/end] input[name=session]").attr("value");
		assertThat(profile.text()).doesNotContain(browser.cookie("KENPO_SESSION"));
		browser.submit("/profile/sessions/end", Map.of("session", handle));

		assertThat(other.get("/").path()).isEqualTo("/login");
		assertThat(browser.get("/").heading()).isEqualTo("ホーム");
	}

	@Test
	void whenSeveralBrowsersAreSignedInThenEachIsListedWithItsBrowserAndAddress() {
		TestMember member = members.newMember("sakura");
		TestBrowser browser = onboarded(member);
		for (int i = 1; i <= 4; i++) {
			Journeys.signInWithCode(new TestBrowser(port, member.host(), "198.51.100." + i), mailbox, member, PASSWORD);
		}

		Page profile = browser.get("/profile");

		assertThat(profile.doc().select("form[action=/profile/sessions/end]")).hasSize(4);
		assertThat(profile.text()).contains("198.51.100.1", "198.51.100.2", "198.51.100.3", "198.51.100.4");
		assertThat(profile.doc().select(".table-scroll").first().select("td").eachText()).doesNotContain("-");
	}

	@Test
	void whenTheMemberOpensTheHistoryThenRecentSignInsAndFailuresAreListed() {
		TestMember member = members.newMember("sakura");
		TestBrowser browser = onboarded(member);
		Journeys.signIn(new TestBrowser(port, member.host(), "203.0.113.9"), member.loginId(), "wrong-password");

		Page profile = browser.get("/profile");

		assertThat(profile.text()).contains("ログイン履歴", "ログインに失敗", "203.0.113.9", "初回登録（ログイン完了）")
			.doesNotContain("パスワード認証に成功");
	}

	@Test
	void whenTheMemberSignedInManyTimesThenTheHistoryListsTheLastTwentySignInsNewestFirst() {
		TestMember member = members.newMember("sakura");
		String secret = Journeys.onboardWithTotp(new TestBrowser(port, member.host()), mailbox, member, PASSWORD);
		Journeys.signIn(new TestBrowser(port, member.host(), "203.0.113.200"), member.loginId(), "wrong-password");
		TestBrowser browser = null;
		for (int i = 1; i <= 25; i++) {
			// each app code is good once: every sign-in comes a 30-second step later
			clock.advance(Duration.ofSeconds(30));
			browser = new TestBrowser(port, member.host(), "198.51.100." + i);
			Journeys.signIn(browser, member.loginId(), PASSWORD);
			assertThat(browser.submit("/mfa/totp", Map.of("code", Totp.at(secret, clock.instant()))).heading())
				.isEqualTo("ホーム");
			if (i < 25) {
				browser.submit("/logout", Map.of());
			}
		}

		Page profile = browser.get("/profile");

		List<String> rows = profile.doc().select("table:has(caption:contains(ログイン履歴)) tbody tr").eachText();
		assertThat(rows).hasSize(20).allSatisfy(row -> assertThat(row).contains("ログイン完了"));
		for (int i = 0; i < 20; i++) {
			assertThat(rows.get(i)).endsWith(" 198.51.100." + (25 - i));
		}
	}

	@Test
	void whenTheAccountLocksThenTheMemberIsToldByMail() {
		TestMember member = members.newMember("sakura");
		onboarded(member);
		int mails = mailbox.count(member.email());

		for (int i = 0; i < 5; i++) {
			Journeys.signIn(new TestBrowser(port, member.host()), member.loginId(), "wrong-" + i);
		}

		assertThat(mailbox.awaitMail(member.email(), mails + 1).text()).contains("ロック", member.kenpo().contactEmail());
		accounts.unlock(member.kenpo().id(), member.accountId());
	}
}
