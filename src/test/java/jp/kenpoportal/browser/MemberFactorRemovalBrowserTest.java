package jp.kenpoportal.browser;

import java.nio.file.Path;
import java.nio.file.Paths;

import com.microsoft.playwright.Page;
import jp.kenpoportal.admin.staff.StaffRole;
import jp.kenpoportal.support.Journeys;
import jp.kenpoportal.support.PortalTest;
import jp.kenpoportal.support.TestBrowser;
import jp.kenpoportal.support.TestMembers.TestMember;
import jp.kenpoportal.support.TestStaff;
import jp.kenpoportal.support.TestStaff.Staff;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 会員サポート in Chromium at 1280 px: a 担当者 removes a member's authenticator app with a
 * reason (first without one, to see the message); the member's next password sign-in lands on
 * the mail-code enrolment. Every page passes the axe check.
 */
@PortalTest
class MemberFactorRemovalBrowserTest extends BrowserTestSupport {

	private static final Path SHOTS = Paths.get("target", "screenshots", "console-support");

	@Autowired
	private TestStaff staff;

	@Test
	void clerkRemovesTheAppAndTheMemberIsAskedToEnrolAgain() {
		TestMember member = members.newMember("sakura");
		Journeys.onboardWithTotp(new TestBrowser(port, member.host()), mailbox, member, "Browser-Factor-Lost-3");
		Staff clerk = staff.create("sakura", StaffRole.CLERK);
		Page page = newTab();
		page.setViewportSize(1280, 800);

		page.navigate("http://" + TestBrowser.CONSOLE_HOST + ":" + port + "/login");
		assertAccessible(page);
		page.locator("#userId").fill(clerk.account().loginId());
		page.locator("#password").fill(TestStaff.PASSWORD);
		press(page, "ログイン");
		assertAccessible(page);
		page.locator("#code").fill(staff.code(clerk));
		press(page, "認証する");
		assertThat(heading(page)).isEqualTo("ホーム");
		assertAccessible(page);

		page.navigate("http://" + TestBrowser.CONSOLE_HOST + ":" + port + "/members/" + member.accountId());
		assertThat(heading(page)).isEqualTo("アカウントの状態");
		assertAccessible(page);
		follow(page, page.locator("main").getByText("認証方法の削除"));
		assertThat(heading(page)).isEqualTo("認証方法の削除");
		assertAccessible(page);

		press(page, "認証方法を削除する");
		assertThat(errorText(page)).contains("理由を入力してください");
		assertAccessible(page);
		page.locator("#reason").fill("スマートフォンを機種変更したと電話があり、生年月日で本人確認した");
		shot(page, "01-remove-factor");
		press(page, "認証方法を削除する");
		assertThat(mainText(page)).contains("認証方法を削除し、会員にお知らせのメールを送りました。");
		assertAccessible(page);
		shot(page, "02-removed");

		TestBrowser memberBrowser = new TestBrowser(port, member.host());
		assertThat(Journeys.signIn(memberBrowser, member.loginId(), "Browser-Factor-Lost-3").heading())
			.isEqualTo("メール認証の登録");
	}

	private static void shot(Page page, String name) {
		page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")).setFullPage(true));
	}
}
