package jp.kenpoportal.admin.notices;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jp.kenpoportal.admin.staff.StaffRole;
import jp.kenpoportal.portal.NoticeAudience;
import jp.kenpoportal.portal.NoticeDraft;
import jp.kenpoportal.portal.NoticeReader;
import jp.kenpoportal.portal.Notices;
import jp.kenpoportal.support.Journeys;
import jp.kenpoportal.support.Mailbox;
import jp.kenpoportal.support.MutableClock;
import jp.kenpoportal.support.PortalTest;
import jp.kenpoportal.support.TestBrowser;
import jp.kenpoportal.support.TestBrowser.Page;
import jp.kenpoportal.support.TestMembers;
import jp.kenpoportal.support.TestMembers.TestMember;
import jp.kenpoportal.support.TestStaff;
import jp.kenpoportal.support.TestStaff.Staff;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * お知らせ in the console: a 担当者 writes, previews, schedules, targets, edits and withdraws a
 * notice, and members see exactly what they should, when they should, as escaped text.
 */
@PortalTest
class NoticeConsoleTest {

	private static final String PASSWORD = "Notice-Console-2026";

	private static final DateTimeFormatter FIELD = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

	@LocalServerPort
	int port;

	@Autowired
	TestStaff staff;

	@Autowired
	TestMembers members;

	@Autowired
	Mailbox mailbox;

	@Autowired
	MutableClock clock;

	@Autowired
	Notices notices;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void whenAClerkPreviewsThenTheMemberPageShowsAtBothWidthsAndNothingIsSaved() {
		TestBrowser console = clerk();
		String title = "プレビュー確認 " + System.nanoTime();
		console.get("/notices/new");

		Page preview = console.submit("/notices/new", form(title, "一段落目\n\n二段落目 https://example.com/info", now(0),
				"preview"));

		assertThat(preview.path()).isEqualTo("/notices/new");
		assertThat(preview.value("title")).isEqualTo(title);
		List<Element> frames = preview.doc().select("iframe[srcdoc]");
		assertThat(frames).hasSize(2);
		assertThat(frames).allSatisfy(f -> assertThat(f.attr("sandbox")).doesNotContain("allow-scripts"));
		Document member = Jsoup.parse(frames.get(0).attr("srcdoc"));
		assertThat(member.selectFirst("h1").text()).isEqualTo(title);
		assertThat(member.select(".notice-body p")).hasSize(2);
		assertThat(member.select("link[rel=stylesheet]").attr("href")).startsWith("/css/portal.css");
		assertThat(member.selectFirst(".site-title").text()).isEqualTo("さくら電機健康保険組合");
		assertThat(member.select("meta[name=_csrf], input[name=_csrf]")).as("no console token in the preview").isEmpty();
		assertThat(preview.doc().select("meta[name=_csrf]").attr("content")).isNotBlank();
		assertThat(jdbc.sql("select count(*) from notice where title = ?").param(title).query(Long.class).single())
			.isZero();
	}

	@Test
	void whenAClerkPublishesANoticeThenAMemberReadsItAsEscapedParagraphsWithHttpsLinksOnly() {
		TestMember member = members.newMember("sakura");
		TestBrowser memberBrowser = onboarded(member);
		Staff clerk = staff.create("sakura", StaffRole.CLERK);
		TestBrowser console = TestBrowser.console(port);
		staff.signIn(console, clerk);
		String title = "<b>健診</b>のご案内 " + System.nanoTime();
		String body = "詳しくは https://example.com/kenshin をご覧ください。\n二行目\n\n"
				+ "<script>alert('x')</script> と <a href=\"javascript:alert(1)\">ここ</a> javascript:alert(2)";
		console.get("/notices/new");

		Page saved = console.submit("/notices/new", form(title, body, now(0), "save"));

		assertThat(saved.path()).matches("/notices/\\d+\\?saved");
		assertThat(saved.info()).contains("お知らせを保存しました");
		assertThat(saved.heading()).isEqualTo(title);
		long id = Long.parseLong(saved.path().replaceAll("\\D", ""));
		assertThat(audit(clerk, "STAFF_NOTICE_CREATED")).singleElement().asString().startsWith("notice " + id + ": 「" + title);

		Page list = memberBrowser.get("/notices");
		assertThat(list.doc().select(".notice-list a").eachText()).contains(title);
		Page page = memberBrowser.get("/notices/" + id);
		assertThat(page.heading()).isEqualTo(title);
		Element shown = page.doc().selectFirst(".notice-body");
		assertThat(shown.select("p")).hasSize(2);
		assertThat(shown.select("p").first().select("br")).hasSize(1);
		assertThat(shown.select("script, b")).isEmpty();
		assertThat(shown.select("a")).singleElement().satisfies(a -> {
			assertThat(a.attr("href")).isEqualTo("https://example.com/kenshin");
			assertThat(a.attr("rel").split(" ")).contains("noopener");
			assertThat(a.attr("target")).isEqualTo("_blank");
		});
		assertThat(shown.text()).contains("<script>alert('x')</script>", "<a href=\"javascript:alert(1)\">ここ</a>",
				"javascript:alert(2)");
	}

	@Test
	void whenANoticeIsScheduledThenMembersSeeItOnlyOnceTheClockPassesItsStart() {
		TestMember member = members.newMember("sakura");
		TestBrowser memberBrowser = onboarded(member);
		TestBrowser console = clerk();
		String title = "予約掲載 " + System.nanoTime();
		console.get("/notices/new");
		Map<String, String> fields = form(title, "本文", now(10), "save");
		fields.remove("mailAlert"); // no mail: a mail test running next must not find this notice in its window
		Page saved = console.submit("/notices/new", fields);
		long id = Long.parseLong(saved.path().replaceAll("\\D", ""));
		assertThat(saved.text()).contains("掲載予定", "送らない");

		assertThat(memberBrowser.get("/notices/" + id).status()).isEqualTo(404);
		assertThat(memberBrowser.get("/notices").text()).doesNotContain(title);

		clock.advance(Duration.ofMinutes(11));

		assertThat(memberBrowser.get("/notices").doc().select(".notice-list a").eachText()).contains(title);
		assertThat(memberBrowser.get("/notices/" + id).heading()).isEqualTo(title);
		assertThat(console.get("/notices").text()).contains(title, "掲載中");
	}

	@Test
	void whenAClerkEditsAndThenWithdrawsANoticeThenMembersSeeTheNewTitleAndThenNothing() {
		TestMember member = members.newMember("sakura");
		TestBrowser memberBrowser = onboarded(member);
		Staff clerk = staff.create("sakura", StaffRole.CLERK);
		TestBrowser console = TestBrowser.console(port);
		staff.signIn(console, clerk);
		String title = "変更前 " + System.nanoTime();
		console.get("/notices/new");
		long id = Long.parseLong(console.submit("/notices/new", form(title, "本文", now(0), "save")).path().replaceAll("\\D", ""));

		Page edit = console.get("/notices/" + id + "/edit");
		assertThat(edit.value("title")).isEqualTo(title);
		Page updated = console.submit("/notices/" + id + "/edit", form("変更後 " + title, "新しい本文", now(0), "save"));
		assertThat(updated.path()).isEqualTo("/notices/" + id + "?updated");
		assertThat(memberBrowser.get("/notices/" + id).heading()).isEqualTo("変更後 " + title);
		assertThat(audit(clerk, "STAFF_NOTICE_UPDATED")).singleElement().asString()
			.contains("「" + title + "」", "→ 「変更後 " + title + "」", "本文を変更");

		Page confirm = console.get("/notices/" + id + "/withdraw");
		assertThat(confirm.heading()).isEqualTo("お知らせの取り下げ");
		assertThat(confirm.text()).contains("「変更後 " + title + "」（掲載中）を取り下げますか");
		assertThat(memberBrowser.get("/notices/" + id).status()).as("not withdrawn by the question").isEqualTo(200);
		Page withdrawn = console.submit("/notices/" + id + "/withdraw", Map.of());

		assertThat(withdrawn.path()).isEqualTo("/notices/" + id + "?withdrawn");
		assertThat(withdrawn.text()).contains("取り下げ済み").doesNotContain("編集する");
		assertThat(memberBrowser.get("/notices/" + id).status()).isEqualTo(404);
		assertThat(memberBrowser.get("/notices").text()).doesNotContain(title);
		assertThat(console.get("/notices/" + id + "/edit").status()).isEqualTo(404);
		assertThat(console.get("/notices/" + id + "/withdraw").status()).isEqualTo(404);
		assertThat(audit(clerk, "STAFF_NOTICE_WITHDRAWN")).singleElement().asString().startsWith("notice " + id);
	}

	@Test
	void whenANoticeTargetsAnEmployerThenOnlyMembersThereSeeIt() {
		String code = "E" + System.nanoTime() % 1_000_000;
		TestMember there = members.newMemberAt("sakura", code, "試験事業所");
		TestMember elsewhere = members.newMemberAt("sakura", code + "X", "別の事業所");
		TestBrowser thereBrowser = onboarded(there);
		TestBrowser elsewhereBrowser = onboarded(elsewhere);
		TestBrowser console = clerk();
		String title = "事業所向け " + System.nanoTime();
		Page form = console.get("/notices/new");
		assertThat(form.text()).contains(code + " 試験事業所");
		Map<String, String> fields = form(title, "本文", now(0), "save");
		fields.put("audience", "EMPLOYERS");
		fields.put("employers", code);

		Page saved = console.submit("/notices/new", fields);

		long id = Long.parseLong(saved.path().replaceAll("\\D", ""));
		assertThat(saved.text()).contains("選んだ事業所の方のみ", code + " 試験事業所");
		assertThat(thereBrowser.get("/notices").doc().select(".notice-list a").eachText()).contains(title);
		assertThat(thereBrowser.get("/notices/" + id).heading()).isEqualTo(title);
		assertThat(elsewhereBrowser.get("/notices").text()).doesNotContain(title);
		assertThat(elsewhereBrowser.get("/notices/" + id).status()).isEqualTo(404);
	}

	@Test
	void whenANoticeIsForTheInsuredOnlyThenAReaderWhoseQualificationEndedDoesNotSeeIt() {
		TestMember member = members.newMember("sakura");
		long id = notices.create(member.kenpo().id(), new NoticeDraft("被保険者向け", "本文", clock.instant(), null,
				NoticeAudience.INSURED, List.of(), false));

		assertThat(notices.find(member.kenpo().id(), member.accountId(), new NoticeReader(true, null), id)).isPresent();
		assertThat(notices.find(member.kenpo().id(), member.accountId(), new NoticeReader(false, null), id)).isEmpty();
	}

	@Test
	void whenTheFormIsWrongThenJapaneseMessagesOnTheSamePageInputKeptAndNothingSaved() {
		TestBrowser console = clerk();
		console.get("/notices/new");
		String body = "残す本文 " + System.nanoTime();
		Map<String, String> fields = form("", body, now(60), "save");
		fields.put("publishUntil", now(0));
		fields.put("audience", "EMPLOYERS");

		Page page = console.submit("/notices/new", fields);

		assertThat(page.path()).isEqualTo("/notices/new");
		assertThat(page.error()).contains("件名を入力してください", "掲載終了は掲載開始より後の日時にしてください",
				"対象の事業所を1つ以上選んでください");
		assertThat(page.doc().selectFirst("textarea[name=body]").text()).isEqualTo(body);
		assertThat(page.doc().select("input[name=audience][checked]").attr("value")).isEqualTo("EMPLOYERS");
		assertThat(page.doc().select("[aria-invalid=true]").eachAttr("name")).contains("title", "publishUntil");
		assertThat(page.doc().select("iframe")).isEmpty();
		assertThat(jdbc.sql("select count(*) from notice where body = ?").param(body).query(Long.class).single()).isZero();
	}

	private TestBrowser clerk() {
		TestBrowser console = TestBrowser.console(port);
		staff.signIn(console, staff.create("sakura", StaffRole.CLERK));
		return console;
	}

	private TestBrowser onboarded(TestMember member) {
		TestBrowser browser = new TestBrowser(port, member.host());
		Journeys.onboard(browser, mailbox, member, PASSWORD);
		return browser;
	}

	/** The form's fields as a browser posts them: everyone, mailed, no end. */
	private static Map<String, String> form(String title, String body, String from, String action) {
		Map<String, String> fields = new HashMap<>();
		fields.put("title", title);
		fields.put("body", body);
		fields.put("publishFrom", from);
		fields.put("publishUntil", "");
		fields.put("audience", "ALL");
		fields.put("mailAlert", "on");
		fields.put("action", action);
		return fields;
	}

	/** A datetime-local value, Japan time, {@code minutes} from the portal's now. */
	private String now(int minutes) {
		return FIELD.format(clock.instant().plus(Duration.ofMinutes(minutes)).atZone(ZoneId.of("Asia/Tokyo")));
	}

	private List<String> audit(Staff s, String type) {
		return jdbc.sql("select detail from audit_event where staff_id = ? and type = ? order by id")
			.params(s.id(), type)
			.query(String.class)
			.list();
	}
}
