package jp.kenpoportal.flu;

import java.util.List;
import java.util.Map;

import jp.kenpoportal.admin.staff.StaffRole;
import jp.kenpoportal.member.Household;
import jp.kenpoportal.member.MemberDirectory;
import jp.kenpoportal.support.Journeys;
import jp.kenpoportal.support.Mailbox;
import jp.kenpoportal.support.PortalTest;
import jp.kenpoportal.support.TestBrowser;
import jp.kenpoportal.support.TestMembers;
import jp.kenpoportal.support.TestMembers.TestMember;
import jp.kenpoportal.support.TestStaff;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Another household's, or another kenpo's, application and receipt IDs on every flu URL: members
 * and staff are answered as for an ID that does not exist, nothing changes, staff refusals are
 * audited.
 */
@PortalTest
class FluIsolationTest {

	@LocalServerPort
	int port;

	@Autowired
	TestMembers members;

	@Autowired
	TestStaff staff;

	@Autowired
	Mailbox mailbox;

	@Autowired
	MemberDirectory directory;

	@Autowired
	FluSeasons seasons;

	@Autowired
	FluApplications applications;

	@Autowired
	FluReceipts receipts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void whenAnotherHouseholdOfTheSameKenpoUsesTheIdsThenNotFoundAndNothingChanged() {
		long[] ids = submittedApplication("sakura");
		TestMember other = members.newMember("sakura");
		TestBrowser browser = new TestBrowser(port, other.host());
		Journeys.onboard(browser, mailbox, other, "Flu-Other-Pass-2026");
		assertMemberRefused(browser, ids);
	}

	@Test
	void whenAMemberOfAnotherKenpoUsesTheIdsThenNotFound() {
		long[] ids = submittedApplication("sakura");
		TestMember other = members.newMember("tsubaki");
		TestBrowser browser = new TestBrowser(port, other.host());
		Journeys.onboard(browser, mailbox, other, "Flu-Tsubaki-Pass-2026");
		assertMemberRefused(browser, ids);
	}

	@Test
	void whenStaffOfAnotherKenpoUseTheIdsThenNotFoundNothingChangedAndAudited() {
		long[] ids = submittedApplication("sakura");
		long id = ids[0];
		TestStaff.Staff clerk = staff.create("aoba", StaffRole.CLERK);
		TestBrowser console = TestBrowser.console(port);
		staff.signIn(console, clerk);
		assertThat(console.get("/flu").text()).doesNotContain("No. " + id);
		for (String path : List.of("/flu/applications/" + id, "/flu/applications/" + id + "/receipts/" + ids[1],
				"/flu/applications/" + id + "/receipts/" + ids[1] + "/page.png")) {
			assertThat(console.get(path).status()).as("GET " + path).isEqualTo(404);
		}
		for (String action : List.of("start", "approve", "reject", "send-back", "check")) {
			console.get("/flu");
			assertThat(console.postWithCsrf("/flu/applications/" + id + "/" + action,
					Map.of("decisionReason", "乗っ取り", "reason", "乗っ取り")).status()).as(action).isEqualTo(404);
		}
		assertThat(state(id)).isEqualTo("SUBMITTED");
		assertThat(jdbc.sql("select count(*) from audit_event where staff_id = ? and type = 'STAFF_ACCESS_REFUSED'")
			.param(clerk.id())
			.query(Long.class)
			.single()).isEqualTo(8);
	}

	@Test
	void whenTheReceiptIdIsOfAnotherApplicationThenNotFoundEvenForTheOwnApplication() {
		long[] mine = submittedApplication("sakura");
		long[] theirs = submittedApplication("sakura");
		TestStaff.Staff clerk = staff.create("sakura", StaffRole.CLERK);
		TestBrowser console = TestBrowser.console(port);
		staff.signIn(console, clerk);
		assertThat(console.download("/flu/applications/" + mine[0] + "/receipts/" + mine[1]).status()).isEqualTo(200);
		assertThat(console.get("/flu/applications/" + mine[0] + "/receipts/" + theirs[1]).status()).isEqualTo(404);
		// the same receipt image in two applications is flagged to the reviewer
		assertThat(console.get("/flu/applications/" + mine[0]).text()).contains("重複の可能性").contains("No. " + theirs[0]);
	}

	private void assertMemberRefused(TestBrowser browser, long[] ids) {
		long id = ids[0];
		for (String path : List.of("/flu/applications/" + id, "/flu/applications/" + id + "/edit",
				"/flu/applications/" + id + "/confirm", "/flu/applications/" + id + "/receipts/" + ids[1])) {
			assertThat(browser.get(path).status()).as("GET " + path).isEqualTo(404);
		}
		for (String path : List.of("/flu/applications/" + id + "/withdraw", "/flu/applications/" + id + "/submit",
				"/flu/applications/" + id + "/edit")) {
			browser.get("/");
			assertThat(browser.postWithCsrf(path, Map.of("clinic", "乗っ取り")).status()).as("POST " + path).isEqualTo(404);
		}
		assertThat(state(id)).isEqualTo("SUBMITTED");
	}

	/** A household's submitted application with one receipt, made through the module's API: [application, receipt]. */
	private long[] submittedApplication(String kenpoCode) {
		TestMember owner = members.newMember(kenpoCode);
		Household household = directory.householdOf(owner.kenpo().id(), owner.member().id()).orElseThrow();
		FluSeason season = seasons.of(owner.kenpo().id(), FluApplicationFlowTest.vaccinationDate()).orElseThrow();
		long id = applications.draft(household, owner.accountId(), season);
		FluApplication draft = applications.ofHousehold(household, id).orElseThrow();
		long receipt = receipts.store(draft, ReceiptCheck.check(CraftedFiles.jpeg()), "receipt.jpg");
		applications.saveDetails(draft, "さくらクリニック", new BankAccount("0001", "ﾐｽﾞﾎ", "001", "ﾎﾝﾃﾝ", "1", "1234567",
				"ｼｹﾝ ﾀﾛｳ"), List.of(new FluLine(owner.member().id(), FluApplicationFlowTest.vaccinationDate(), 3000, 1, 3000, null)));
		assertThat(applications.submit(applications.ofHousehold(household, id).orElseThrow())).isTrue();
		return new long[] { id, receipt };
	}

	private String state(long id) {
		return jdbc.sql("select state from flu_application where id = ?").param(id).query(String.class).single();
	}
}
