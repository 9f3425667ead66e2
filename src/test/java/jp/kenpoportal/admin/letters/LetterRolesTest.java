package jp.kenpoportal.admin.letters;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every letter endpoint of the console for each role: 担当者, 管理者 and the operator (with the
 * kenpo chosen) may use them all; a 閲覧者 is refused (403, audited) and nothing is made; a
 * member's session, or none, is sent to the staff sign-in.
 */
@PortalTest
class LetterRolesTest {

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
	void whenStaffWhoMakeLettersUseEveryEndpointThenEachAnswers(StaffRole role) {
		long id = downloadedBatch();
		TestBrowser console = signedIn(role);

		for (String path : List.of("/letters", "/letters/" + id)) {
			assertThat(console.get(path).status()).as("GET " + path).isEqualTo(200);
		}
		assertThat(console.download("/letters/" + id + "/status").status()).isEqualTo(200);
		assertThat(new String(console.download("/letters/" + id + "/status").body())).contains("\"state\":\"DOWNLOADED\"");
		// the batch's PDF is gone already: the role passes, the answer says so
		assertThat(console.download("/letters/" + id + "/pdf").status()).isEqualTo(410);
		console.get("/letters");
		Page invalid = console.postWithCsrf("/letters", Map.of("scope", "ALL", "reason", ""));
		assertThat(invalid.status()).isEqualTo(200);
		assertThat(invalid.error()).contains("理由を入力してください");
	}

	@Test
	void whenAViewerTriesEveryEndpointThenRefusedNothingMadeAndEachRefusalAudited() {
		long id = downloadedBatch();
		long before = batches();
		Staff viewer = staff.create("sakura", StaffRole.VIEWER);
		TestBrowser console = TestBrowser.console(port);
		staff.signIn(console, viewer);
		assertThat(console.get("/").text()).doesNotContain("仮パスワード通知");

		for (String path : gets(id)) {
			assertThat(console.download(path).status()).as("GET " + path).isEqualTo(403);
		}
		console.get("/");
		assertThat(console.postWithCsrf("/letters", Map.of("scope", "ALL", "reason", "閲覧者から")).status()).isEqualTo(403);

		assertThat(batches()).isEqualTo(before);
		assertThat(jdbc.sql("select detail from audit_event where staff_id = ? and type = 'STAFF_ACCESS_REFUSED' order by id")
			.param(viewer.id())
			.query(String.class)
			.list()).containsExactly("GET /letters", "GET /letters/" + id, "GET /letters/" + id + "/status",
					"GET /letters/" + id + "/pdf", "POST /letters");
	}

	@Test
	void whenAMembersSessionOrNoSessionTriesTheEndpointsThenTheConsoleAsksForStaffSignIn() {
		long id = downloadedBatch();
		long before = batches();
		TestMember member = members.newMember("sakura");
		TestBrowser browser = new TestBrowser(port, member.host());
		Journeys.onboard(browser, mailbox, member, "Letter-Roles-2026");
		browser.onHost(TestBrowser.CONSOLE_HOST);

		for (TestBrowser b : List.of(browser, TestBrowser.console(port))) {
			for (String path : gets(id)) {
				assertThat(b.get(path).path()).as("GET " + path).isEqualTo("/login");
			}
			Page page = b.postWithCsrf("/letters", Map.of("scope", "ALL", "reason", "会員から"));
			assertThat(page.status() == 403 || page.path().equals("/login")).isTrue();
		}
		assertThat(batches()).isEqualTo(before);
	}

	private TestBrowser signedIn(StaffRole role) {
		return staff.signedInAs(port, role, "sakura");
	}

	/** A batch of sakura whose PDF was downloaded (so nothing is rendered here). */
	private long downloadedBatch() {
		long requester = staff.create("sakura", StaffRole.CLERK).id();
		return jdbc.sql("""
				insert into letter_batch (kenpo_id, requested_by, scope, reason, state, total, done, created_at,
				  finished_at, downloaded_at, downloaded_by)
				values (?, ?, 'ALL', '権限確認', 'DOWNLOADED', 1, 1, now(), now(), now(), ?) returning id""")
			.params(sakura(), requester, requester)
			.query(Long.class)
			.single();
	}

	private long sakura() {
		return kenpos.findByCode("sakura").orElseThrow().id();
	}

	private long batches() {
		return jdbc.sql("select count(*) from letter_batch").query(Long.class).single();
	}

	private static List<String> gets(long id) {
		return List.of("/letters", "/letters/" + id, "/letters/" + id + "/status", "/letters/" + id + "/pdf");
	}
}
