package jp.kenpoportal.flu;

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
import jp.kenpoportal.tenant.KenpoDirectory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every flu console endpoint by role: rules for 管理者 and the operator; review and batches for
 * 担当者 too; a 閲覧者 is refused everywhere (403, audited); a member's session is nobody on the
 * console. Rules keep bad input on the page with a Japanese message.
 */
@PortalTest
class FluConsoleRolesTest {

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

	private static final List<String> REVIEW_GETS = List.of("/flu", "/flu/batches", "/flu/applications/999999999",
			"/flu/batches/999999999");

	private static final List<String> POSTS = List.of("/flu/applications/999999999/start",
			"/flu/applications/999999999/approve", "/flu/applications/999999999/reject",
			"/flu/applications/999999999/send-back", "/flu/applications/999999999/check", "/flu/batches",
			"/flu/batches/999999999/paid", "/flu/rules");

	@ParameterizedTest
	@EnumSource(StaffRole.class)
	void eachRoleGetsWhatItMayUse(StaffRole role) {
		TestBrowser console = signedIn(role);
		boolean reviews = role != StaffRole.VIEWER;
		boolean rules = role == StaffRole.OPERATOR || role == StaffRole.ADMIN;
		assertThat(console.get("/flu").status()).isEqualTo(reviews ? 200 : 403);
		assertThat(console.get("/flu/batches").status()).isEqualTo(reviews ? 200 : 403);
		assertThat(console.get("/flu/applications/999999999").status()).isEqualTo(reviews ? 404 : 403);
		assertThat(console.get("/flu/batches/999999999").status()).isEqualTo(reviews ? 404 : 403);
		assertThat(console.get("/flu/batches/999999999/zengin").status()).isEqualTo(reviews ? 404 : 403);
		assertThat(console.get("/flu/rules").status()).isEqualTo(rules ? 200 : 403);
		for (String path : POSTS) {
			console.get("/");
			int expected = path.equals("/flu/rules") ? (rules ? 200 : 403)
					: path.equals("/flu/batches") ? (reviews ? 200 : 403) : (reviews ? 404 : 403);
			assertThat(console.postWithCsrf(path, Map.of()).status()).as(role + " POST " + path).isEqualTo(expected);
		}
		if (role == StaffRole.VIEWER) {
			assertThat(jdbc.sql("select count(*) from audit_event where staff_id = (select max(id) from staff_account) and type = 'STAFF_ACCESS_REFUSED'")
				.query(Long.class)
				.single()).isGreaterThanOrEqualTo(REVIEW_GETS.size());
		}
	}

	@Test
	void whenTheRulesFormGetsAHugeOrControlCharacterReasonThenAJapaneseMessageAndNothingSaved() {
		TestBrowser console = signedIn(StaffRole.ADMIN);
		console.get("/flu/rules");
		String before = jdbc.sql("select updated_at::text from flu_season where kenpo_id = ? order by fiscal_year desc limit 1")
			.param(kenpos.findByCode("sakura").orElseThrow().id())
			.query(String.class)
			.single();
		java.util.Map<String, String> form = new java.util.HashMap<>(Map.of("fiscalYear", "2026", "vaccinationFrom",
				"2026-10-01", "vaccinationUntil", "2027-01-31", "applyUntil", "2027-02-28", "insuredEligible", "on",
				"amountRule", "CAP", "capInsured", "4000", "capDependent", "4000", "selfPay", "0", "payment",
				"MEMBER_ACCOUNT"));
		form.put("reason", "理由\u0000" + "あ".repeat(10_000));
		Page page = console.submit("/flu/rules", form);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.error()).contains("理由は1,000文字以内");
		assertThat(FluApplicationFlowTest.input(page, "capInsured")).isEqualTo("4000");
		assertThat(jdbc.sql("select updated_at::text from flu_season where kenpo_id = ? order by fiscal_year desc limit 1")
			.param(kenpos.findByCode("sakura").orElseThrow().id())
			.query(String.class)
			.single()).isEqualTo(before);
	}

	@Test
	void whenAMembersSessionTriesTheConsoleFluPagesThenItIsAskedToSignIn() {
		TestMember member = members.newMember("sakura");
		TestBrowser browser = new TestBrowser(port, member.host());
		Journeys.onboard(browser, mailbox, member, "Flu-Roles-Pass-2026");
		browser.onHost(TestBrowser.CONSOLE_HOST);
		for (String path : List.of("/flu", "/flu/rules", "/flu/batches")) {
			assertThat(browser.get(path).path()).as(path).isEqualTo("/login");
		}
	}

	private TestBrowser signedIn(StaffRole role) {
		return staff.signedInAs(port, role, "sakura");
	}
}
