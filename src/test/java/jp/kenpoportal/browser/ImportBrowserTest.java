package jp.kenpoportal.browser;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import com.microsoft.playwright.Page;
import jp.kenpoportal.account.Accounts;
import jp.kenpoportal.admin.staff.StaffRole;
import jp.kenpoportal.member.Member;
import jp.kenpoportal.member.MemberDirectory;
import jp.kenpoportal.support.Journeys;
import jp.kenpoportal.support.PortalTest;
import jp.kenpoportal.support.TestBrowser;
import jp.kenpoportal.support.TestMembers.TestMember;
import jp.kenpoportal.support.TestStaff;
import jp.kenpoportal.support.TestStaff.Staff;
import jp.kenpoportal.tenant.Kenpo;
import jp.kenpoportal.tenant.KenpoDirectory;
import jp.kenpoportal.tenant.NewKenpo;
import jp.kenpoportal.tenant.PasswordRules;
import jp.kenpoportal.tenant.SecondFactor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * データ取込 in Chromium at 1280 px: a 担当者 uploads the kenpo's roster, reads the preview and
 * applies it, then uploads the 医療費 file; the imported member signs in and sees the kenpo's
 * 負担割合 and the claims; every page axe-clean.
 */
@PortalTest
class ImportBrowserTest extends BrowserTestSupport {

	private static final String PASSWORD = "Import-Browser-2026";

	@Autowired
	TestStaff staff;

	@Autowired
	KenpoDirectory kenpos;

	@Autowired
	MemberDirectory directory;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void clerkUploadsPreviewsAndAppliesTheRosterThenTheClaimsAndTheMemberSeesThem(@TempDir Path dir) throws Exception {
		Kenpo kenpo = kenpoWithServices();
		Staff clerk = staff.create(kenpo.code(), StaffRole.CLERK);
		Path roster = dir.resolve("roster-202611.csv");
		Files.writeString(roster, String.join("\r\n",
				"個人番号,記号,番号,枝番,氏名,氏名カナ,生年月日,性別,続柄,資格取得日,資格喪失日,負担割合,事業所コード,事業所名称,郵便番号,住所,世帯閲覧,資格区分",
				"B001,31,0042,00,取込 一郎,トリコミ イチロウ,1956-02-03,男,本人,2000-04-01,,3,E01,本社,100-0001,東京都千代田区千代田1-1,,",
				"B002,31,0042,01,取込 和子,トリコミ カズコ,1957-06-07,女,妻,2000-04-01,,3,E01,本社,100-0001,東京都千代田区千代田1-1,可,")
				+ "\r\n", StandardCharsets.UTF_8);
		Path claims = dir.resolve("claims-202609.csv");
		Files.writeString(claims, String.join("\r\n", "個人番号,診療年月,区分,医療機関名,日数,医療費総額,保険者負担,公費,自己負担,公開日",
				"B001,2026-09,外来,取込記念クリニック,2,12000,8400,0,3600,2026-11-20",
				"B002,2026-09,調剤,取込薬局,1,4000,2800,0,1200,2026-11-20") + "\r\n", StandardCharsets.UTF_8);
		Page console = newTab();
		console.setViewportSize(1280, 900);

		signInToConsole(console, clerk);
		follow(console, console.locator("nav").getByText("データ取込"));
		assertThat(heading(console)).isEqualTo("データ取込");
		upload(console, "被保険者・被扶養者（名簿）", "2026-11", "2026-12-01", roster);
		awaitText(console, "#roster-changes");
		assertThat(mainText(console)).contains("確認待ち", "反映前の確認", "取込 一郎", "取込 和子", "31-0042-00");
		assertThat(scrollsSideways(console)).as("the preview at 1280 px").isFalse();
		press(console, "反映する");
		awaitText(console, "#job-counts");
		assertThat(mainText(console)).contains("ファイルの内容を反映しました。");

		follow(console, "データ取込に戻る");
		upload(console, "医療費", "2026-09", "2026-11-10", claims);
		awaitText(console, "#job-counts");
		assertThat(mainText(console)).contains("反映済み", "ファイルの内容を反映しました。");

		Member ichiro = directory.find(kenpo.id(), jdbc.sql("select id from member where kenpo_id = ? and person_key = 'B001'")
			.param(kenpo.id())
			.query(Long.class)
			.single()).orElseThrow();
		String email = "ichiro." + kenpo.code() + "@example.com";
		long account = accounts.open(kenpo.id(), ichiro.id(), "torikomi.ichi", false, "31004219560203", email).id();
		TestMember member = new TestMember(kenpo, ichiro, account, "torikomi.ichi", "31004219560203",
				LocalDate.of(1956, 2, 3), email, directory.household(kenpo.id(), ichiro.id()));
		Journeys.onboard(new TestBrowser(port, member.host()), mailbox, member, PASSWORD);
		Page home = newTab();
		signInWithMailedCode(home, member, PASSWORD);
		open(home, member, "/qualification");
		assertThat(mainText(home)).contains("31", "0042", "3割", "取込 和子");
		open(home, member, "/medical/2026/9");
		assertThat(mainText(home)).contains("取込記念クリニック", "取込薬局");
	}

	private void upload(Page console, String kind, String month, String created, Path file) {
		console.getByLabel("ファイルの種類").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel(kind));
		console.getByLabel("対象年月").fill(month);
		console.getByLabel("作成日").fill(created);
		console.getByLabel("ファイル（CSV）").setInputFiles(file);
		press(console, "アップロードして検査する");
		assertThat(path(console)).matches("/imports/\\d+");
	}

	/** The job page reloads itself (its script) until the job is done; then the element is there. */
	private void awaitText(Page page, String selector) {
		page.locator(selector).waitFor(new com.microsoft.playwright.Locator.WaitForOptions().setTimeout(60_000));
		page.waitForLoadState();
		assertAccessible(page);
	}

	private void signInToConsole(Page page, Staff who) {
		page.navigate("http://" + TestBrowser.CONSOLE_HOST + ":" + port + "/login");
		assertAccessible(page);
		page.locator("#userId").fill(who.account().loginId());
		page.locator("#password").fill(TestStaff.PASSWORD);
		press(page, "ログイン");
		page.locator("#code").fill(staff.code(who));
		press(page, "認証する");
	}

	private Kenpo kenpoWithServices() {
		String code = "i" + System.nanoTime();
		Kenpo kenpo = kenpos.create(new NewKenpo(code, code + ".localhost", "取込テスト健康保険組合", "06130454",
				"kenpo@" + code + ".example", null, 2, 4, Instant.now().plusSeconds(30L * 86400),
				EnumSet.allOf(SecondFactor.class), SecondFactor.EMAIL_CODE, new PasswordRules(8, 64, "-_!", Set.of()),
				List.of("medical", "qualification")));
		kenpos.publishTerms(kenpo.id(), "利用規約", "本サービスの利用規約です。");
		return kenpo;
	}
}
