package jp.kenpoportal.browser;

import java.time.LocalDate;
import java.time.ZoneId;

import com.microsoft.playwright.Page;
import jp.kenpoportal.admin.staff.StaffRole;
import jp.kenpoportal.support.MutableClock;
import jp.kenpoportal.support.PortalTest;
import jp.kenpoportal.support.TestKenpos;
import jp.kenpoportal.support.TestStaff;
import jp.kenpoportal.support.TestStaff.Staff;
import jp.kenpoportal.tenant.Kenpo;
import jp.kenpoportal.tenant.KenpoDirectory;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 設定 in Chromium at 1280 px: a 管理者 raises the password length through the old → new
 * confirmation, then writes a new 利用規約 version, previews it and publishes it for a later day.
 */
@PortalTest
class ConsoleSettingsBrowserTest extends BrowserTestSupport {

	@Autowired
	private TestStaff staff;

	@Autowired
	private KenpoDirectory kenpos;

	@Autowired
	private MutableClock clock;

	@Test
	void anAdministratorChangesThePasswordPolicyAndSchedulesNewTerms() {
		Kenpo kenpo = TestKenpos.allFactors(kenpos);
		Staff admin = staff.create(kenpo.code(), StaffRole.ADMIN);
		Page page = newTab();
		page.setViewportSize(1280, 900);
		page.navigate("http://console.localhost:" + port + "/login");
		assertAccessible(page);
		page.locator("#userId").fill(admin.account().loginId());
		page.locator("#password").fill(TestStaff.PASSWORD);
		press(page, "ログイン");
		assertAccessible(page);
		page.locator("#code").fill(staff.code(admin));
		press(page, "認証する");
		assertAccessible(page);

		follow(page, "設定");
		assertThat(heading(page)).isEqualTo("設定");
		assertAccessible(page);
		page.locator("#minLength").fill("4");
		press(page, "変更内容を確認する");
		assertThat(errorText(page)).contains("パスワードの最小文字数は8以上の数字で入力してください。");
		assertThat(page.locator("#minLength").inputValue()).isEqualTo("4");
		assertAccessible(page);
		page.locator("#minLength").fill("10");
		page.getByLabel("記号").last().check();
		press(page, "変更内容を確認する");
		assertThat(heading(page)).isEqualTo("変更内容の確認");
		assertThat(mainText(page)).contains("パスワードの最小文字数", "8", "10", "パスワードに必ず含める文字", "（なし）", "記号");
		assertAccessible(page);
		press(page, "この内容で保存する");
		assertThat(mainText(page)).contains("保存しました。");
		assertAccessible(page);
		assertThat(kenpos.findById(kenpo.id()).orElseThrow().passwordRules().minLength()).isEqualTo(10);

		follow(page, "利用規約の改定");
		assertThat(heading(page)).isEqualTo("利用規約の改定");
		assertAccessible(page);
		LocalDate later = LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Tokyo")).plusDays(7);
		page.locator("#title").fill("利用規約（第2版）");
		page.locator("#body").fill("第1条（目的）\nこの規約は改定されました。");
		page.locator("#effectiveDate").fill(later.toString());
		press(page, "プレビューする");
		assertThat(heading(page)).isEqualTo("利用規約のプレビュー");
		assertThat(page.locator("article.terms").innerText()).contains("利用規約（第2版）", "この規約は改定されました。");
		assertThat(mainText(page)).contains(later.getMonthValue() + "月" + later.getDayOfMonth() + "日から施行されます");
		assertAccessible(page);
		press(page, "この内容で公開する");
		assertThat(mainText(page)).contains("新しい版を公開しました。", "施行予定", "施行中");
		assertAccessible(page);
		assertThat(kenpos.currentTerms(kenpo.id()).orElseThrow().version()).isEqualTo(1);
	}
}
