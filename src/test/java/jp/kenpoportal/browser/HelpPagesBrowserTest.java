package jp.kenpoportal.browser;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import jp.kenpoportal.support.PortalTest;
import jp.kenpoportal.support.TestMembers.TestMember;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * よくあるご質問 and プライバシーポリシー in Chromium, before signing in, on a desktop and at a
 * phone's width (390×844): reached from the sign-in page, its footer and the failure message,
 * which lands on its own answer.
 */
@PortalTest
class HelpPagesBrowserTest extends BrowserTestSupport {

	@Test
	void aVisitorFindsTheFaqAndThePrivacyPolicyFromTheSignInPage() {
		TestMember member = members.newMember("kaede");
		Page page = newTab();
		page.setViewportSize(1280, 800);

		open(page, member, "/login");
		follow(page, page.locator("main").locator("a[href='/faq']"));
		assertThat(path(page)).isEqualTo("/faq");
		assertThat(heading(page)).isEqualTo("よくあるご質問");
		assertThat(page.locator(".faq__item h2").allInnerTexts()).contains("アカウントがロックされた",
				"「無効なユーザIDまたはパスワードです。」と表示されてログインできない", "認証アプリの6桁のコードを入力してもログインできない",
				"スマートフォンを機種変更する", "パソコンで、スマートフォンのパスキー（生体認証）を使いたい");
		assertThat(page.locator("#contact").innerText()).contains("かえで化学健康保険組合", "kenpo@kaede-chem.example");
		assertThat(scrollsSideways(page)).isFalse();

		follow(page, page.locator("footer").locator("a[href='/privacy']"));
		assertThat(path(page)).isEqualTo("/privacy");
		assertThat(heading(page)).isEqualTo("プライバシーポリシー");
		assertThat(mainText(page)).contains("かえで化学健康保険組合（以下「当組合」といいます。）", "kenpo@kaede-chem.example");
		assertThat(scrollsSideways(page)).isFalse();
	}

	@Test
	void theHelpPagesFitAPhoneWithoutScrollingSideways() {
		TestMember member = members.newMember("sakura");
		Page page = newTab();
		page.setViewportSize(390, 844);

		open(page, member, "/faq");
		assertThat(heading(page)).isEqualTo("よくあるご質問");
		assertThat(scrollsSideways(page)).as("FAQ scrolls sideways at 390 px").isFalse();

		open(page, member, "/privacy");
		assertThat(heading(page)).isEqualTo("プライバシーポリシー");
		assertThat(scrollsSideways(page)).as("privacy policy scrolls sideways at 390 px").isFalse();
	}

	@Test
	void theSignInFailureMessageLeadsToItsOwnAnswer() {
		TestMember member = members.newMember("sakura");
		Page page = newTab();
		page.setViewportSize(390, 844);

		signIn(page, member, member.loginId(), "not-the-password");
		assertThat(page.locator("#form-error").innerText()).contains("無効なユーザIDまたはパスワードです。");
		follow(page, link(page, "ログインできないときは（よくあるご質問）"));

		assertThat(path(page)).isEqualTo("/faq");
		assertThat(page.url()).endsWith("#invalid");
		Locator answer = page.locator("#invalid");
		assertThat(answer.innerText()).contains("安全のため、どちらが違っているかはお知らせしていません");
		assertThat((Boolean) answer.evaluate("e => { const r = e.getBoundingClientRect();"
				+ " return r.top >= 0 && r.top < window.innerHeight; }")).as("the answer is scrolled into view").isTrue();
	}
}
