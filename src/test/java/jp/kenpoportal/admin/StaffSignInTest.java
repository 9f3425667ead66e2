package jp.kenpoportal.admin;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jp.kenpoportal.admin.staff.StaffInvitations;
import jp.kenpoportal.admin.staff.StaffRole;
import jp.kenpoportal.support.MutableClock;
import jp.kenpoportal.support.PortalTest;
import jp.kenpoportal.support.TestBrowser;
import jp.kenpoportal.support.TestBrowser.Page;
import jp.kenpoportal.support.TestStaff;
import jp.kenpoportal.support.TestStaff.Staff;
import jp.kenpoportal.support.Totp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Staff sign-in: password, authenticator app, lock, timeouts, and the invitation that starts it all. */
@PortalTest
class StaffSignInTest {

	@LocalServerPort
	int port;

	@Autowired
	TestStaff staff;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	StaffInvitations invitations;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void whenPasswordAndAppCodeAreRightThenHomeShowsTheNameRoleAndKenpo() {
		Staff clerk = staff.create("sakura", StaffRole.CLERK);

		Page home = staff.signIn(TestBrowser.console(port), clerk);

		assertThat(home.path()).isEqualTo("/");
		assertThat(home.text()).contains(clerk.account().name(), "担当者", "さくら電機健康保険組合");
		assertThat(auditTypes(clerk)).contains("STAFF_SIGN_IN_PASSWORD_ACCEPTED", "STAFF_SECOND_FACTOR_ACCEPTED");
	}

	@Test
	void whenOnlyThePasswordIsProvedThenEveryPageAsksForTheAppCode() {
		Staff admin = staff.create("sakura", StaffRole.ADMIN);
		TestBrowser console = TestBrowser.console(port);
		console.get("/login");
		console.submit("/login", Map.of("userId", admin.account().loginId(), "password", TestStaff.PASSWORD));

		assertThat(console.get("/").path()).isEqualTo("/mfa");
		assertThat(console.page().doc().select("nav")).isEmpty();
		// the page asked for last opens once the code is right
		assertThat(console.get("/members").path()).isEqualTo("/mfa");
		Page wrong = console.submit("/mfa", Map.of("code", "000000".equals(staff.code(admin)) ? "111111" : "000000"));
		assertThat(wrong.error()).contains("認証コードが正しくありません");
		Page home = console.submit("/mfa", Map.of("code", staff.code(admin)));
		assertThat(home.path()).isEqualTo("/members");
	}

	@Test
	void whenTheUserIdIsUnknownOrThePasswordWrongThenOneMessageAndTheUserIdKept() {
		Staff admin = staff.create("sakura", StaffRole.ADMIN);
		TestBrowser console = TestBrowser.console(port);
		console.get("/login");

		Page wrong = console.submit("/login", Map.of("userId", admin.account().loginId(), "password", "wrong-one"));
		Page unknown = console.submit("/login", Map.of("userId", "nobody.here", "password", "wrong-one"));

		assertThat(wrong.error()).contains("ユーザIDまたはパスワードが正しくありません");
		assertThat(unknown.error()).isEqualTo(wrong.error());
		assertThat(wrong.value("userId")).isEqualTo(admin.account().loginId());
		assertThat(wrong.path()).isEqualTo("/login");
	}

	@Test
	void whenFiveWrongPasswordsThenLockedForFifteenMinutesEvenWithTheRightOne() {
		Staff admin = staff.create("aoba", StaffRole.ADMIN);
		TestBrowser console = TestBrowser.console(port);
		console.get("/login");
		for (int i = 0; i < 5; i++) {
			console.submit("/login", Map.of("userId", admin.account().loginId(), "password", "wrong-" + i));
		}

		Page locked = console.submit("/login", Map.of("userId", admin.account().loginId(), "password", TestStaff.PASSWORD));
		assertThat(locked.error()).contains("ユーザIDまたはパスワードが正しくありません");
		assertThat(auditTypes(admin)).contains("STAFF_LOCKED");
		assertThat(staff.reload(admin).lockReason()).isEqualTo("FAILED_ATTEMPTS");

		clock.advance(Duration.ofMinutes(14));
		assertThat(console.submit("/login", Map.of("userId", admin.account().loginId(), "password", TestStaff.PASSWORD))
			.path()).isEqualTo("/login");
		clock.advance(Duration.ofMinutes(2));
		assertThat(staff.signIn(TestBrowser.console(port), admin).heading()).isEqualTo("ホーム");
	}

	@Test
	void whenWrongAppCodesReachTheThresholdThenTheSignInEndsLocked() {
		Staff admin = staff.create("kaede", StaffRole.ADMIN);
		TestBrowser console = TestBrowser.console(port);
		console.get("/login");
		console.submit("/login", Map.of("userId", admin.account().loginId(), "password", TestStaff.PASSWORD));
		Page page = null;
		for (int i = 0; i < 5; i++) {
			page = console.submit("/mfa", Map.of("code", "12345" + i));
		}

		assertThat(page.path()).isEqualTo("/login?locked");
		assertThat(page.error()).contains("ロック");
		assertThat(console.get("/").path()).isEqualTo("/login");
	}

	@Test
	void whenIdleForFifteenMinutesThenSignedOut() {
		Staff clerk = staff.create("sakura", StaffRole.CLERK);
		TestBrowser console = TestBrowser.console(port);
		staff.signIn(console, clerk);

		clock.advance(Duration.ofMinutes(14));
		assertThat(console.get("/").heading()).isEqualTo("ホーム");
		clock.advance(Duration.ofMinutes(15));
		Page expired = console.get("/");

		assertThat(expired.path()).isEqualTo("/login?expired");
		assertThat(expired.info()).contains("ログアウトしました");
		assertThat(auditTypes(clerk)).contains("STAFF_SESSION_EXPIRED");
	}

	@Test
	void whenEightHoursHavePassedThenSignedOutEvenIfActive() {
		Staff clerk = staff.create("sakura", StaffRole.CLERK);
		TestBrowser console = TestBrowser.console(port);
		staff.signIn(console, clerk);

		for (int i = 0; i < 34; i++) {
			clock.advance(Duration.ofMinutes(14));
			assertThat(console.get("/").path()).isEqualTo("/");
		}
		clock.advance(Duration.ofMinutes(5));

		assertThat(console.get("/").path()).isEqualTo("/login?expired");
	}

	@Test
	void whenInvitedThenSetsOwnPasswordSignsInAndEnrolsTheApp() {
		Staff invited = staff.invited("sakura", StaffRole.CLERK);
		String link = invitations.issue(invited.account());
		TestBrowser console = TestBrowser.console(port);

		Page form = console.get(link.substring(link.indexOf("/invitation")));
		assertThat(form.path()).isEqualTo("/invitation");
		assertThat(form.heading()).isEqualTo("パスワードの設定");
		Page bad = console.submit("/invitation", Map.of("password", "short", "passwordConfirm", "short"));
		assertThat(bad.error()).contains("文字以上");
		Page set = console.submit("/invitation",
				Map.of("password", "My-Own-Console-Pass-1", "passwordConfirm", "My-Own-Console-Pass-1"));
		assertThat(set.path()).isEqualTo("/login?passwordSet");

		Page choice = console.submit("/login",
				Map.of("userId", invited.account().loginId(), "password", "My-Own-Console-Pass-1"));
		assertThat(choice.heading()).isEqualTo("認証方法の選択");
		Page enrol = console.submit("/mfa/choose", Map.of("factor", "TOTP"));
		assertThat(enrol.heading()).isEqualTo("認証アプリの登録");
		String key = enrol.doc().selectFirst(".totp-key").text().replace(" ", "");
		Page home = console.submit("/mfa/enrol", Map.of("code", Totp.at(key, clock.instant())));

		assertThat(home.heading()).isEqualTo("ホーム");
		assertThat(auditTypes(invited)).contains("STAFF_PASSWORD_SET", "STAFF_TOTP_ENROLLED");
		// the link worked once
		assertThat(TestBrowser.console(port).get(link.substring(link.indexOf("/invitation"))).heading())
			.isEqualTo("このリンクは使用できません");
	}

	@Test
	void whenTheInvitationIsOlderThanSeventyTwoHoursThenItNoLongerWorks() {
		Staff invited = staff.invited("sakura", StaffRole.VIEWER);
		String link = invitations.issue(invited.account());

		clock.advance(Duration.ofHours(72).plusMinutes(1));
		Page page = TestBrowser.console(port).get(link.substring(link.indexOf("/invitation")));

		assertThat(page.heading()).isEqualTo("このリンクは使用できません");
	}

	private List<String> auditTypes(Staff s) {
		return jdbc.sql("select type from audit_event where staff_id = ? order by id").param(s.id()).query(String.class).list();
	}
}
