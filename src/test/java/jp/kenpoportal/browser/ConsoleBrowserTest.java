package jp.kenpoportal.browser;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;

import com.microsoft.playwright.Page;
import jp.kenpoportal.account.Accounts;
import jp.kenpoportal.admin.staff.StaffRole;
import jp.kenpoportal.support.Journeys;
import jp.kenpoportal.support.MutableClock;
import jp.kenpoportal.support.PortalTest;
import jp.kenpoportal.support.TestBrowser;
import jp.kenpoportal.support.TestKenpos;
import jp.kenpoportal.support.TestMembers.TestMember;
import jp.kenpoportal.support.TestStaff;
import jp.kenpoportal.support.TestStaff.Staff;
import jp.kenpoportal.tenant.Kenpo;
import jp.kenpoportal.tenant.KenpoDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The staff console in Chromium at 1280 px: a 管理者 signs in with password and the
 * authenticator app, finds a member who is locked out, unlocks the account with a reason, and
 * the member then signs in. Every page passes the axe check.
 */
@PortalTest
class ConsoleBrowserTest extends BrowserTestSupport {

	private static final Path SHOTS = Paths.get("target", "screenshots", "console");

	@Autowired
	private TestStaff staff;

	@Autowired
	private Accounts accounts;

	@Autowired
	private KenpoDirectory kenpos;

	@Autowired
	private MutableClock clock;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void adminUnlocksALockedMemberWhoThenSignsIn() {
		TestMember member = members.newMember("sakura");
		String password = Journeys.onboard(new TestBrowser(port, member.host()), mailbox, member, "Unlocked-Again-8");
		for (int i = 0; i < 20; i++) {
			accounts.registerFailure(member.kenpo().id(), member.accountId());
		}
		Staff admin = staff.create("sakura", StaffRole.ADMIN);
		Page page = newTab();
		page.setViewportSize(1280, 800);

		page.navigate("http://" + TestBrowser.CONSOLE_HOST + ":" + port + "/");
		assertAccessible(page);
		assertThat(path(page)).isEqualTo("/login");
		assertThat(heading(page)).isEqualTo("管理コンソールにログイン");
		shot(page, "01-login");
		page.locator("#userId").fill(admin.account().loginId());
		page.locator("#password").fill(TestStaff.PASSWORD);
		press(page, "ログイン");
		assertThat(heading(page)).isEqualTo("認証アプリのコード");
		page.locator("#code").fill(staff.code(admin));
		press(page, "認証する");
		assertThat(heading(page)).isEqualTo("ホーム");
		assertThat(page.locator("header").innerText()).contains(admin.account().name(), "管理者", "さくら電機健康保険組合");
		shot(page, "02-home");

		follow(page, page.locator("nav").getByText("会員サポート"));
		page.locator("#kind").selectOption("USER_ID");
		page.locator("#q").fill(member.loginId().toUpperCase());
		press(page, "検索する");
		assertThat(mainText(page)).contains(member.loginId(), "ロック中");
		shot(page, "03-search");
		follow(page, member.member().name());
		assertThat(heading(page)).isEqualTo("アカウントの状態");
		assertThat(mainText(page)).contains("健保による解除が必要です", member.email());
		shot(page, "04-account");
		follow(page, "ロックを解除する");
		assertThat(heading(page)).isEqualTo("ロックの解除");

		press(page, "ロックを解除する");
		assertThat(errorText(page)).contains("理由を入力してください");
		page.locator("#reason").fill("本人から電話があり、生年月日と住所で本人確認した");
		shot(page, "05-unlock");
		press(page, "ロックを解除する");
		assertThat(mainText(page)).contains("ロックを解除し、会員にお知らせのメールを送りました。", "ロックされていません");
		shot(page, "06-unlocked");

		Page memberTab = newTab();
		signInWithMailedCode(memberTab, member, password);
	}

	/**
	 * The operator stops a kenpo: the proof has expired while the reason was typed, so the app
	 * is asked again and the form comes back as typed; the kenpo's host then shows whom to ask.
	 */
	@Test
	void operatorStopsAKenpoAfterProvingAgainWithoutRetypingAndItsHostShowsTheContact() {
		Kenpo kenpo = TestKenpos.allFactors(kenpos);
		Staff operator = staff.create(null, StaffRole.OPERATOR);
		Page page = newTab();
		page.setViewportSize(1280, 800);
		page.navigate("http://" + TestBrowser.CONSOLE_HOST + ":" + port + "/login");
		assertAccessible(page);
		page.locator("#userId").fill(operator.account().loginId());
		page.locator("#password").fill(TestStaff.PASSWORD);
		press(page, "ログイン");
		assertAccessible(page);
		page.locator("#code").fill(staff.code(operator));
		press(page, "認証する");
		assertThat(heading(page)).isEqualTo("健保の選択・登録");
		assertAccessible(page);

		follow(page, page.getByLabel(kenpo.name() + "（" + kenpo.code() + "）の利用を停止する"));
		assertThat(heading(page)).isEqualTo("健保の利用停止");
		assertAccessible(page);
		page.locator("#code").fill(kenpo.code());
		page.locator("#reason").fill("契約終了のため利用を停止する");
		clock.advance(Duration.ofMinutes(6));
		press(page, "利用を停止する");
		assertThat(heading(page)).isEqualTo("認証アプリのコード");
		assertAccessible(page);
		page.locator("#code").fill(staff.code(operator));
		press(page, "認証する");
		assertThat(heading(page)).isEqualTo("本人確認ができました");
		assertAccessible(page);
		shot(page, "07-resume");
		press(page, "入力内容を送信する");
		assertThat(mainText(page)).contains("健保の利用を停止しました", "停止中");
		assertAccessible(page);
		shot(page, "08-stopped");

		Page memberTab = newTab();
		memberTab.navigate("http://" + kenpo.host() + ":" + port + "/login");
		assertThat(memberTab.locator("h1").innerText()).contains("現在ご利用いただけません");
		assertThat(memberTab.locator("main").innerText()).contains(kenpo.contactEmail());
		assertAccessible(memberTab);
	}

	private static void shot(Page page, String name) {
		page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")).setFullPage(true));
	}
}
