package jp.kenpoportal.browser;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import com.microsoft.playwright.Page;
import jp.kenpoportal.account.Accounts;
import jp.kenpoportal.admin.dashboard.DashboardFixture;
import jp.kenpoportal.admin.staff.StaffRole;
import jp.kenpoportal.audit.AuditTrail;
import jp.kenpoportal.member.MemberDirectory;
import jp.kenpoportal.support.MutableClock;
import jp.kenpoportal.support.TestBrowser;
import jp.kenpoportal.support.PortalTest;
import jp.kenpoportal.support.TestStaff;
import jp.kenpoportal.support.TestStaff.Staff;
import jp.kenpoportal.tenant.KenpoDirectory;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 登録状況ダッシュボード in Chromium at 1280 px: a 担当者 signs in, sees the figures on home, opens
 * the dashboard, reads the charts' figures as a table, switches to weeks and downloads the CSV of
 * members not yet registered in both encodings; axe on every page.
 */
@PortalTest
class DashboardBrowserTest extends BrowserTestSupport {

	@Autowired
	private TestStaff staff;

	@Autowired
	private KenpoDirectory kenpos;

	@Autowired
	private MemberDirectory roster;

	@Autowired
	private Accounts accounts;

	@Autowired
	private AuditTrail audit;

	@Autowired
	private MutableClock clock;

	@Test
	void clerkSeesTheRegistrationFiguresChartsAndDownloadsTheFollowUpCsv() {
		DashboardFixture k = new DashboardFixture(kenpos, roster, accounts, audit, clock).known();
		Staff clerk = staff.create(k.kenpo.code(), StaffRole.CLERK);
		Page page = newTab();
		page.setViewportSize(1280, 900);

		page.navigate("http://" + TestBrowser.CONSOLE_HOST + ":" + port + "/login");
		assertAccessible(page);
		page.locator("#userId").fill(clerk.account().loginId());
		page.locator("#password").fill(TestStaff.PASSWORD);
		press(page, "ログイン");
		page.locator("#code").fill(staff.code(clerk));
		press(page, "認証する");
		assertThat(path(page)).isEqualTo("/");
		assertThat(page.locator(".stats").first().innerText()).contains("登録率", "60.0%");

		follow(page, "登録状況ダッシュボードを開く");
		assertThat(path(page)).isEqualTo("/dashboard");
		assertThat(page.locator("h1").innerText()).isEqualTo("登録状況ダッシュボード");
		assertThat(page.locator(".stats").innerText()).contains("5人", "4人", "3人", "60.0%");
		assertThat(page.locator("svg[role=img]").count()).isEqualTo(2);
		assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.IMG,
				new Page.GetByRoleOptions().setName("日別のログイン（30日で4回）")).isVisible()).isTrue();
		assertFitsTheWidth(page);
		// for a person to look at after the run
		page.screenshot(new Page.ScreenshotOptions().setPath(java.nio.file.Path.of("target", "screenshots", "dashboard-1280.png"))
			.setFullPage(true));

		page.getByText("数値を表で見る").click();
		assertThat(page.locator("details table").isVisible()).isTrue();
		assertAccessible(page);

		follow(page, "週別（26週）");
		assertThat(page.locator("h2#timeline-title").innerText()).isEqualTo("直近26週の推移");
		assertFitsTheWidth(page);

		DownloadedFile sjis = download(page, button(page, "CSVをダウンロード"));
		assertThat(sjis.name()).endsWith("_MS932.csv");
		String ms932 = new String(sjis.bytes(), Charset.forName("windows-31j"));
		assertThat(ms932).startsWith("記号,番号,氏名,氏名カナ,生年月日\r\n").contains("〓田 千春", "'=HYPERLINK");

		page.getByLabel("UTF-8（BOM付き）").check();
		DownloadedFile utf8 = download(page, button(page, "CSVをダウンロード"));
		assertThat(utf8.name()).endsWith("_UTF_8.csv");
		assertThat(new String(utf8.bytes(), StandardCharsets.UTF_8)).startsWith("\uFEFF記号").contains("𠮷田 千春");
	}

	/** Usable at 1280 px: nothing makes the page scroll sideways. */
	private static void assertFitsTheWidth(Page page) {
		Object width = page.evaluate("() => document.documentElement.scrollWidth");
		assertThat(((Number) width).intValue()).isLessThanOrEqualTo(1280);
	}
}
