package jp.kenpoportal.admin.support;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jp.kenpoportal.account.Account;
import jp.kenpoportal.account.Accounts;
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

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every member support action endpoint × every role, and a member's session: 担当者, 管理者 and
 * 運用者 reach them (a post without a reason answers its form), 閲覧者 is refused and audited, a
 * member's session cookie on the console host leads to the sign-in page.
 */
@PortalTest
class MemberSupportActionsRoleTest {

	private static final Set<StaffRole> SUPPORT = EnumSet.of(StaffRole.OPERATOR, StaffRole.ADMIN, StaffRole.CLERK);

	@LocalServerPort
	int port;

	@Autowired
	TestStaff staff;

	@Autowired
	TestMembers members;

	@Autowired
	Mailbox mailbox;

	@Autowired
	Accounts accounts;

	@Autowired
	KenpoDirectory kenpos;

	@Autowired
	JdbcClient jdbc;

	private static List<String[]> endpoints(long id) {
		String base = "/members/" + id;
		return List.of(new String[] { "GET", base + "/factor" }, new String[] { "POST", base + "/factor" },
				new String[] { "GET", base + "/email" }, new String[] { "POST", base + "/email" },
				new String[] { "GET", base + "/reset" }, new String[] { "POST", base + "/reset" },
				new String[] { "GET", base + "/reset/done" }, new String[] { "GET", base + "/reset/letter?token=x" });
	}

	@Test
	void whenEachRoleTriesEveryActionEndpointThenOnlySupportRolesReachThemAndRefusalsAreAudited() {
		TestMember member = members.newMember("sakura");
		Journeys.onboard(new TestBrowser(port, member.host()), mailbox, member, "Role-Matrix-Member-2");
		Account before = accounts.find(member.kenpo().id(), member.accountId()).orElseThrow();
		long sakura = kenpos.findByCode("sakura").orElseThrow().id();
		List<String> wrong = new ArrayList<>();

		for (StaffRole role : StaffRole.values()) {
			Staff actor = staff.create(role == StaffRole.OPERATOR ? null : "sakura", role);
			TestBrowser console = TestBrowser.console(port);
			staff.signIn(console, actor);
			if (role == StaffRole.OPERATOR) {
				console.submit("/kenpos/choose", Map.of("kenpoId", Long.toString(sakura)));
			}
			int refused = 0;
			for (String[] endpoint : endpoints(member.accountId())) {
				int status = send(console, endpoint).status();
				// the letter without its token is gone (410); everything else answers its page
				int allowed = endpoint[1].contains("/letter") ? 410 : 200;
				int expected = SUPPORT.contains(role) ? allowed : 403;
				if (status != expected) {
					wrong.add(role + " " + endpoint[0] + " " + endpoint[1] + ": expected " + expected + ", got " + status);
				}
				refused += expected == 403 ? 1 : 0;
			}
			assertThat(jdbc.sql("select count(*) from audit_event where staff_id = ? and type = 'STAFF_ACCESS_REFUSED'")
				.param(actor.id()).query(Integer.class).single()).as("refusals of %s", role).isEqualTo(refused);
		}

		assertThat(wrong).isEmpty();
		assertThat(accounts.find(member.kenpo().id(), member.accountId()).orElseThrow()).isEqualTo(before);
	}

	@Test
	void whenAMembersSessionIsUsedOnTheConsoleThenEveryActionLeadsToTheSignInPage() {
		TestMember member = members.newMember("sakura");
		TestBrowser browser = new TestBrowser(port, member.host());
		Journeys.onboard(browser, mailbox, member, "Member-On-Console-1");
		Account before = accounts.find(member.kenpo().id(), member.accountId()).orElseThrow();
		browser.onHost(TestBrowser.CONSOLE_HOST);
		List<String> wrong = new ArrayList<>();

		for (String[] endpoint : endpoints(member.accountId())) {
			Page page = endpoint[0].equals("GET") ? browser.get(endpoint[1])
					: browser.post(endpoint[1], Map.of("reason", "会員から", "email", "x@example.jp"));
			if (page.status() != 403 && !page.path().startsWith("/login")) {
				wrong.add(endpoint[0] + " " + endpoint[1] + " → " + page.status() + " " + page.path());
			}
		}

		assertThat(wrong).isEmpty();
		assertThat(accounts.find(member.kenpo().id(), member.accountId()).orElseThrow()).isEqualTo(before);
	}

	private static Page send(TestBrowser console, String[] endpoint) {
		if (endpoint[0].equals("GET")) {
			return endpoint[1].contains("/letter") ? asPage(console.download(endpoint[1])) : console.get(endpoint[1]);
		}
		console.get("/");
		return console.postWithCsrf(endpoint[1], Map.of("reason", "", "email", ""));
	}

	private static Page asPage(TestBrowser.Download download) {
		return new Page(download.status(), "", null, download.headers());
	}
}
