package jp.kenpoportal.browser;

import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Locator;
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
 * お知らせ in Chromium: a 担当者 signs in to the console, writes a notice for the 事業所 of a
 * member, previews the member page at a phone's and a PC's width, publishes it, and the
 * member then sees it on home and reads it, its link safe; then edits and withdraws it, and
 * it is gone from the member's home; every page axe-clean.
 */
@PortalTest
class NoticeConsoleBrowserTest extends BrowserTestSupport {

	private static final String PASSWORD = "Notice-Browser-2026";

	@Autowired
	TestStaff staff;

	@Test
	void clerkWritesPreviewsAndPublishesANoticeThatTheMemberThenSeesOnHome() {
		String employer = "B" + System.nanoTime() % 1_000_000;
		TestMember member = members.newMemberAt("sakura", employer, "ブラウザ試験事業所");
		Journeys.onboard(new TestBrowser(port, member.host()), mailbox, member, PASSWORD);
		Staff clerk = staff.create("sakura", StaffRole.CLERK);
		String title = "健康診断のご案内 " + System.nanoTime() % 100_000;
		Page console = newTab();
		console.setViewportSize(1280, 900);

		signInToConsole(console, clerk);
		follow(console, "お知らせ");
		assertThat(heading(console)).isEqualTo("お知らせ");
		follow(console, "お知らせを作成する");
		console.getByLabel("件名").fill(title);
		console.getByLabel("本文").fill("今年度の健康診断の申込を始めました。\n\n詳しくは https://kenshin.sakura-denki.example/ をご覧ください。\n"
				+ "<script>alert(1)</script>");
		console.getByLabel("選んだ事業所の方のみ").check();
		console.getByLabel(employer + " ブラウザ試験事業所").check();
		press(console, "プレビュー");

		assertThat(heading(console)).isEqualTo("お知らせを作成する");
		assertThat(console.getByLabel("件名").inputValue()).isEqualTo(title);
		assertPreview(console, "会員に表示される画面のプレビュー（スマートフォン）", 375, title);
		assertPreview(console, "会員に表示される画面のプレビュー（パソコン）", 1024, title);
		assertThat(scrollsSideways(console)).as("the console page at 1280 px").isFalse();
		console.screenshot(new Page.ScreenshotOptions().setFullPage(true)
			.setPath(java.nio.file.Paths.get("target", "screenshots", "console-notice-preview.png")));

		press(console, "保存する");
		assertThat(path(console)).matches("/notices/\\d+");
		assertThat(mainText(console)).contains("お知らせを保存しました。", "掲載中", "選んだ事業所の方のみ",
				employer + " ブラウザ試験事業所");
		assertPreview(console, "会員に表示される画面のプレビュー（スマートフォン）", 375, title);

		Page home = newTab();
		signInWithMailedCode(home, member, PASSWORD);
		Locator notice = home.locator(".notice-list a", new Page.LocatorOptions().setHasText(title));
		assertThat(notice.count()).isEqualTo(1);
		follow(home, notice);
		assertThat(heading(home)).isEqualTo(title);
		Locator link = home.locator(".notice-body a");
		assertThat(link.getAttribute("href")).isEqualTo("https://kenshin.sakura-denki.example/");
		assertThat(link.getAttribute("rel").split(" ")).contains("noopener");
		assertThat(home.locator(".notice-body").innerText()).contains("<script>alert(1)</script>");

		// the edit form holds what was saved; the withdrawal asks once more, then the member's copy is gone
		follow(console, "編集する");
		assertThat(console.getByLabel("件名").inputValue()).isEqualTo(title);
		assertThat(console.getByLabel(employer + " ブラウザ試験事業所").isChecked()).isTrue();
		follow(console, console.locator(".breadcrumb a"));
		assertThat(mainText(console)).contains(title, "掲載中");
		follow(console, title);
		follow(console, "取り下げる");
		assertThat(heading(console)).isEqualTo("お知らせの取り下げ");
		press(console, "取り下げる");
		assertThat(mainText(console)).contains("お知らせを取り下げました。", "取り下げ済み");
		follow(home, "ホームへ戻る");
		assertThat(home.locator(".notice-list a", new Page.LocatorOptions().setHasText(title)).count()).isZero();
	}

	private void signInToConsole(Page page, Staff clerk) {
		page.navigate("http://" + TestBrowser.CONSOLE_HOST + ":" + port + "/login");
		assertAccessible(page);
		page.locator("#userId").fill(clerk.account().loginId());
		page.locator("#password").fill(TestStaff.PASSWORD);
		press(page, "ログイン");
		assertThat(path(page)).isEqualTo("/mfa");
		page.locator("#code").fill(staff.code(clerk));
		press(page, "認証する");
		assertThat(path(page)).isEqualTo("/");
	}

	/** The preview frame shows the member page at its width, styled by the portal's stylesheet. */
	private static void assertPreview(Page page, String frameTitle, int width, String title) {
		Locator frame = page.locator("iframe[title='" + frameTitle + "']");
		assertThat(frame.boundingBox().width).isBetween(width - 1.0, width + 3.0);
		FrameLocator member = page.frameLocator("iframe[title='" + frameTitle + "']");
		assertThat(member.locator("h1").innerText()).isEqualTo(title);
		assertThat(member.locator(".notice-body p").count()).isEqualTo(2);
		assertThat(member.locator(".notice-body a").getAttribute("rel")).contains("noopener");
		assertThat(member.locator(".notice-body script").count()).isZero();
		// the stylesheet applies inside the frame: main is the member layout's centred column
		assertThat(member.locator("main").evaluate("m => getComputedStyle(m).maxWidth")).isEqualTo("960px");
	}
}
