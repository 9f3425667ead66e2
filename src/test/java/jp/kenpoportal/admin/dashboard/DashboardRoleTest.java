package jp.kenpoportal.admin.dashboard;

import java.util.List;
import java.util.Map;

import jp.kenpoportal.admin.staff.StaffRole;
import jp.kenpoportal.support.Journeys;
import jp.kenpoportal.support.Mailbox;
import jp.kenpoportal.support.PortalTest;
import jp.kenpoportal.support.TestBrowser;
import jp.kenpoportal.support.TestBrowser.Download;
import jp.kenpoportal.support.TestMembers;
import jp.kenpoportal.support.TestMembers.TestMember;
import jp.kenpoportal.support.TestStaff;
import jp.kenpoportal.support.TestStaff.Staff;
import jp.kenpoportal.tenant.Kenpo;
import jp.kenpoportal.tenant.KenpoDirectory;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Every dashboard endpoint × every role, a half-signed-in staff member, nobody, and a member's session. */
@PortalTest
class DashboardRoleTest {

	private static final List<String> ENDPOINTS = List.of("/dashboard", "/dashboard?period=week",
			"/dashboard/not-registered.csv?encoding=UTF_8", "/dashboard/not-registered.csv?encoding=MS932");

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

	@Test
	void whenAnyStaffRoleOfTheKenpoAsksThenEveryEndpointAnswers() {
		for (StaffRole role : List.of(StaffRole.ADMIN, StaffRole.CLERK, StaffRole.VIEWER)) {
			TestBrowser console = TestBrowser.console(port);
			staff.signIn(console, staff.create("kaede", role));
			for (String endpoint : ENDPOINTS) {
				assertThat(console.download(endpoint).status()).as(role + " " + endpoint).isEqualTo(200);
			}
		}
	}

	@Test
	void whenAnOperatorAsksThenTheDashboardWaitsForTheChoiceOfAKenpo() {
		TestBrowser console = TestBrowser.console(port);
		staff.signIn(console, staff.create(null, StaffRole.OPERATOR));
		for (String endpoint : ENDPOINTS) {
			assertThat(location(console.download(endpoint))).as(endpoint).isEqualTo("/kenpos");
		}
		Kenpo kaede = kenpos.findByCode("kaede").orElseThrow();
		console.get("/kenpos");
		console.postWithCsrf("/kenpos/choose", Map.of("kenpoId", Long.toString(kaede.id())));
		for (String endpoint : ENDPOINTS) {
			assertThat(console.download(endpoint).status()).as(endpoint).isEqualTo(200);
		}
	}

	@Test
	void whenNobodyOrAHalfSignedInStaffMemberAsksThenSignInComesFirst() {
		TestBrowser nobody = TestBrowser.console(port);
		for (String endpoint : ENDPOINTS) {
			assertThat(location(nobody.download(endpoint))).as(endpoint).isEqualTo("/login");
		}
		Staff viewer = staff.create("kaede", StaffRole.VIEWER);
		TestBrowser half = TestBrowser.console(port);
		half.get("/login");
		half.submit("/login", Map.of("userId", viewer.account().loginId(), "password", TestStaff.PASSWORD));
		for (String endpoint : ENDPOINTS) {
			assertThat(location(half.download(endpoint))).as(endpoint).isEqualTo("/mfa");
		}
	}

	@Test
	void whenAMemberSessionAsksThenTheConsoleSignsNobodyInAndTheMemberHostHasNoDashboard() {
		TestMember member = members.newMember("kaede");
		TestBrowser memberBrowser = new TestBrowser(port, member.host());
		Journeys.onboard(memberBrowser, mailbox, member, "Dashboard-Member-9");
		TestBrowser console = TestBrowser.console(port);
		console.setCookie("KENPO_SESSION", memberBrowser.cookie("KENPO_SESSION"));
		console.setCookie("KENPO_CONSOLE_SESSION", memberBrowser.cookie("KENPO_SESSION"));
		for (String endpoint : ENDPOINTS) {
			assertThat(location(console.download(endpoint))).as(endpoint).isEqualTo("/login");
			assertThat(memberBrowser.download(endpoint).status()).as("member host " + endpoint).isEqualTo(404);
		}
	}

	private static String location(Download response) {
		assertThat(response.status()).isEqualTo(302);
		String location = response.header("Location");
		return java.net.URI.create(location).getPath();
	}
}
