package jp.kenpoportal.browser;

import java.util.List;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import jp.kenpoportal.support.Journeys;
import jp.kenpoportal.support.PortalTest;
import jp.kenpoportal.support.TestBrowser;
import jp.kenpoportal.support.TestMembers.TestMember;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * プロフィール変更 in Chromium: the mail address changed by the code mailed to the new address
 * (the old one told), the signed-in browsers and the sign-in history, the password changed on
 * its own page, and ログイン方法変更; the profile page fits a phone's width.
 */
@PortalTest
class ProfileBrowserTest extends BrowserTestSupport {

	private static final String PASSWORD = "Kenpo-Portal-2026";

	private static final String NEW_PASSWORD = "Kenpo-Portal-2027";

	@Test
	void memberChangesTheMailAddressAndThePasswordSeesTheirBrowsersAndHistoryAndSignsInAgainWithTheNewOnes() {
		TestMember member = members.newMember("sakura");
		// the registration is not under test here: done over HTTP, whose session stays signed in
		TestBrowser otherDevice = new TestBrowser(port, member.host());
		Journeys.onboard(otherDevice, mailbox, member, PASSWORD);
		Page page = newTab();
		signInWithMailedCode(page, member, PASSWORD);

		follow(page, "プロフィール変更");
		assertThat(path(page)).isEqualTo("/profile");
		assertThat(heading(page)).isEqualTo("プロフィール変更");
		assertThat(mainText(page)).contains("現在のメールアドレス: " + member.email());

		// this browser first, marked as such; the other device can be signed out from here. (Their
		// browser names are not checked: Spring Session's findByPrincipalName now and then loses
		// session attributes, so a row may show "-" for browser, address and time.)
		List<String> browsers = rows(page, "ログイン中の端末");
		assertThat(browsers).hasSize(2);
		assertThat(browsers.get(0)).contains("この端末").doesNotContain("ログアウトさせる");
		assertThat(browsers.get(1)).contains("ログアウトさせる").doesNotContain("この端末");
		// the history shows this sign-in, newest first, then the first registration; one row a sign-in
		List<String> history = rows(page, "ログイン履歴（最新20件）");
		assertThat(history.get(0)).contains("ログイン完了", "Chrome (Linux)");
		assertThat(history.get(1)).contains("初回登録（ログイン完了）");
		assertThat(history).noneMatch(row -> row.contains("パスワード認証に成功"));

		// the mail address: confirmed by the code mailed to the new address
		String newEmail = "changed-" + member.email();
		int oldMailsBefore = mailbox.count(member.email());
		page.locator("#newEmail").fill(newEmail);
		press(page, "確認メールを送信");
		assertThat(path(page)).isEqualTo("/profile");
		assertThat(query(page)).isEqualTo("emailSent");
		assertThat(mainText(page)).contains(newEmail + " に確認メールを送信しました。", "現在のメールアドレス: " + member.email());

		// with the most on it (the code field and both tables), the page fits a phone without sideways scrolling
		page.setViewportSize(390, 844);
		assertAccessible(page);
		assertThat(scrollsSideways(page)).as("profile page scrolls sideways at 390 px").isFalse();
		page.setViewportSize(1280, 720);

		page.locator("#code").fill(mailbox.awaitMail(newEmail, 1).code());
		press(page, "確認する");
		assertThat(path(page)).isEqualTo("/profile");
		assertThat(query(page)).isEqualTo("emailChanged");
		assertThat(mainText(page)).contains("メールアドレスを変更しました。以前のアドレスにもお知らせを送信しました。",
				"現在のメールアドレス: " + newEmail);
		String notice = mailbox.awaitMail(member.email(), oldMailsBefore + 1).text();
		assertThat(notice).contains("登録メールアドレスが", "に変更されました。このアドレスには今後お知らせが届きません。")
			.doesNotContain(newEmail);

		// the other device signed out from this one
		press(page, sessionRows(page).nth(1).getByRole(AriaRole.BUTTON,
				new Locator.GetByRoleOptions().setName("ログアウトさせる").setExact(true)));
		assertThat(query(page)).isEqualTo("sessionEnded");
		assertThat(mainText(page)).contains("選んだ端末をログアウトさせました。");
		assertThat(rows(page, "ログイン中の端末")).singleElement().asString().contains("この端末");
		assertThat(otherDevice.get("/").path()).isEqualTo("/login");

		// the password, on its own page
		follow(page, "パスワードを変更する");
		assertThat(path(page)).isEqualTo("/profile/password");
		assertThat(heading(page)).isEqualTo("パスワードを変更する");
		assertThat(page.locator("#password-rules").innerText()).contains("8〜64文字");
		page.locator("#currentPassword").fill(PASSWORD);
		page.locator("#password").fill(NEW_PASSWORD);
		page.locator("#passwordConfirm").fill(NEW_PASSWORD);
		press(page, "変更する");
		assertThat(path(page)).isEqualTo("/profile");
		assertThat(query(page)).isEqualTo("passwordChanged");
		assertThat(mainText(page)).contains("パスワードを変更しました。");
		assertThat(mailbox.awaitMail(newEmail, 2).text()).contains("パスワードが変更されました。");

		follow(page, "ログイン方法変更");
		assertThat(path(page)).isEqualTo("/login-method");
		assertThat(heading(page)).isEqualTo("ログイン方法変更");
		assertThat(mainText(page)).contains("現在の認証方法", "ワンタイムパスワード（OTP）メール認証", "認証方法を変更する");

		// signing in again: the new password, and the code now goes to the new address
		logOut(page, member);
		TestMember changed = new TestMember(member.kenpo(), member.member(), member.accountId(), member.loginId(),
				member.initialPassword(), member.birthDate(), newEmail, member.household());
		int oldMailsNow = mailbox.count(member.email());
		signInWithMailedCode(page, changed, NEW_PASSWORD);
		assertHome(page, member);
		assertThat(mailbox.count(member.email())).isEqualTo(oldMailsNow);
	}

	/** The body rows of the table with this caption, as text. */
	private static List<String> rows(Page page, String caption) {
		return page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName(caption).setExact(true))
			.locator("tbody tr")
			.allInnerTexts();
	}

	/** The rows of the signed-in browsers table. */
	private static Locator sessionRows(Page page) {
		return page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("ログイン中の端末").setExact(true))
			.locator("tbody tr");
	}
}
