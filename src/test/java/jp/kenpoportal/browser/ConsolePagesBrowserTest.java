package jp.kenpoportal.browser;

import com.microsoft.playwright.Page;
import jp.kenpoportal.admin.staff.StaffRole;
import jp.kenpoportal.support.PortalTest;
import jp.kenpoportal.support.TestBrowser;
import jp.kenpoportal.support.TestStaff;
import jp.kenpoportal.support.TestStaff.Staff;
import jp.kenpoportal.support.Totp;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rest of the console's pages in Chromium at 1280 px, each through the axe check: an
 * operator chooses a kenpo, tries to register one with mistakes, looks at staff, the invitation
 * form and the audit trail; a new staff member sets a password and enrols the app.
 */
@PortalTest
class ConsolePagesBrowserTest extends BrowserTestSupport {

	@Autowired
	private TestStaff staff;

	@Autowired
	private jp.kenpoportal.admin.staff.StaffInvitations invitations;

	@Test
	void operatorWalksThroughKenpoStaffAndAuditPages() {
		Staff operator = staff.create(null, StaffRole.OPERATOR);
		Page page = newTab();
		page.setViewportSize(1280, 800);
		signInToConsole(page, operator);
		assertThat(heading(page)).isEqualTo("健保の選択・登録");

		follow(page, "健保を登録する");
		page.locator("#insurerNumber").fill("06130455");
		press(page, "登録して管理者を招待する");
		assertThat(errorText(page)).contains("保険者番号が正しくありません");
		assertThat(page.locator("#insurerNumber").inputValue()).isEqualTo("06130455");

		open(page, "/kenpos");
		press(page, page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
				new Page.GetByRoleOptions().setName("さくら電機健康保険組合を選択")));
		assertThat(heading(page)).isEqualTo("ホーム");
		follow(page, page.locator("nav").getByText("職員管理"));
		assertThat(mainText(page)).contains("admin.sakura");
		follow(page, "職員を招待する");
		press(page, "招待メールを送る");
		assertThat(errorText(page)).contains("ユーザIDは");
		follow(page, page.locator("nav").getByText("監査ログ"));
		page.locator("#type").selectOption("STAFF_KENPO_CHOSEN");
		press(page, "絞り込む");
		assertThat(mainText(page)).contains("運用者：健保を選択", operator.account().loginId());
	}

	@Test
	void invitedStaffSetsAPasswordAndEnrolsTheApp() {
		Staff invited = staff.invited("aoba", StaffRole.VIEWER);
		String link = invitations.issue(invited.account());
		Page page = newTab();
		page.setViewportSize(1280, 800);

		page.navigate("http://" + TestBrowser.CONSOLE_HOST + ":" + port + link.substring(link.indexOf("/invitation")));
		assertAccessible(page);
		assertThat(heading(page)).isEqualTo("パスワードの設定");
		page.locator("#password").fill("Aoba-Viewer-Pass-77");
		page.locator("#passwordConfirm").fill("Aoba-Viewer-Pass-78");
		press(page, "パスワードを設定する");
		assertThat(errorText(page)).contains("確認用のパスワードが一致しません");
		page.locator("#password").fill("Aoba-Viewer-Pass-77");
		page.locator("#passwordConfirm").fill("Aoba-Viewer-Pass-77");
		press(page, "パスワードを設定する");
		page.locator("#userId").fill(invited.account().loginId());
		page.locator("#password").fill("Aoba-Viewer-Pass-77");
		press(page, "ログイン");
		assertThat(heading(page)).isEqualTo("認証方法の選択");
		page.locator("#factor-TOTP").check();
		press(page, "次へ");
		assertThat(heading(page)).isEqualTo("認証アプリの登録");
		page.getByText("スキャンできませんか?").click();
		assertAccessible(page);
		String key = page.locator("code.totp-key").innerText().replace(" ", "").strip();
		page.locator("#code").fill(Totp.now(key));
		press(page, "認証する");
		assertThat(heading(page)).isEqualTo("ホーム");
		assertThat(page.locator("nav").innerText()).contains("監査ログ").doesNotContain("会員サポート");
	}

	private void signInToConsole(Page page, Staff who) {
		open(page, "/login");
		page.locator("#userId").fill(who.account().loginId());
		page.locator("#password").fill(TestStaff.PASSWORD);
		press(page, "ログイン");
		page.locator("#code").fill(staff.code(who));
		press(page, "認証する");
	}

	private void open(Page page, String path) {
		page.navigate("http://" + TestBrowser.CONSOLE_HOST + ":" + port + path);
		assertAccessible(page);
	}
}
