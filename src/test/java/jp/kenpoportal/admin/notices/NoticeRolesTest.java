package jp.kenpoportal.admin.notices;

import java.util.List;
import java.util.Map;

import jp.kenpoportal.admin.staff.StaffRole;
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
import jp.kenpoportal.tenant.KenpoDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every お知らせ endpoint of the console for each role: 担当者, 管理者 and the operator (with the
 * kenpo chosen) may use them all; a 閲覧者 is refused (403, audited); a member's session is
 * nobody on the console.
 */
@PortalTest
class NoticeRolesTest {

	@LocalServerPort
	int port;

	@Autowired
	TestStaff staff;

	@Autowired
	TestMembers members;

	@Autowired
	Mailbox mailbox;

	@Autowired
	Notices notices;

	@Autowired
	KenpoDirectory kenpos;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@ParameterizedTest
	@EnumSource(value = StaffRole.class, names = { "OPERATOR", "ADMIN", "CLERK" })
	void whenStaffWhoWriteNoticesUseEveryEndpointThenEachAnswers(StaffRole role) {
		long id = sakuraNotice();
		TestBrowser console = signedIn(role);

		for (String path : gets(id)) {
			assertThat(console.get(path).status()).as("GET " + path).isEqualTo(200);
		}
		for (String path : List.of("/notices/new", "/notices/" + id + "/edit")) {
			console.get("/notices");
			assertThat(console.postWithCsrf(path, preview()).status()).as("POST " + path).isEqualTo(200);
		}
		console.get("/notices");
		Page withdrawn = console.postWithCsrf("/notices/" + id + "/withdraw", Map.of());
		assertThat(withdrawn.path()).isEqualTo("/notices/" + id + "?withdrawn");
		assertThat(withdrawnAt(id)).isTrue();
	}

	@Test
	void whenAViewerTriesEveryEndpointThenRefusedNothingChangedAndEachRefusalAudited() {
		long id = sakuraNotice();
		Staff viewer = staff.create("sakura", StaffRole.VIEWER);
		TestBrowser console = TestBrowser.console(port);
		staff.signIn(console, viewer);
		assertThat(console.get("/").text()).doesNotContain("お知らせ");

		for (String path : gets(id)) {
			assertThat(console.get(path).status()).as("GET " + path).isEqualTo(403);
		}
		for (String path : List.of("/notices/new", "/notices/" + id + "/edit", "/notices/" + id + "/withdraw")) {
			console.get("/");
			assertThat(console.postWithCsrf(path, preview()).status()).as("POST " + path).isEqualTo(403);
		}

		assertThat(withdrawnAt(id)).isFalse();
		assertThat(jdbc.sql("select detail from audit_event where staff_id = ? and type = 'STAFF_ACCESS_REFUSED' order by id")
			.param(viewer.id())
			.query(String.class)
			.list()).containsExactly("GET /notices", "GET /notices/new", "GET /notices/" + id,
					"GET /notices/" + id + "/edit", "GET /notices/" + id + "/withdraw", "POST /notices/new", "POST /notices/" + id + "/edit",
					"POST /notices/" + id + "/withdraw");
	}

	@Test
	void whenAMembersSessionOrNoSessionTriesTheEndpointsThenTheConsoleAsksForStaffSignIn() {
		long id = sakuraNotice();
		TestMember member = members.newMember("sakura");
		TestBrowser browser = new TestBrowser(port, member.host());
		Journeys.onboard(browser, mailbox, member, "Notice-Roles-2026");
		browser.onHost(TestBrowser.CONSOLE_HOST);

		for (TestBrowser b : List.of(browser, TestBrowser.console(port))) {
			for (String path : gets(id)) {
				assertThat(b.get(path).path()).as("GET " + path).isEqualTo("/login");
			}
			for (String path : List.of("/notices/new", "/notices/" + id + "/edit", "/notices/" + id + "/withdraw")) {
				Page page = b.postWithCsrf(path, preview());
				assertThat(page.status() == 403 || page.path().equals("/login")).as("POST " + path).isTrue();
			}
		}
		assertThat(withdrawnAt(id)).isFalse();
	}

	private TestBrowser signedIn(StaffRole role) {
		return staff.signedInAs(port, role, "sakura");
	}

	private long sakuraNotice() {
		return notices.publish(kenpos.findByCode("sakura").orElseThrow().id(), "権限確認 " + System.nanoTime(), "本文",
				clock.instant(), null);
	}

	private boolean withdrawnAt(long id) {
		return jdbc.sql("select withdrawn_at is not null from notice where id = ?").param(id).query(Boolean.class).single();
	}

	private static List<String> gets(long id) {
		return List.of("/notices", "/notices/new", "/notices/" + id, "/notices/" + id + "/edit",
				"/notices/" + id + "/withdraw");
	}

	private static Map<String, String> preview() {
		return Map.of("title", "権限確認", "body", "本文", "publishFrom", "2026-12-01T10:00", "audience", "ALL",
				"action", "preview");
	}
}
