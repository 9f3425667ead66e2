package jp.kenpoportal.browser;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import jp.kenpoportal.admin.staff.StaffRole;
import jp.kenpoportal.member.Member;
import jp.kenpoportal.member.MemberDirectory;
import jp.kenpoportal.member.NewMember;
import jp.kenpoportal.member.Sex;
import jp.kenpoportal.support.PortalTest;
import jp.kenpoportal.support.TestBrowser;
import jp.kenpoportal.support.TestKenpos;
import jp.kenpoportal.support.TestStaff;
import jp.kenpoportal.support.TestStaff.Staff;
import jp.kenpoportal.tenant.Kenpo;
import jp.kenpoportal.tenant.KenpoDirectory;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 仮ユーザID・仮パスワード letters in Chromium: a 担当者 asks for the letter of a household that
 * has never signed in, the page follows the background job until the PDF is ready, downloads it;
 * the test reads the credentials off the PDF (PDFBox), and the member signs in with them and
 * reaches the first registration; every page axe-clean, the console at 1280 px. Two batches for one
 * household: once the newer is downloaded, the older batch's page says its letter is void.
 */
@PortalTest
class LetterConsoleBrowserTest extends BrowserTestSupport {

	private static final Pattern LOGIN_ID = Pattern.compile("仮ユーザID\\s*([a-z0-9]{10})(?![a-z0-9])");

	private static final Pattern PASSWORD = Pattern.compile("仮パスワード\\s*([A-HJ-NP-Za-km-z2-9]{12})(?![A-Za-z0-9])");

	@Autowired
	TestStaff staff;

	@Autowired
	KenpoDirectory kenpos;

	@Autowired
	MemberDirectory roster;

	@Autowired
	JdbcClient jdbc;

	@Test
	void clerkMakesALetterDownloadsItAndTheMemberSignsInWithItsCredentialsToFirstRegistration() {
		Kenpo kenpo = TestKenpos.allFactors(kenpos);
		Member insured = roster.register(kenpo.id(), new NewMember("31", "4159", "00", "書簡 一郎", "ショカン イチロウ",
				java.time.LocalDate.of(1985, 7, 7), Sex.MALE, "本人", java.time.LocalDate.of(2025, 4, 1), null));
		jdbc.sql("update member set postal_code = '100-0005', address = '東京都千代田区丸の内一丁目1番1号' where id = ?")
			.param(insured.id())
			.update();
		Staff clerk = staff.create(kenpo.code(), StaffRole.CLERK);
		Page console = newTab();
		console.setViewportSize(1280, 900);

		signInToConsole(console, clerk);
		follow(console, "仮パスワード通知");
		assertThat(heading(console)).isEqualTo("仮ユーザID・仮パスワード通知");
		assertThat(mainText(console)).contains("初回登録がまだの方: 1人");
		console.getByLabel("1世帯（記号・番号）").check();
		console.getByLabel("記号", new Page.GetByLabelOptions().setExact(true)).fill("３１");
		console.getByLabel("番号", new Page.GetByLabelOptions().setExact(true)).fill("4159");
		console.getByLabel("理由（監査ログに残ります）").fill("新規加入の案内を送付");
		press(console, "作成を開始する");
		assertThat(path(console)).matches("/letters/\\d+");
		assertThat(scrollsSideways(console)).isFalse();

		// the page follows the job by itself and shows the link once the PDF is ready
		console.locator("#download").waitFor(new com.microsoft.playwright.Locator.WaitForOptions().setTimeout(90_000));
		assertAccessible(console);
		assertThat(mainText(console)).contains("ダウンロードできます", "ダウンロードは1回だけ");
		DownloadedFile pdf = download(console, console.locator("#download"));
		assertThat(pdf.name()).endsWith(".pdf");
		String text = pdf.pdfText();
		assertThat(text).contains("書簡 一郎 様", "〒100-0005", kenpo.name(), "初回登録の手順");
		Matcher id = LOGIN_ID.matcher(text);
		Matcher password = PASSWORD.matcher(text);
		assertThat(id.find()).as(text).isTrue();
		assertThat(password.find()).as(text).isTrue();

		console.reload();
		assertAccessible(console);
		assertThat(mainText(console)).contains("ダウンロード済み", "サーバーにPDFは残っていません");

		Page member = newTab();
		member.navigate("http://" + kenpo.host() + ":" + port + "/login");
		assertAccessible(member);
		member.locator("#userId").fill(id.group(1));
		member.locator("#password").fill(password.group(1));
		press(member, "ログイン");
		assertThat(path(member)).isEqualTo("/onboarding/birth-date");
		assertThat(heading(member)).isEqualTo("生年月日の入力");
		member.locator("#birthDate").fill("19850707");
		press(member, "次へ");
		assertThat(path(member)).isEqualTo("/onboarding/terms");
	}

	@Test
	void whenTwoBatchesAreMadeForOneMemberThenTheOlderBatchsPageSaysItsLetterIsVoidOnceTheNewerIsDownloaded() {
		Kenpo kenpo = TestKenpos.allFactors(kenpos);
		Member insured = roster.register(kenpo.id(), new NewMember("27", "1828", "00", "無効 二郎", "ムコウ ジロウ",
				java.time.LocalDate.of(1990, 2, 2), Sex.MALE, "本人", java.time.LocalDate.of(2025, 4, 1), null));
		jdbc.sql("update member set postal_code = '100-0005', address = '東京都千代田区丸の内一丁目1番1号' where id = ?")
			.param(insured.id())
			.update();
		Page console = newTab();
		console.setViewportSize(1280, 900);
		signInToConsole(console, staff.create(kenpo.code(), StaffRole.CLERK));

		// two batches for the same household before either is downloaded; the newer one is posted
		String older = requestHouseholdLetter(console, "初回の送付");
		String newer = requestHouseholdLetter(console, "封筒の宛名違いで作り直し");
		download(console, console.locator("#download"));

		console.navigate("http://" + TestBrowser.CONSOLE_HOST + ":" + port + older);
		assertThat(console.locator("#letters-voided").textContent().strip())
			.isEqualTo("このバッチの1通は、後の通知書 #" + newer.substring("/letters/".length())
					+ " で再発行したため無効です。これらは送らないでください。");
		assertAccessible(console);
	}

	/** Asks for the letter of household 27-1828 and waits for its PDF; the batch's path. */
	private String requestHouseholdLetter(Page console, String reason) {
		console.navigate("http://" + TestBrowser.CONSOLE_HOST + ":" + port + "/letters");
		assertAccessible(console);
		console.getByLabel("1世帯（記号・番号）").check();
		console.getByLabel("記号", new Page.GetByLabelOptions().setExact(true)).fill("27");
		console.getByLabel("番号", new Page.GetByLabelOptions().setExact(true)).fill("1828");
		console.getByLabel("理由（監査ログに残ります）").fill(reason);
		press(console, "作成を開始する");
		assertThat(path(console)).matches("/letters/\\d+");
		console.locator("#download").waitFor(new com.microsoft.playwright.Locator.WaitForOptions().setTimeout(90_000));
		assertAccessible(console);
		return path(console);
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
}
