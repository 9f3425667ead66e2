package jp.kenpoportal.browser;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import jp.kenpoportal.admin.staff.StaffRole;
import jp.kenpoportal.flu.CraftedFiles;
import jp.kenpoportal.flu.ZenginFile;
import jp.kenpoportal.support.Journeys;
import jp.kenpoportal.support.MutableClock;
import jp.kenpoportal.support.PortalTest;
import jp.kenpoportal.support.TestBrowser;
import jp.kenpoportal.support.TestMembers.TestMember;
import jp.kenpoportal.support.TestStaff;
import jp.kenpoportal.support.TestStaff.Staff;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * インフルエンザ予防接種補助 in Chromium, axe-clean on every page: a member applies with a receipt
 * photo at a phone's and a PC's width; a 担当者 asks for a correction, the member corrects, the
 * 担当者 approves, makes a batch, downloads the 全銀 file (read back by the tests' own parser) and
 * marks it paid; the member sees the decision in 現金給付支給決定通知.
 */
@PortalTest
class FluBrowserTest extends BrowserTestSupport {

	private static final String PASSWORD = "Flu-Browser-2026";

	private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

	@Autowired
	TestStaff staff;

	@Autowired
	MutableClock clock;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@ParameterizedTest
	@ValueSource(ints = { 390, 1280 })
	void memberAppliesWithAReceiptPhoto(int width) {
		TestMember member = members.newHousehold("sakura");
		Journeys.onboard(new TestBrowser(port, member.host()), mailbox, member, PASSWORD);
		Page page = newTab();
		page.setViewportSize(width, 900);
		signInWithMailedCode(page, member, PASSWORD);
		long id = apply(page, member, "3500");
		assertThat(mainText(page)).contains("申請しました", "申請中", "3,500円");
		assertThat(scrollsSideways(page)).as("detail at " + width).isFalse();
		page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
			.setPath(java.nio.file.Paths.get("target", "screenshots", "flu-applied-" + width + ".png")));
		assertThat(id).isPositive();
	}

	@Test
	void clerkAsksForACorrectionApprovesAndPaysAndTheMemberSeesTheDecision() {
		TestMember member = members.newHousehold("sakura");
		Journeys.onboard(new TestBrowser(port, member.host()), mailbox, member, PASSWORD);
		Page home = newTab();
		home.setViewportSize(1280, 900);
		signInWithMailedCode(home, member, PASSWORD);
		long id = apply(home, member, "3500");

		Staff clerk = staff.create("sakura", StaffRole.CLERK);
		Page console = newTab();
		console.setViewportSize(1280, 900);
		signInToConsole(console, clerk);
		follow(console, "インフルエンザ補助");
		follow(console, "No. " + id);
		assertThat(mainText(console)).contains("資格あり", "ルール上の額");
		console.locator("[data-action=rotate]").first().click();
		assertThat(console.locator(".flu-viewer img").first().getAttribute("style")).contains("rotate(90deg)");
		press(console, "審査を開始する");
		console.getByLabel("修正依頼・却下の理由（会員に表示されます）").fill("領収書に接種した方のお名前がありません。");
		press(console, "修正を依頼する");
		assertThat(mainText(console)).contains("修正を依頼しました。", "修正依頼");

		home.navigate(origin(member) + "/flu/applications/" + id);
		assertAccessible(home);
		assertThat(mainText(home)).contains("修正依頼", "領収書に接種した方のお名前がありません。");
		follow(home, "修正する");
		assertThat(home.locator("img.flu-receipt__image").count()).isEqualTo(1);
		home.locator("input[name^=remove]").first().check();
		home.locator("#files").setInputFiles(new FilePayload("receipt-2.jpg", "image/jpeg", CraftedFiles.jpeg()));
		home.locator("input[name='p" + member.member().id() + ".cost']").fill("4500");
		press(home, "確認画面へ進む");
		assertThat(mainText(home)).contains("4,000円");
		press(home, "申請する");
		assertThat(mainText(home)).contains("申請中");

		follow(console, console.locator(".breadcrumb a"));
		follow(console, "No. " + id);
		press(console, "審査を開始する");
		press(console, "承認する");
		assertThat(mainText(console)).contains("承認しました。");

		follow(console, console.locator(".breadcrumb a"));
		follow(console, "支払バッチ");
		console.getByLabel("支払日").fill(LocalDate.ofInstant(clock.instant(), JAPAN).plusDays(5).toString());
		console.getByLabel("被保険者の口座へ振込（全銀ファイル）").check();
		press(console, "支払バッチを作る");
		assertThat(mainText(console)).contains("支払バッチを作りました。", "No. " + id);
		DownloadedFile file = download(console, link(console, "全銀協 総合振込ファイルをダウンロード"));
		ZenginFile.Parsed zengin = ZenginFile.parse(file.bytes());
		assertThat(zengin.data()).anySatisfy(d -> {
			assertThat(d.customerCode1()).isEqualTo(String.format("%010d", id));
			assertThat(d.amount()).isEqualTo(4000);
			assertThat(d.holder()).isEqualTo("ｼｹﾝ ﾀﾛｳ");
		});
		assertThat(scrollsSideways(console)).isFalse();
		press(console, "支払済にする");
		assertThat(mainText(console)).contains("支払済にしました。");

		home.navigate(origin(member) + "/");
		assertAccessible(home);
		follow(home, tile(home, "現金給付支給決定通知"));
		assertThat(mainText(home)).contains("インフルエンザ予防接種補助", "4,000円");
	}

	/**
	 * あおば pays through employers; a 任意継続 household has none, so at a phone's width the form
	 * asks its insured for their own bank account, says why, and the confirmation shows it.
	 */
	@Test
	void continuedMemberUnderEmployerPaymentIsAskedForABankAccountOnAPhone() {
		TestMember member = members.newHousehold("aoba");
		jdbc.sql("update member set qualification_kind = 'CONTINUED' where kenpo_id = ? and symbol = ? and number = ?")
			.params(member.kenpo().id(), member.member().symbol(), member.member().number())
			.update();
		Journeys.onboard(new TestBrowser(port, member.host()), mailbox, member, PASSWORD);
		Page page = newTab();
		page.setViewportSize(390, 900);
		signInWithMailedCode(page, member, PASSWORD);
		follow(page, tile(page, "インフルエンザ予防接種補助"));
		assertThat(mainText(page)).contains("勤務先（事業所）を通じて", "任意継続・特例退職の方は勤務先がないため、ご本人の口座へお振り込みします。");
		follow(page, "新しく申請する");
		assertThat(page.locator("#continued-account").textContent()).contains("被保険者ご本人の口座へお振り込みします");
		assertThat(page.locator("#bankCode").isVisible()).isTrue();
		long insured = member.member().id();
		page.getByLabel(member.member().name() + "（被保険者）").check();
		page.locator("#p" + insured + "-date").fill(LocalDate.now(JAPAN).minusDays(2).toString());
		page.locator("#p" + insured + "-cost").fill("1200");
		page.getByLabel("医療機関名").fill("あおば内科");
		page.getByLabel("金融機関を検索（名前またはコード）").fill("みずほ");
		page.locator("#bankCode").selectOption("0001");
		page.locator("#branchCode").selectOption("001");
		page.getByLabel("口座番号（7桁）").fill("7654321");
		page.getByLabel("口座名義（カナ）").fill("シケン タロウ");
		page.locator("#files").setInputFiles(new FilePayload("receipt.pdf", "application/pdf", CraftedFiles.pdf()));
		assertAccessible(page);
		assertThat(scrollsSideways(page)).as("form at 390").isFalse();
		press(page, "確認画面へ進む");
		assertThat(heading(page)).isEqualTo("申請内容の確認");
		assertThat(mainText(page)).contains("1,200円", "みずほ銀行 東京営業部 普通 ＊＊＊4321 ｼｹﾝ ﾀﾛｳ");
		press(page, "申請する");
		assertThat(mainText(page)).contains("申請しました");
		assertThat(scrollsSideways(page)).as("detail at 390").isFalse();
	}

	@Test
	void adminOpensTheRulesAndSavesThemWithAReason() {
		Staff admin = staff.create("sakura", StaffRole.ADMIN);
		Page console = newTab();
		console.setViewportSize(1280, 900);
		signInToConsole(console, admin);
		follow(console, "インフルエンザ補助");
		follow(console, "補助のルール");
		assertThat(console.getByLabel("上限額・被保険者（円、2回分のときは1回あたり）").inputValue()).isEqualTo("4000");
		assertThat(console.getByLabel("1世帯につき年度1回の申請とする（しないときは1人年度1回）").isChecked()).isTrue();
		press(console, "保存する");
		assertThat(errorText(console)).contains("理由を入力してください。");
		console.getByLabel("変更の理由").fill("2026年度の内容を確認");
		press(console, "保存する");
		assertThat(mainText(console)).contains("補助のルールを保存しました。");
		assertThat(scrollsSideways(console)).isFalse();
	}

	/** From home through the tile, the form (with a receipt photo and its preview) and the confirmation. */
	private long apply(Page page, TestMember member, String cost) {
		follow(page, tile(page, "インフルエンザ予防接種補助"));
		assertThat(mainText(page)).contains("1人あたり4,000円まで", "申請できます");
		follow(page, "新しく申請する");
		long insured = member.member().id();
		page.getByLabel(member.member().name() + "（被保険者）").check();
		page.locator("#p" + insured + "-date").fill(LocalDate.now(JAPAN).minusDays(2).toString());
		page.locator("#p" + insured + "-cost").fill(cost);
		page.getByLabel("医療機関名").fill("さくらクリニック");
		page.getByLabel("金融機関を検索（名前またはコード）").fill("みずほ");
		page.locator("#bankCode").selectOption("0001");
		page.locator("#branchCode").selectOption("001");
		page.getByLabel("口座番号（7桁）").fill("1234567");
		page.getByLabel("口座名義（カナ）").fill("シケン タロウ");
		page.locator("#files").setInputFiles(new FilePayload("IMG_0001.jpg", "image/jpeg", CraftedFiles.jpegWithExifGps()));
		page.locator("#preview img").waitFor();
		assertAccessible(page);
		assertThat(scrollsSideways(page)).as("form").isFalse();
		press(page, "確認画面へ進む");
		assertThat(heading(page)).isEqualTo("申請内容の確認");
		assertThat(mainText(page)).contains("みずほ銀行 東京営業部 普通 ＊＊＊4567 ｼｹﾝ ﾀﾛｳ");
		assertThat(page.locator("img.flu-receipt__image").count()).isEqualTo(1);
		press(page, "申請する");
		Matcher m = Pattern.compile("/flu/applications/(\\d+)").matcher(path(page));
		assertThat(m.find()).isTrue();
		return Long.parseLong(m.group(1));
	}

	private void signInToConsole(Page page, Staff clerk) {
		page.navigate("http://" + TestBrowser.CONSOLE_HOST + ":" + port + "/login");
		assertAccessible(page);
		page.locator("#userId").fill(clerk.account().loginId());
		page.locator("#password").fill(TestStaff.PASSWORD);
		press(page, "ログイン");
		page.locator("#code").fill(staff.code(clerk));
		press(page, "認証する");
		assertThat(path(page)).isEqualTo("/");
	}
}
