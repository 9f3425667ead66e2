package jp.kenpoportal.admin.imports;

import java.util.List;
import java.util.Map;

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
import jp.kenpoportal.tenant.KenpoDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every データ取込 endpoint by role: 担当者, 管理者 and the operator (kenpo chosen) use the
 * uploads; only 管理者 and the operator manage API clients; a 閲覧者 is refused everything (403,
 * audited); a member's session and no session are sent to the console's sign-in.
 */
@PortalTest
class ImportRolesTest {

	@LocalServerPort
	int port;

	@Autowired
	TestStaff staff;

	@Autowired
	TestMembers members;

	@Autowired
	Mailbox mailbox;

	@Autowired
	KenpoDirectory kenpos;

	@Autowired
	JdbcClient jdbc;

	@ParameterizedTest
	@EnumSource(value = StaffRole.class, names = { "OPERATOR", "ADMIN", "CLERK" })
	void whenStaffWhoImportUseEveryUploadEndpointThenEachAnswers(StaffRole role) {
		long job = sakuraJob();
		TestBrowser console = signedIn(role);

		for (String path : gets(job)) {
			assertThat(console.get(path).status()).as("GET " + path).isEqualTo(200);
		}
		console.get("/imports");
		assertThat(console.postWithCsrf("/imports", Map.of("kind", "ROSTER", "month", "2026-11", "created", "2026-12-01"))
			.text()).contains("ファイルを選んでください。");
		for (String action : List.of("apply", "discard")) {
			console.get("/imports/" + job);
			Page page = console.postWithCsrf("/imports/" + job + "/" + action, Map.of());
			assertThat(page.path()).as(action).isEqualTo("/imports/" + job + "?notWaiting");
		}
		int clients = console.get("/imports/clients").status();
		assertThat(clients).isEqualTo(role == StaffRole.CLERK ? 403 : 200);
		console.get("/imports");
		assertThat(console.postWithCsrf("/imports/clients", Map.of("name", "夜間")).status())
			.isEqualTo(role == StaffRole.CLERK ? 403 : 200);
	}

	@Test
	void whenAViewerTriesEveryEndpointThenRefusedAndEachRefusalAudited() {
		long job = sakuraJob();
		Staff viewer = staff.create("sakura", StaffRole.VIEWER);
		TestBrowser console = TestBrowser.console(port);
		staff.signIn(console, viewer);
		assertThat(console.get("/").text()).doesNotContain("データ取込");

		for (String path : gets(job)) {
			assertThat(console.get(path).status()).as("GET " + path).isEqualTo(403);
		}
		assertThat(console.get("/imports/clients").status()).isEqualTo(403);
		for (String path : List.of("/imports", "/imports/" + job + "/apply", "/imports/" + job + "/discard",
				"/imports/clients", "/imports/clients/1/rotate", "/imports/clients/1/revoke")) {
			console.get("/");
			assertThat(console.postWithCsrf(path, Map.of()).status()).as("POST " + path).isEqualTo(403);
		}
		assertThat(jdbc.sql("select count(*) from audit_event where staff_id = ? and type = 'STAFF_ACCESS_REFUSED'")
			.param(viewer.id())
			.query(Long.class)
			.single()).isEqualTo(gets(job).size() + 1 + 6);
		assertThat(jdbc.sql("select count(*) from import_api_client where created_by = ?").param(viewer.id())
			.query(Long.class).single()).isZero();
	}

	@Test
	void whenAMembersSessionOrNoSessionTriesTheEndpointsThenTheConsoleAsksForStaffSignIn() {
		long job = sakuraJob();
		TestMember member = members.newMember("sakura");
		TestBrowser browser = new TestBrowser(port, member.host());
		Journeys.onboard(browser, mailbox, member, "Import-Roles-2026");
		browser.onHost(TestBrowser.CONSOLE_HOST);

		for (TestBrowser b : List.of(browser, TestBrowser.console(port))) {
			for (String path : gets(job)) {
				assertThat(b.get(path).path()).as("GET " + path).isEqualTo("/login");
			}
			assertThat(b.get("/imports/clients").path()).isEqualTo("/login");
			for (String path : List.of("/imports", "/imports/" + job + "/apply", "/imports/clients")) {
				Page page = b.postWithCsrf(path, Map.of());
				assertThat(page.status() == 403 || page.path().equals("/login")).as("POST " + path).isTrue();
			}
		}
	}

	private TestBrowser signedIn(StaffRole role) {
		return staff.signedInAs(port, role, "sakura");
	}

	/** A failed job of さくら (nothing to apply), written as the runner leaves one. */
	private long sakuraJob() {
		return jdbc.sql("""
				insert into import_job (kenpo_id, kind, state, file_name, sha256, size_bytes, target_month, file_created_on,
				  failure, created_at, finished_at)
				values (?, 'ROSTER', 'FAILED', 'roles.csv', repeat('0', 64), 10, date '2026-11-01', date '2026-12-01',
				  'imports.error.empty', now(), now()) returning id""")
			.param(kenpos.findByCode("sakura").orElseThrow().id())
			.query(Long.class)
			.single();
	}

	private static List<String> gets(long job) {
		return List.of("/imports", "/imports/" + job, "/imports/" + job + "/status", "/imports/" + job + "/errors.csv");
	}
}
