package jp.kenpoportal.browser;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import jp.kenpoportal.admin.staff.StaffRole;
import jp.kenpoportal.support.PortalTest;
import jp.kenpoportal.support.TestBrowser;
import jp.kenpoportal.support.TestStaff;
import jp.kenpoportal.support.TestStaff.Staff;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A newly invited 管理者 in Chromium at 1280 px with a virtual platform authenticator: sets a
 * password from the invitation mail's link, chooses and enrols a passkey for the console host,
 * signs out, and signs in again with password + passkey. Every page passes the axe check.
 */
@PortalTest
class StaffPasskeyBrowserTest extends BrowserTestSupport {

	private static final Pattern INVITATION = Pattern.compile("https?://\\S+(/invitation\\?token=[A-Za-z0-9_-]+)");

	private static final String PASSWORD = "Sakura-Admin-Passkey-26";

	@Autowired
	private TestStaff staff;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void invitedAdminEnrolsAPasskeyThenSignsInWithPasswordAndPasskey() {
		String userId = "passkey" + System.nanoTime() % 1_000_000;
		String email = userId + "@sakura.example.com";
		invite(userId, email);
		Matcher link = INVITATION.matcher(mailbox.awaitMail(email, 1).text());
		assertThat(link.find()).isTrue();

		Page page = newTab();
		page.setViewportSize(1280, 800);
		VirtualAuthenticator authenticator = VirtualAuthenticator.addTo(page);
		open(page, link.group(1));
		assertThat(heading(page)).isEqualTo("パスワードの設定");
		page.locator("#password").fill(PASSWORD);
		page.locator("#passwordConfirm").fill(PASSWORD);
		press(page, "パスワードを設定する");
		assertThat(query(page)).isEqualTo("passwordSet");

		signIn(page, userId);
		assertThat(path(page)).isEqualTo("/mfa/choose");
		assertThat(heading(page)).isEqualTo("認証方法の選択");
		assertThat(mainText(page)).contains("パスキー（生体認証）", "認証アプリ").doesNotContain("メール");
		page.locator("#factor-PASSKEY").check();
		press(page, "次へ");
		assertThat(heading(page)).isEqualTo("パスキーの登録");
		assertThat(page.locator("#passkeyLabel").inputValue()).isEqualTo("Linux");
		press(page, "パスキーを登録する");
		assertThat(heading(page)).isEqualTo("ホーム");
		assertThat(page.locator("header").innerText()).contains("桜 管理", "管理者", "さくら電機健康保険組合");
		assertThat(authenticator.credentials()).singleElement()
			.extracting(VirtualAuthenticator.Credential::rpId)
			.isEqualTo(TestBrowser.CONSOLE_HOST);

		press(page, "ログアウト");
		assertThat(query(page)).isEqualTo("signedOut");
		signIn(page, userId);
		assertThat(path(page)).isEqualTo("/mfa/passkey");
		assertThat(heading(page)).isEqualTo("パスキーで認証");
		press(page, "パスキーで認証する");
		assertThat(path(page)).isEqualTo("/");
		assertThat(heading(page)).isEqualTo("ホーム");

		assertThat(audit(userId)).containsSubsequence("STAFF_PASSWORD_SET invitation",
				"STAFF_PASSKEY_ENROLLED Linux", "STAFF_SECOND_FACTOR_ACCEPTED PASSKEY enrolment", "STAFF_SIGNED_OUT",
				"STAFF_SIGN_IN_PASSWORD_ACCEPTED", "STAFF_SECOND_FACTOR_ACCEPTED PASSKEY");
	}

	/** A 管理者 of さくら invites the new 管理者 through 職員管理 (over HTTP: not the subject here). */
	private void invite(String userId, String email) {
		Staff inviter = staff.create("sakura", StaffRole.ADMIN);
		TestBrowser console = TestBrowser.console(port);
		staff.signIn(console, inviter);
		console.get("/staff/invite");
		TestBrowser.Page done = console.submit("/staff/invite",
				Map.of("userId", userId, "name", "桜 管理", "email", email, "role", "ADMIN"));
		assertThat(done.path()).isEqualTo("/staff?invited");
	}

	private void signIn(Page page, String userId) {
		open(page, "/login");
		page.locator("#userId").fill(userId);
		page.locator("#password").fill(PASSWORD);
		press(page, "ログイン");
	}

	private void open(Page page, String path) {
		page.navigate("http://" + TestBrowser.CONSOLE_HOST + ":" + port + path);
		assertAccessible(page);
	}

	private List<String> audit(String userId) {
		return jdbc.sql("""
				select type || coalesce(' ' || detail, '') from audit_event
				where staff_id = (select id from staff_account where login_id = ?) order by id""")
			.param(userId)
			.query(String.class)
			.list();
	}
}
