package jp.kenpoportal.signin;

import java.net.URI;
import java.util.Map;

import jp.kenpoportal.account.Account;
import jp.kenpoportal.account.Accounts;
import jp.kenpoportal.audit.AuditTrail;
import jp.kenpoportal.audit.AuditType;
import jp.kenpoportal.support.Journeys;
import jp.kenpoportal.support.Mailbox;
import jp.kenpoportal.support.PortalTest;
import jp.kenpoportal.support.TestBrowser;
import jp.kenpoportal.support.TestBrowser.Page;
import jp.kenpoportal.support.TestMembers;
import jp.kenpoportal.support.TestMembers.TestMember;
import jp.kenpoportal.tenant.KenpoDirectory;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@PortalTest
class OnboardingStepsTest {

	@LocalServerPort
	int port;

	@Autowired
	TestMembers members;

	@Autowired
	Mailbox mailbox;

	@Autowired
	Accounts accounts;

	@Autowired
	AuditTrail audit;

	private TestBrowser signedIn(TestMember member) {
		TestBrowser browser = new TestBrowser(port, member.host());
		Journeys.signIn(browser, member.loginId(), member.initialPassword());
		return browser;
	}

	private TestBrowser atEmailStep(TestMember member) {
		TestBrowser browser = signedIn(member);
		browser.submit("/onboarding/birth-date", Map.of("birthDate", member.birthDateDigits()));
		browser.submit("/onboarding/terms", Map.of("decision", "agree"));
		return browser;
	}

	private TestBrowser atUserIdStep(TestMember member) {
		TestBrowser browser = atEmailStep(member);
		int before = mailbox.count(member.email());
		browser.submit("/onboarding/email", Map.of("email", member.email()));
		browser.submit("/onboarding/email/code", Map.of("code", mailbox.awaitMail(member.email(), before + 1).code()));
		assertThat(browser.page().path()).isEqualTo("/onboarding/user-id");
		return browser;
	}

	private TestBrowser atPasswordStep(TestMember member) {
		TestBrowser browser = atUserIdStep(member);
		browser.submit("/onboarding/user-id", Map.of("userId", member.loginId(), "factor", "EMAIL_CODE"));
		assertThat(browser.page().path()).isEqualTo("/onboarding/password");
		return browser;
	}

	@Test
	void whenAStepIsPendingThenNoOtherPageCanBeReached() {
		TestMember member = members.newMember("sakura");
		TestBrowser browser = signedIn(member);

		assertThat(browser.get("/").path()).isEqualTo("/onboarding/birth-date");
		assertThat(browser.get("/terms").path()).isEqualTo("/onboarding/birth-date");
		assertThat(browser.get("/onboarding/password").path()).isEqualTo("/onboarding/birth-date");
		assertThat(browser.get("/onboarding/factor").path()).isEqualTo("/onboarding/birth-date");
	}

	@Test
	void whenTermsAreDeclinedThenTheMemberIsSignedOutWithAClearMessage() {
		TestMember member = members.newMember("sakura");
		TestBrowser browser = signedIn(member);
		browser.submit("/onboarding/birth-date", Map.of("birthDate", member.birthDateDigits()));

		Page page = browser.submit("/onboarding/terms", Map.of("decision", "decline"));

		assertThat(page.path()).startsWith("/login");
		assertThat(page.info()).contains("利用規約に同意いただけなかったため、ログアウトしました。");
		assertThat(browser.get("/onboarding").path()).isEqualTo("/login");
		assertThat(audit.recent(member.kenpo().id(), member.accountId(), 5)).extracting(e -> e.type())
			.contains(AuditType.TERMS_DECLINED);
	}

	@Test
	void whenTermsAreAcceptedThenTheVersionIsRecordedAndANewVersionAsksAgain(@Autowired KenpoDirectory kenpos) {
		TestMember member = members.newMember("kaede");
		String password = "Kaede-Terms-42";
		Journeys.onboard(new TestBrowser(port, member.host()), mailbox, member, password);
		int accepted = accounts.find(member.kenpo().id(), member.accountId()).orElseThrow().termsVersion();

		kenpos.publishTerms(member.kenpo().id(), "改定版 利用規約", "第1条 改定しました。");
		TestBrowser browser = new TestBrowser(port, member.host());
		Page page = Journeys.signInWithCode(browser, mailbox, member, password);

		assertThat(page.path()).isEqualTo("/onboarding/terms");
		assertThat(page.info()).contains("利用規約が改定されました");
		assertThat(page.text()).contains("第1条 改定しました。");
		assertThat(browser.submit("/onboarding/terms", Map.of("decision", "agree")).heading()).isEqualTo("ホーム");
		assertThat(accounts.find(member.kenpo().id(), member.accountId()).orElseThrow().termsVersion())
			.isEqualTo(accepted + 1);
	}

	@Test
	void whenTheMailAddressIsMalformedThenItIsShownAgainWithAMessage() {
		TestMember member = members.newMember("sakura");
		TestBrowser browser = atEmailStep(member);
		assertThat(browser.page().value("email")).isEqualTo(member.email());

		Page page = browser.submit("/onboarding/email", Map.of("email", "taro@@example"));

		assertThat(page.error()).contains("メールアドレスの形式が正しくありません");
		assertThat(page.value("email")).isEqualTo("taro@@example");
	}

	@Test
	void whenTheLinkIsOpenedOnAnotherDeviceThenTheWaitingPageMovesOn() {
		TestMember member = members.newMember("sakura");
		TestBrowser browser = atEmailStep(member);
		int before = mailbox.count(member.email());
		Page waiting = browser.submit("/onboarding/email", Map.of("email", member.email()));
		assertThat(waiting.heading()).isEqualTo("確認メールを送信しました");
		assertThat(waiting.text()).contains("迷惑メール");
		URI link = URI.create(mailbox.awaitMail(member.email(), before + 1).verificationLink());

		TestBrowser phone = new TestBrowser(port, member.host());
		phone.get(link.getRawPath() + "?" + link.getRawQuery());
		Page confirmed = phone.submit("/email/verify", Map.of());
		assertThat(confirmed.text()).contains("メールアドレスの確認が完了しました。");

		assertThat(browser.get("/onboarding/status").text()).contains("/onboarding/user-id");
		assertThat(browser.get("/onboarding").path()).isEqualTo("/onboarding/user-id");
		phone.get(link.getRawPath() + "?" + link.getRawQuery());
		assertThat(phone.submit("/email/verify", Map.of()).error()).contains("無効");
	}

	@Test
	void whenTheMailIsSentAgainThenTheEarlierCodeNoLongerWorks() {
		TestMember member = members.newMember("sakura");
		TestBrowser browser = atEmailStep(member);
		int before = mailbox.count(member.email());
		browser.submit("/onboarding/email", Map.of("email", member.email()));
		String first = mailbox.awaitMail(member.email(), before + 1).code();
		assertThat(browser.get("/onboarding/email?change").value("email")).isEqualTo(member.email());
		browser.submit("/onboarding/email", Map.of("email", "other." + member.email()));
		String second = mailbox.awaitMail("other." + member.email(), 1).code();

		if (!first.equals(second)) {
			assertThat(browser.submit("/onboarding/email/code", Map.of("code", first)).error()).isNotEmpty();
		}
		assertThat(browser.submit("/onboarding/email/code", Map.of("code", second)).path())
			.isEqualTo("/onboarding/user-id");
		assertThat(accounts.find(member.kenpo().id(), member.accountId()).orElseThrow().email())
			.isEqualTo("other." + member.email());
	}

	@Test
	void whenTheUserIdIsTakenOrHasBadCharactersThenItSaysWhich() {
		TestMember other = members.newMember("sakura");
		TestMember member = members.newMember("sakura");
		TestBrowser browser = atUserIdStep(member);

		Page taken = browser.submit("/onboarding/user-id", Map.of("userId", other.loginId(), "factor", "EMAIL_CODE"));
		assertThat(taken.error()).contains("既に使われています");
		assertThat(taken.value("userId")).isEqualTo(other.loginId());

		Page bad = browser.submit("/onboarding/user-id", Map.of("userId", "taro yamada#", "factor", "EMAIL_CODE"));
		assertThat(bad.error()).contains("使用できない文字", "空白", "#");

		Page shortId = browser.submit("/onboarding/user-id", Map.of("userId", "taro", "factor", "EMAIL_CODE"));
		assertThat(shortId.error()).contains("8文字以上13文字以下");
	}

	@Test
	void whenANewUserIdIsTypedInUpperCaseThenItIsStoredInLowerCase() {
		TestMember member = members.newMember("sakura");
		TestBrowser browser = atUserIdStep(member);
		String chosen = "New.ID" + member.accountId();

		browser.submit("/onboarding/user-id", Map.of("userId", chosen, "factor", "EMAIL_CODE"));

		Account account = accounts.find(member.kenpo().id(), member.accountId()).orElseThrow();
		assertThat(account.loginId()).isEqualTo(chosen.toLowerCase());
	}

	@Test
	void whenTheKenpoDoesNotOfferAFactorThenItCannotBeChosen() {
		TestMember member = members.newMember("aoba");
		TestBrowser browser = atUserIdStep(member);
		assertThat(browser.page().doc().select("input[name=factor]")).extracting(e -> e.attr("value"))
			.containsExactly("EMAIL_CODE", "PASSKEY");

		Page page = browser.submit("/onboarding/user-id", Map.of("userId", member.loginId(), "factor", "TOTP"));

		assertThat(page.error()).contains("認証方法を選択してください。");
	}

	@Test
	void whenThePasswordBreaksTheKenposRulesThenEachBrokenRuleIsNamed() {
		TestMember member = members.newMember("tsubaki");
		TestBrowser browser = atPasswordStep(member);
		assertThat(browser.page().text()).contains("パスワードの条件", "英大文字", "英小文字");

		Page page = browser.submit("/onboarding/password", Map.of("password", "abc", "passwordConfirm", "abd",
				"signOutOthers", "true"));

		assertThat(page.path()).isEqualTo("/onboarding/password");
		assertThat(page.error()).contains("8文字以上", "英大文字", "数字", "記号", "一致しません");
		assertThat(page.doc().selectFirst("#signOutOthers").hasAttr("checked")).isTrue();
		assertThat(accounts.find(member.kenpo().id(), member.accountId()).orElseThrow().hasPassword()).isFalse();
	}

	@Test
	void whenThePasswordContainsTheUserIdOrIsCommonOrIsTheInitialOneThenItIsRefused() {
		TestMember member = members.newMember("sakura");
		TestBrowser browser = atPasswordStep(member);

		String withId = member.loginId() + "-2026";
		assertThat(browser.submit("/onboarding/password", Map.of("password", withId, "passwordConfirm", withId))
			.error()).contains("ユーザID");
		assertThat(browser.submit("/onboarding/password", Map.of("password", "password1", "passwordConfirm",
				"password1")).error()).contains("推測されやすい");
		String initial = member.initialPassword();
		assertThat(browser.submit("/onboarding/password", Map.of("password", initial, "passwordConfirm", initial))
			.error()).isNotEmpty();
	}

	@Test
	void whenSignOutOfAllDevicesIsTickedThenTheOtherSessionEnds() {
		TestMember member = members.newMember("sakura");
		TestBrowser other = signedIn(member);
		assertThat(other.get("/onboarding").path()).isEqualTo("/onboarding/birth-date");
		TestBrowser browser = atPasswordStep(member);

		browser.submit("/onboarding/password", Map.of("password", "All-Devices-77", "passwordConfirm",
				"All-Devices-77", "signOutOthers", "true"));

		assertThat(browser.page().path()).isEqualTo("/onboarding/factor");
		assertThat(other.get("/onboarding").path()).isEqualTo("/login");
	}

	@Test
	void whenAMemberHasATemporaryUserIdThenTheTemporaryPasswordSignsInAndTheIdCanBeChanged() {
		TestMember member = members.newTemporaryMember("aoba", "Temp-Pass-123");
		TestBrowser browser = atUserIdStep(member);

		assertThat(browser.page().text()).contains("仮ユーザID");
		browser.submit("/onboarding/user-id", Map.of("userId", "my.own.id" + member.accountId() % 1000,
				"factor", "EMAIL_CODE"));

		Account account = accounts.find(member.kenpo().id(), member.accountId()).orElseThrow();
		assertThat(account.loginIdTemporary()).isFalse();
	}
}
