package jp.kenpoportal.admin;

import jp.kenpoportal.admin.staff.StaffRole;
import jp.kenpoportal.support.Journeys;
import jp.kenpoportal.support.Mailbox;
import jp.kenpoportal.support.PortalTest;
import jp.kenpoportal.support.TestBrowser;
import jp.kenpoportal.support.TestBrowser.Page;
import jp.kenpoportal.support.TestMembers;
import jp.kenpoportal.support.TestMembers.TestMember;
import jp.kenpoportal.support.TestStaff;
import jp.kenpoportal.support.TestStaff.Staff;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The console on its own host: its own chain, its own session cookie, the member pages' headers. */
@PortalTest
class ConsoleHostTest {

	@LocalServerPort
	int port;

	@Autowired
	TestMembers members;

	@Autowired
	TestStaff staff;

	@Autowired
	Mailbox mailbox;

	@Test
	void whenTheConsoleHostIsAskedThenItsSignInPageAnswersWithTheMemberPagesHeaders() {
		Page console = TestBrowser.console(port).get("/");
		Page member = new TestBrowser(port, "sakura.localhost").get("/login");

		assertThat(console.path()).isEqualTo("/login");
		assertThat(console.status()).isEqualTo(200);
		assertThat(console.heading()).isEqualTo("管理コンソールにログイン");
		assertThat(console.header("Content-Security-Policy")).isEqualTo(member.header("Content-Security-Policy"));
		assertThat(console.header("X-Frame-Options")).isEqualTo("DENY");
		assertThat(console.header("Referrer-Policy")).isEqualTo(member.header("Referrer-Policy"));
		assertThat(console.header("Permissions-Policy")).isEqualTo(member.header("Permissions-Policy"));
		assertThat(console.header("Cache-Control")).contains("no-store");
		assertThat(console.doc().select("script:not([src])")).isEmpty();
	}

	@Test
	void whenAStaffMemberSignsInThenTheSessionCookieIsTheConsolesOwn() {
		Staff admin = staff.create("sakura", StaffRole.ADMIN);
		TestBrowser console = TestBrowser.console(port);

		Page home = staff.signIn(console, admin);

		assertThat(home.heading()).isEqualTo("ホーム");
		assertThat(console.cookie("KENPO_CONSOLE_SESSION")).isNotBlank();
		assertThat(console.cookie("KENPO_SESSION")).isNull();
		assertThat(console.rawSetCookie("KENPO_CONSOLE_SESSION")).contains("HttpOnly").contains("SameSite=Strict");
	}

	@Test
	void whenAMemberSessionIsCarriedToTheConsoleThenNobodyIsSignedIn() {
		TestMember member = members.newMember("sakura");
		TestBrowser memberBrowser = new TestBrowser(port, member.host());
		Journeys.onboard(memberBrowser, mailbox, member, "Member-Session-7");
		String memberSession = memberBrowser.cookie("KENPO_SESSION");
		assertThat(memberBrowser.get("/").heading()).isEqualTo("ホーム");

		TestBrowser console = TestBrowser.console(port);
		console.setCookie("KENPO_SESSION", memberSession);
		assertThat(console.get("/").path()).isEqualTo("/login");
		// even with the member's session ID put into the console's own cookie by hand
		console.setCookie("KENPO_CONSOLE_SESSION", memberSession);
		assertThat(console.get("/").path()).isEqualTo("/login");
		assertThat(console.get("/members").path()).isEqualTo("/login");
	}

	@Test
	void whenAStaffSessionIsCarriedToAMemberHostThenNobodyIsSignedIn() {
		Staff admin = staff.create("sakura", StaffRole.ADMIN);
		TestBrowser console = TestBrowser.console(port);
		staff.signIn(console, admin);
		String staffSession = console.cookie("KENPO_CONSOLE_SESSION");

		TestBrowser member = new TestBrowser(port, "sakura.localhost");
		member.setCookie("KENPO_CONSOLE_SESSION", staffSession);
		assertThat(member.get("/").path()).isEqualTo("/login");
		member.setCookie("KENPO_SESSION", staffSession);
		assertThat(member.get("/").path()).isEqualTo("/login");
		assertThat(member.get("/profile").path()).isEqualTo("/login");
		// and the staff session itself still works on the console
		assertThat(console.get("/").heading()).isEqualTo("ホーム");
	}

	@Test
	void whenStaffSignOutThenTheSessionIsGoneAndTheSignOutAudited(@Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc) {
		Staff clerk = staff.create("kaede", StaffRole.CLERK);
		TestBrowser console = TestBrowser.console(port);
		staff.signIn(console, clerk);

		Page out = console.submit("/logout", java.util.Map.of());

		assertThat(out.path()).isEqualTo("/login?signedOut");
		assertThat(out.info()).contains("ログアウトしました");
		assertThat(console.get("/").path()).isEqualTo("/login");
		assertThat(jdbc.sql("select count(*) from audit_event where staff_id = ? and type = 'STAFF_SIGNED_OUT'")
			.param(clerk.id())
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void whenTheConsoleSignInIsPostedWithoutTheCsrfTokenThenRefused() {
		Staff clerk = staff.create("kaede", StaffRole.CLERK);
		TestBrowser console = TestBrowser.console(port);
		console.get("/login");

		Page page = console.post("/login", java.util.Map.of("userId", clerk.account().loginId(), "password", TestStaff.PASSWORD));

		assertThat(page.status()).isEqualTo(403);
	}

	@Test
	void whenAnUnknownHostIsAskedThenStillNotFound() {
		Page page = new TestBrowser(port, "nobody.localhost").get("/login");

		assertThat(page.status()).isEqualTo(404);
	}
}
