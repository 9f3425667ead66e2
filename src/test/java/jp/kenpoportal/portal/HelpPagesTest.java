package jp.kenpoportal.portal;

import java.util.List;
import java.util.Map;

import jp.kenpoportal.support.Journeys;
import jp.kenpoportal.support.Mailbox;
import jp.kenpoportal.support.PortalTest;
import jp.kenpoportal.support.TestBrowser;
import jp.kenpoportal.support.TestBrowser.Download;
import jp.kenpoportal.support.TestBrowser.Page;
import jp.kenpoportal.support.TestMembers;
import jp.kenpoportal.support.TestMembers.TestMember;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * よくあるご質問 and プライバシーポリシー: open without signing in, each kenpo's own contact
 * in them, and reachable from the footer, the sign-in page, the terms step and each message
 * the FAQ explains. And the icon every browser asks for.
 */
@PortalTest
class HelpPagesTest {

	@LocalServerPort
	int port;

	@Autowired
	TestMembers members;

	@Autowired
	Mailbox mailbox;

	@Test
	void whenAnyoneOpensTheFaqThenItAnswersWithTheKenposOwnContact() {
		Page faq = new TestBrowser(port, "kaede.localhost").get("/faq");

		assertThat(faq.status()).isEqualTo(200);
		assertThat(faq.path()).isEqualTo("/faq");
		assertThat(faq.heading()).isEqualTo("よくあるご質問");
		assertThat(faq.title()).contains("よくあるご質問", "かえで化学健康保険組合");
		assertThat(ids(faq)).contains("user-id", "password", "locked", "invalid", "app-code", "mail", "new-phone",
				"passkey-pc", "contact");
		assertThat(answer(faq, "locked")).contains("アカウントがロックされた",
				"「パスワードを忘れた方」から登録メールアドレスと生年月日で再設定すると、ロックも解除されます。",
				"健康保険組合でもロックを解除できます");
		assertThat(answer(faq, "invalid")).contains("「無効なユーザIDまたはパスワードです。」");
		assertThat(answer(faq, "app-code")).contains("30秒", "日付と時刻を「自動設定」", "起動し直して");
		assertThat(answer(faq, "mail")).contains("数分", "迷惑メールフォルダ", "再送信", "no-reply@");
		assertThat(answer(faq, "new-phone")).contains("機種変更", "認証アプリを再登録する", "パスキーを追加する");
		assertThat(answer(faq, "passkey-pc")).contains("QR コード", "Bluetooth");
		assertThat(answer(faq, "contact")).contains("かえで化学健康保険組合", "kenpo@kaede-chem.example", "06-0000-2002");
		assertThat(faq.doc().select("#contact a[href=mailto:kenpo@kaede-chem.example]")).hasSize(1);
	}

	@Test
	void whenTheKenpoOffersNoAuthenticatorAppThenTheFaqDoesNotAskAboutIt() {
		Page faq = new TestBrowser(port, "aoba.localhost").get("/faq");

		assertThat(faq.status()).isEqualTo(200);
		assertThat(ids(faq)).doesNotContain("app-code").contains("passkey-pc", "locked");
		assertThat(faq.text()).doesNotContain("認証アプリを再登録する").contains("kenpo@aoba-foods.example");
	}

	@Test
	void whenAnyoneOpensThePrivacyPolicyThenItNamesTheKenpoAndItsContact() {
		Page privacy = new TestBrowser(port, "tsubaki.localhost").get("/privacy");

		assertThat(privacy.status()).isEqualTo(200);
		assertThat(privacy.heading()).isEqualTo("プライバシーポリシー");
		assertThat(privacy.text()).contains("つばき広告健康保険組合（以下「当組合」といいます。）", "利用の目的", "第三者",
				"Cookie", "開示", "お問い合わせ窓口", "kenpo@tsubaki-ad.example");
	}

	@Test
	void whenTheSignInPageIsShownThenItAndItsFooterLinkToTheHelpPages() {
		Page login = new TestBrowser(port, "sakura.localhost").get("/login");

		assertThat(hrefs(login, "main")).contains("/faq");
		assertThat(hrefs(login, "footer")).contains("/faq", "/privacy");
		assertThat(login.doc().select("footer a[href=/faq]").text()).isEqualTo("よくあるご質問");
		assertThat(login.doc().select("footer a[href=/privacy]").text()).isEqualTo("プライバシーポリシー");
	}

	@Test
	void whenASignInFailsOrTheAccountIsLockedThenTheMessageLinksToItsAnswer() {
		TestBrowser browser = new TestBrowser(port, "sakura.localhost");

		Page failed = Journeys.signIn(browser, "nobody.here", "wrong-password");
		assertThat(failed.error()).contains("無効なユーザIDまたはパスワードです。");
		assertThat(hrefs(failed, ".alert--error")).containsExactly("/faq#invalid");

		Page locked = browser.get("/login?locked");
		assertThat(hrefs(locked, ".alert--error")).containsExactly("/faq#locked");
	}

	@Test
	void whenAMemberInTheFirstRegistrationOpensTheHelpPagesThenTheyAreShownNotTheNextStep() {
		TestMember member = members.newMember("sakura");
		TestBrowser browser = new TestBrowser(port, member.host());
		Journeys.signIn(browser, member.loginId(), member.initialPassword());
		Page terms = browser.submit("/onboarding/birth-date", Map.of("birthDate", member.birthDateDigits()));
		assertThat(terms.path()).isEqualTo("/onboarding/terms");

		assertThat(hrefs(terms, "main")).contains("/privacy");
		assertThat(terms.text()).contains("個人情報の取り扱いについては、さくら電機健康保険組合のプライバシーポリシーをご覧ください。");
		assertThat(browser.get("/privacy").heading()).isEqualTo("プライバシーポリシー");
		assertThat(browser.get("/faq").heading()).isEqualTo("よくあるご質問");
	}

	@Test
	void whenTheAppCodeIsAskedForThenTheHintSaysToCheckTheTimeAndRestartTheApp() {
		TestMember member = members.newMember("sakura");
		TestBrowser browser = new TestBrowser(port, member.host());
		Journeys.onboardWithTotp(browser, mailbox, member, "Clock-Check-2026");
		browser.clearCookies();

		Page code = Journeys.signIn(browser, member.loginId(), "Clock-Check-2026");

		assertThat(code.path()).isEqualTo("/mfa/totp");
		assertThat(code.doc().select(".field .hint").text()).contains("30秒", "日付と時刻", "自動設定", "起動し直して");
		assertThat(hrefs(code, ".field")).containsExactly("/faq#app-code");
	}

	@Test
	void whenTheAppIsRegisteredThenTheHintSaysToCheckTheTimeAndRestartTheApp() {
		TestMember member = members.newMember("kaede");
		TestBrowser browser = new TestBrowser(port, member.host());
		Journeys.signIn(browser, member.loginId(), member.initialPassword());
		browser.submit("/onboarding/birth-date", Map.of("birthDate", member.birthDateDigits()));
		browser.submit("/onboarding/terms", Map.of("decision", "agree"));
		int mailsBefore = mailbox.count(member.email());
		browser.submit("/onboarding/email", Map.of("email", member.email()));
		browser.submit("/onboarding/email/code", Map.of("code", mailbox.awaitMail(member.email(), mailsBefore + 1).code()));
		browser.submit("/onboarding/user-id", Map.of("userId", member.loginId(), "factor", "TOTP"));

		Page enrol = browser.submit("/onboarding/password",
				Map.of("password", "App-Enrol-2026", "passwordConfirm", "App-Enrol-2026"));

		assertThat(enrol.path()).isEqualTo("/onboarding/factor");
		assertThat(enrol.doc().select("#code-time-hint").text()).contains("30秒", "日付と時刻", "自動設定", "起動し直して");
		assertThat(enrol.doc().select("#code").attr("aria-describedby")).contains("code-time-hint");
		assertThat(hrefs(enrol, ".field")).containsExactly("/faq#app-code");
	}

	@Test
	void whenTheMailedCodeIsAskedForThenTheScreenLinksToTheAnswerOnMailsThatDoNotArrive() {
		TestMember member = members.newMember("sakura");
		TestBrowser browser = new TestBrowser(port, member.host());
		Journeys.onboard(browser, mailbox, member, "Mail-Check-2026");
		browser.clearCookies();

		Page code = Journeys.signIn(browser, member.loginId(), "Mail-Check-2026");

		assertThat(code.path()).isEqualTo("/mfa/email");
		assertThat(hrefs(code, "main")).contains("/faq#mail");
	}

	@Test
	void whenABrowserAsksForTheIconThenThereIsOneAndEveryPageLinksIt() {
		TestBrowser browser = new TestBrowser(port, "sakura.localhost");

		Download icon = browser.download("/favicon.ico");

		assertThat(icon.status()).isEqualTo(200);
		assertThat(icon.header("Content-Type")).isIn("image/x-icon", "image/vnd.microsoft.icon");
		assertThat(icon.body()).startsWith(0, 0, 1, 0);
		Element link = browser.get("/login").doc().selectFirst("head link[rel=icon]");
		assertThat(link).isNotNull();
		assertThat(link.attr("href")).startsWith("/favicon.ico?v=");
		assertThat(browser.download(link.attr("href")).status()).isEqualTo(200);
	}

	private static List<String> ids(Page page) {
		return page.doc().select(".faq__item[id]").eachAttr("id");
	}

	private static String answer(Page page, String id) {
		Element item = page.doc().getElementById(id);
		assertThat(item).as("answer #%s", id).isNotNull();
		return item.text();
	}

	private static List<String> hrefs(Page page, String within) {
		return page.doc().select(within + " a[href]").eachAttr("href");
	}
}
