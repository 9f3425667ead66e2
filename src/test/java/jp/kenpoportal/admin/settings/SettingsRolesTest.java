package jp.kenpoportal.admin.settings;

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
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every settings endpoint for each role: 管理者 and the operator may, 担当者 and 閲覧者 are
 * refused (403), a member's session is nobody on the console (sign-in page).
 */
@PortalTest
class SettingsRolesTest {

	private static final String[] GETS = { "/settings", "/settings/terms" };

	private static final String[] POSTS = { "/settings/confirm", "/settings", "/settings/terms/preview",
			"/settings/terms" };

	@LocalServerPort
	int port;

	@Autowired
	TestStaff staff;

	@Autowired
	TestMembers members;

	@Autowired
	Mailbox mailbox;

	@Test
	void anAdministratorOpensEverySettingsPage() {
		TestBrowser console = signedIn(StaffRole.ADMIN, "aoba");
		assertThat(console.get("/settings").heading()).isEqualTo("設定");
		assertThat(console.get("/settings/terms").heading()).isEqualTo("利用規約の改定");
		assertThat(post(console, "/settings/confirm").heading()).isEqualTo("設定");
		assertThat(post(console, "/settings/terms/preview").heading()).isEqualTo("利用規約の改定");
		// a change without the confirmed kenpo is refused, not applied
		assertThat(post(console, "/settings").status()).isEqualTo(404);
		assertThat(post(console, "/settings/terms").status()).isEqualTo(404);
	}

	@Test
	void anOperatorChoosesAKenpoFirstThenOpensEverySettingsPage() {
		TestBrowser console = signedIn(StaffRole.OPERATOR, null);
		assertThat(console.get("/settings").path()).isEqualTo("/kenpos");
		assertThat(console.get("/settings/terms").path()).isEqualTo("/kenpos");
		assertThat(post(console, "/settings/confirm").path()).isEqualTo("/kenpos");
		assertThat(post(console, "/settings/terms/preview").path()).isEqualTo("/kenpos");
		assertThat(post(console, "/settings").status()).isEqualTo(404);
		assertThat(post(console, "/settings/terms").status()).isEqualTo(404);
		console.get("/kenpos");
		console.submit("/kenpos/choose", Map.of("kenpoId", console.page()
			.doc()
			.select("form[action=/kenpos/choose] input[name=kenpoId]")
			.first()
			.attr("value")));
		assertThat(console.get("/settings").heading()).isEqualTo("設定");
		assertThat(console.get("/settings/terms").heading()).isEqualTo("利用規約の改定");
	}

	@Test
	void clerksAndViewersAreRefusedEverySettingsEndpoint() {
		for (StaffRole role : new StaffRole[] { StaffRole.CLERK, StaffRole.VIEWER }) {
			TestBrowser console = signedIn(role, "aoba");
			for (String path : GETS) {
				assertThat(console.get(path).status()).as(role + " GET " + path).isEqualTo(403);
			}
			for (String path : POSTS) {
				assertThat(post(console, path).status()).as(role + " POST " + path).isEqualTo(403);
			}
		}
	}

	@Test
	void aMemberSessionIsNobodyOnTheSettingsPages() {
		TestMember member = members.newMember("aoba");
		TestBrowser memberBrowser = new TestBrowser(port, member.host());
		Journeys.onboard(memberBrowser, mailbox, member, "Member-Settings-7");
		TestBrowser console = TestBrowser.console(port);
		console.setCookie("KENPO_SESSION", memberBrowser.cookie("KENPO_SESSION"));
		for (String path : GETS) {
			assertThat(console.get(path).path()).as("GET " + path).isEqualTo("/login");
		}
		for (String path : POSTS) {
			Page page = post(console, path);
			assertThat(page.path()).as("POST " + path).isEqualTo("/login");
		}
	}

	private TestBrowser signedIn(StaffRole role, String kenpoCode) {
		TestBrowser console = TestBrowser.console(port);
		staff.signIn(console, staff.create(kenpoCode, role));
		console.get("/");
		return console;
	}

	/** A hand-made POST with a valid CSRF token (of a page got just before), so only the role decides. */
	private static Page post(TestBrowser console, String path) {
		if (console.get("/").path().equals("/login")) {
			console.get("/login");
		}
		return console.postWithCsrf(path, Map.of());
	}
}
