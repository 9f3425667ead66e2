package jp.kenpoportal.browser;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import jp.kenpoportal.support.Journeys;
import jp.kenpoportal.support.PortalTest;
import jp.kenpoportal.support.TestBrowser;
import jp.kenpoportal.support.TestMembers.TestMember;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Home in Chromium: the service tiles of the kenpo (the flu subsidy too, issue 12), the link
 * tiles opening the kenpo's external services in a new tab that gets neither the portal as
 * opener nor its address as referrer, the お知らせ newest first with their 未読 marks, a notice
 * read (its mark gone), the お知らせメール turned off on プロフィール変更; and the same pages at a
 * phone's width, with the services of a household that has no data yet.
 */
@PortalTest
class HomeAndNoticesBrowserTest extends BrowserTestSupport {

	private static final String PASSWORD = "Home-Notices-2026";

	/** さくら's link tiles (demo data), in the order the kenpo named them. */
	private static final List<String> LINKS = List.of("人間ドック等予約", "電子申請", "Travel Service");

	private TestMember member;

	@BeforeAll
	void onboardOneMember() {
		member = members.newHousehold("sakura");
		// the registration is not under test here: done over HTTP
		Journeys.onboard(new TestBrowser(port, member.host()), mailbox, member, PASSWORD);
	}

	@Test
	void memberSeesTheServicesAndTheLinksAndReadsTheNewestNoticeWhoseMarkThenGoes() {
		// a member of its own, who has never opened a notice: the phone test opens one too
		TestMember reader = members.newMember("sakura");
		Journeys.onboard(new TestBrowser(port, reader.host()), mailbox, reader, PASSWORD);
		Page page = newTab();
		signInWithMailedCode(page, reader, PASSWORD);

		// the services link to their pages, the flu subsidy too (issue 12)
		assertThat(tile(page, "医療費のお知らせ").getAttribute("href")).isEqualTo("/medical");
		assertThat(tile(page, "現金給付支給決定通知").getAttribute("href")).isEqualTo("/benefits");
		assertThat(tile(page, "資格情報のお知らせ").getAttribute("href")).isEqualTo("/qualification");
		// not a substitute for the card: a clinic takes a マイナ保険証 or a 資格確認書
		assertThat(tile(page, "資格情報のお知らせ").innerText()).contains("マイナ保険証をお持ちの方への資格情報のお知らせ")
			.doesNotContain("保険証の代わり");
		assertThat(tile(page, "インフルエンザ予防接種補助").getAttribute("href")).isEqualTo("/flu");

		// the kenpo's external services: a new tab, no window.opener, no Referer
		Locator external = page.locator(".tile--external a");
		assertThat(external.locator(".tile__title").allInnerTexts()).containsExactlyElementsOf(LINKS);
		for (Locator tile : external.all()) {
			assertThat(tile.getAttribute("target")).isEqualTo("_blank");
			assertThat(tile.getAttribute("rel").split(" ")).contains("noopener", "noreferrer");
			assertThat(tile.getAttribute("href")).startsWith("https://");
			assertThat(tile.innerText()).contains("外部サイト（新しいタブで開きます）");
		}
		assertOpensAloneInANewTab(page, external.first());

		// お知らせ: newest first, every one unread for a member who never opened one
		List<Notice> notices = notices(page);
		assertThat(notices).hasSizeGreaterThanOrEqualTo(2);
		assertThat(notices).extracting(Notice::published)
			.isSortedAccordingTo((a, b) -> b.compareTo(a));
		assertThat(notices).allSatisfy(n -> assertThat(n.unread()).as("未読 on " + n.title()).isTrue());

		// the newest opened: its page, then the list, then home, each without its 未読 mark
		Notice newest = notices.get(0);
		follow(page, newest.title());
		assertThat(path(page)).startsWith("/notices/");
		assertThat(heading(page)).isEqualTo(newest.title());
		assertThat(page.locator(".notice-body").innerText()).isNotBlank();
		follow(page, "お知らせ一覧へ戻る");
		assertThat(path(page)).isEqualTo("/notices");
		assertThat(heading(page)).isEqualTo("お知らせ");
		assertThat(notices(page)).extracting(Notice::title, Notice::unread)
			.startsWith(tuple(newest.title(), false))
			.contains(tuple(notices.get(1).title(), true));
		follow(page, "ホームへ戻る");
		assertHome(page, reader);
		List<Notice> after = notices(page);
		assertThat(after.get(0).title()).isEqualTo(newest.title());
		assertThat(after.get(0).unread()).as("未読 on the notice just read").isFalse();
		assertThat(after.subList(1, after.size())).allSatisfy(n -> assertThat(n.unread()).isTrue());
	}

	@Test
	void memberTurnsTheNoticeMailOffAndItStaysOff() {
		Page page = newTab();
		signInWithMailedCode(page, member, PASSWORD);

		follow(page, "プロフィール変更");
		Locator box = page.getByLabel("新しい情報が掲載されたらメールで知らせる");
		assertThat(box.isChecked()).as("お知らせメール is on by default").isTrue();
		box.uncheck();
		press(page, "保存する");
		assertThat(path(page)).isEqualTo("/profile");
		assertThat(page.locator("#publication-mail").innerText()).contains("お知らせメールの設定を保存しました。");
		assertThat(box.isChecked()).isFalse();

		page.reload();
		assertAccessible(page);
		assertThat(box.isChecked()).as("お知らせメール after a reload").isFalse();

		// and back on, so the choice really is the member's each time
		box.check();
		press(page, "保存する");
		assertThat(box.isChecked()).isTrue();
	}

	@Test
	void homeTheNoticesTheProfileAndTheEmptyServicesFitAPhoneWithoutScrollingSideways() {
		Page page = newTab();
		page.setViewportSize(390, 844);
		signInWithMailedCode(page, member, PASSWORD);
		assertThat(scrollsSideways(page)).as("home scrolls sideways at 390 px").isFalse();

		String title = notices(page).get(0).title();
		follow(page, title);
		assertThat(scrollsSideways(page)).as("a notice scrolls sideways at 390 px").isFalse();
		follow(page, "お知らせ一覧へ戻る");
		assertThat(scrollsSideways(page)).as("the notice list scrolls sideways at 390 px").isFalse();
		follow(page, "プロフィール変更");
		assertThat(scrollsSideways(page)).as("the profile page scrolls sideways at 390 px").isFalse();

		// this household has no data yet: the services say so
		follow(page, "ホーム");
		follow(page, tile(page, "医療費のお知らせ"));
		assertThat(path(page)).isEqualTo("/medical");
		assertThat(mainText(page)).contains("掲載されている医療費はまだありません。");
		assertThat(scrollsSideways(page)).as("the empty 医療費 page scrolls sideways at 390 px").isFalse();
		follow(page, "ホームへ戻る");
		follow(page, tile(page, "現金給付支給決定通知"));
		assertThat(mainText(page)).contains("支給を決定した給付金はまだありません。");
		assertThat(scrollsSideways(page)).as("the empty decision list scrolls sideways at 390 px").isFalse();
	}

	/** Clicks an external link tile; the page it opens comes from a stand-in, so no test leaves the machine. */
	private static void assertOpensAloneInANewTab(Page page, Locator tile) {
		String href = tile.getAttribute("href");
		AtomicReference<Map<String, String>> headers = new AtomicReference<>();
		page.context().route(href + "**", (Route route) -> {
			headers.set(route.request().headers());
			route.fulfill(new Route.FulfillOptions().setContentType("text/html; charset=utf-8")
				.setBody("<!DOCTYPE html><html lang=\"ja\"><title>外部サービス</title><h1>外部サービス</h1></html>"));
		});
		String portal = page.url();
		Page opened = page.context().waitForPage(tile::click);
		try {
			opened.waitForLoadState();
			assertThat(opened.url()).isEqualTo(href);
			assertThat(opened.evaluate("() => window.opener === null")).as("window.opener in the new tab").isEqualTo(true);
			assertThat(headers.get()).doesNotContainKey("referer");
			assertThat(page.url()).as("the portal stays where it was").isEqualTo(portal);
		}
		finally {
			opened.close();
			page.context().unroute(href + "**");
		}
	}

	/** The お知らせ listed on the page, in the order shown. */
	private static List<Notice> notices(Page page) {
		List<Notice> notices = new ArrayList<>();
		for (Locator item : page.locator(".notice-list li").all()) {
			notices.add(new Notice(item.locator("a").innerText().strip(),
					published(item.locator("time").getAttribute("datetime")),
					item.locator(".badge", new Locator.LocatorOptions().setHasText("未読")).count() == 1));
		}
		return notices;
	}

	/** The machine-readable publication time of the {@code <time>} element (ISO 8601, offset with or without a colon). */
	private static Instant published(String datetime) {
		return OffsetDateTime.parse(datetime, ISO_WITH_OFFSET).toInstant();
	}

	private static final DateTimeFormatter ISO_WITH_OFFSET = new DateTimeFormatterBuilder()
		.append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
		.optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
		.optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
		.toFormatter();

	private record Notice(String title, Instant published, boolean unread) {
	}
}
