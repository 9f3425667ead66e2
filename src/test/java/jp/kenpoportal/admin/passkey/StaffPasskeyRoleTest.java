package jp.kenpoportal.admin.passkey;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jp.kenpoportal.admin.staff.StaffRole;
import jp.kenpoportal.support.Journeys;
import jp.kenpoportal.support.Mailbox;
import jp.kenpoportal.support.PortalTest;
import jp.kenpoportal.support.TestBrowser;
import jp.kenpoportal.support.TestBrowser.JsonAnswer;
import jp.kenpoportal.support.TestBrowser.Page;
import jp.kenpoportal.support.TestMembers;
import jp.kenpoportal.support.TestMembers.TestMember;
import jp.kenpoportal.support.TestStaff;
import jp.kenpoportal.support.TestStaff.Staff;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint of the staff passkeys tried by every role, by nobody and by a member's session.
 * They are steps of the sign-in, the same for every role: a staff member who signs in with the
 * app is sent back to the app's page and gets no passkey options; nobody and a member get the
 * sign-in page and never a challenge.
 */
@PortalTest
class StaffPasskeyRoleTest {

	private static final List<String> PAGES = List.of("GET /mfa/choose", "POST /mfa/choose", "GET /mfa/passkey/enrol",
			"POST /mfa/passkey/enrolled", "GET /mfa/passkey");

	private static final List<String> CEREMONIES = List.of("/passkeys/register/options", "/passkeys/register",
			"/passkeys/authenticate/options", "/passkeys/authenticate");

	@LocalServerPort
	int port;

	@Autowired
	TestStaff staff;

	@Autowired
	TestMembers members;

	@Autowired
	Mailbox mailbox;

	@Autowired
	JdbcClient jdbc;

	@Test
	void whenEachRoleSignedInWithTheAppTriesEveryPasskeyEndpointThenItGetsTheAppAndNoPasskey() {
		List<String> wrong = new ArrayList<>();
		for (StaffRole role : StaffRole.values()) {
			Staff actor = staff.create(role == StaffRole.OPERATOR ? null : "sakura", role);
			TestBrowser console = TestBrowser.console(port);
			staff.signIn(console, actor);
			for (String endpoint : PAGES) {
				Page page = send(console, endpoint);
				if (page.status() != 200 || !page.path().equals("/mfa")) {
					wrong.add(role + " " + endpoint + ": got " + page.status() + " at " + page.path());
				}
			}
			for (String path : CEREMONIES) {
				console.get("/");
				JsonAnswer answer = console.exchangeJson(path, "{}");
				if (answer.status() != 403 || answer.body().contains("challenge")) {
					wrong.add(role + " POST " + path + ": got " + answer.status());
				}
			}
			// still fully signed in (an operator who has not chosen a kenpo is sent to choose one)
			assertThat(console.get("/").path()).as("still signed in, %s", role).isIn("/", "/kenpos");
			assertThat(jdbc.sql("select count(*) from staff_passkey_user where staff_id = ?")
				.param(actor.id())
				.query(Integer.class)
				.single()).isZero();
		}
		assertThat(wrong).isEmpty();
	}

	@Test
	void whenNobodyOrAMembersSessionTriesEveryPasskeyEndpointThenTheSignInPageAnswers() {
		TestMember member = members.newMember("sakura");
		TestBrowser memberBrowser = new TestBrowser(port, member.host());
		Journeys.onboard(memberBrowser, mailbox, member, "Member-Passkey-Role-7");
		TestBrowser carried = TestBrowser.console(port);
		carried.setCookie("KENPO_CONSOLE_SESSION", memberBrowser.cookie("KENPO_SESSION"));

		List<String> wrong = new ArrayList<>();
		for (TestBrowser console : List.of(TestBrowser.console(port), carried)) {
			for (String endpoint : PAGES) {
				Page page = send(console, endpoint);
				if (!page.path().startsWith("/login")) {
					wrong.add(endpoint + " → " + page.path());
				}
			}
			for (String path : CEREMONIES) {
				console.get("/login");
				JsonAnswer answer = console.exchangeJson(path, "{}");
				if (answer.status() == 200 || answer.body().contains("challenge")) {
					wrong.add("POST " + path + " → " + answer.status());
				}
			}
		}
		assertThat(wrong).isEmpty();
	}

	private static Page send(TestBrowser console, String endpoint) {
		String[] parts = endpoint.split(" ");
		if (parts[0].equals("GET")) {
			return console.get(parts[1]);
		}
		console.get("/login");
		return console.postWithCsrf(parts[1], Map.of("factor", "PASSKEY"));
	}
}
