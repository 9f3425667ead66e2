package jp.kenpoportal.admin;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jp.kenpoportal.account.Accounts;
import jp.kenpoportal.admin.staff.StaffRole;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** 会員サポート: search, account state, unlock with a reason, and nothing across kenpo. */
@PortalTest
class MemberSupportTest {

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
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void whenAClerkSearchesByAnyKindThenTheHouseholdIsFoundWhateverTheWidthOrCase() {
		TestMember member = members.newMember("sakura");
		TestBrowser console = TestBrowser.console(port);
		staff.signIn(console, staff.create("sakura", StaffRole.CLERK));
		String wideNumber = toFullWidth(member.member().symbol() + "-" + member.member().number());

		assertThat(search(console, "NUMBER", wideNumber)).contains(member.loginId());
		assertThat(search(console, "USER_ID", member.loginId().toUpperCase().substring(1))).contains(member.loginId());
		assertThat(search(console, "EMAIL", member.email().toUpperCase().substring(0, 10))).contains(member.loginId());
		assertThat(search(console, "KANA", "しけん　たろう")).contains("シケン タロウ");
		assertThat(search(console, "NUMBER", "abc")).contains("記号・番号は数字で入力してください");
		assertThat(console.page().value("q")).isEqualTo("abc");
	}

	@Test
	void whenAMemberIsLockedThenAnAdminSeesWhyUnlocksWithAReasonAndTheMemberSignsIn() {
		TestMember member = members.newMember("sakura");
		TestBrowser memberBrowser = new TestBrowser(port, member.host());
		String password = Journeys.onboard(memberBrowser, mailbox, member, "Locked-Out-Member-5");
		lockForGood(member);
		Staff admin = staff.create("sakura", StaffRole.ADMIN);
		TestBrowser console = TestBrowser.console(port);
		staff.signIn(console, admin);

		Page detail = console.get("/members/" + member.accountId());
		assertThat(detail.text()).contains(member.loginId(), "健保による解除が必要です", member.email())
			.doesNotContain("医療費");
		Page form = console.get("/members/" + member.accountId() + "/unlock");
		assertThat(form.heading()).isEqualTo("ロックの解除");
		Page noReason = console.submit("/members/" + member.accountId() + "/unlock", Map.of("reason", "  "));
		assertThat(noReason.error()).contains("理由を入力してください");
		assertThat(accounts.find(member.kenpo().id(), member.accountId()).orElseThrow().lockedByKenpoAt()).isNotNull();
		int mailsBefore = mailbox.count(member.email());

		Page done = console.submit("/members/" + member.accountId() + "/unlock",
				Map.of("reason", "本人から電話で依頼があり、生年月日で本人確認した"));

		assertThat(done.path()).isEqualTo("/members/" + member.accountId() + "?unlocked");
		assertThat(done.info()).contains("ロックを解除し");
		assertThat(jdbc.sql("select staff_id, detail from audit_event where account_id = ? and type = 'MEMBER_UNLOCKED_BY_STAFF'")
			.param(member.accountId())
			.query((rs, n) -> rs.getLong(1) + " " + rs.getString(2))
			.list()).containsExactly(admin.id() + " 本人から電話で依頼があり、生年月日で本人確認した");
		assertThat(mailbox.awaitMail(member.email(), mailsBefore + 1).subject()).contains("ロックを解除しました");
		assertThat(Journeys.signInWithCode(new TestBrowser(port, member.host()), mailbox, member, password).heading())
			.isEqualTo("ホーム");
	}

	@Test
	void whenTheAppWasProvedMoreThanFiveMinutesAgoThenUnlockingAsksForItAgain() {
		TestMember member = members.newMember("sakura");
		lockForGood(member);
		Staff clerk = staff.create("sakura", StaffRole.CLERK);
		TestBrowser console = TestBrowser.console(port);
		staff.signIn(console, clerk);

		clock.advance(Duration.ofMinutes(6));
		Page reauth = console.get("/members/" + member.accountId() + "/unlock");

		assertThat(reauth.path()).isEqualTo("/mfa?reauth");
		assertThat(reauth.info()).contains("もう一度コードを入力してください");
		Page form = console.submit("/mfa", Map.of("code", staff.code(clerk)));
		assertThat(form.path()).isEqualTo("/members/" + member.accountId() + "/unlock");
		assertThat(form.heading()).isEqualTo("ロックの解除");
	}

	@Test
	void whenTheProofExpiresWhileTheReasonIsTypedThenTheFormIsOfferedAgainAsTypedAfterTheCode() {
		TestMember member = members.newMember("sakura");
		lockForGood(member);
		Staff clerk = staff.create("sakura", StaffRole.CLERK);
		TestBrowser console = TestBrowser.console(port);
		staff.signIn(console, clerk);
		console.get("/members/" + member.accountId() + "/unlock");

		clock.advance(Duration.ofMinutes(6));
		String reason = "本人から電話があり、生年月日と住所で本人確認した。長い理由も失われない";
		Page reauth = console.submit("/members/" + member.accountId() + "/unlock", Map.of("reason", reason));
		assertThat(reauth.path()).isEqualTo("/mfa?reauth");
		assertThat(accounts.find(member.kenpo().id(), member.accountId()).orElseThrow().lockedByKenpoAt()).isNotNull();

		Page resume = console.submit("/mfa", Map.of("code", staff.code(clerk)));
		assertThat(resume.path()).isEqualTo("/mfa/resume");
		assertThat(resume.heading()).isEqualTo("本人確認ができました");
		assertThat(resume.doc().select("input[name=reason]").attr("value")).isEqualTo(reason);
		assertThat(accounts.find(member.kenpo().id(), member.accountId()).orElseThrow().lockedByKenpoAt())
			.as("nothing is sent without the staff member's press").isNotNull();

		Page done = console.submit("/members/" + member.accountId() + "/unlock", Map.of());
		assertThat(done.path()).isEqualTo("/members/" + member.accountId() + "?unlocked");
		assertThat(jdbc.sql("select detail from audit_event where account_id = ? and type = 'MEMBER_UNLOCKED_BY_STAFF'")
			.param(member.accountId())
			.query(String.class)
			.list()).containsExactly(reason);
		assertThat(console.get("/mfa/resume").path()).as("offered once").isEqualTo("/");
	}

	@Test
	void whenStaffOfOneKenpoTryAnotherKenposMemberThenRefusedNothingChangedAndAudited() {
		TestMember sakuraMember = members.newMember("sakura");
		lockForGood(sakuraMember);
		Staff aobaAdmin = staff.create("aoba", StaffRole.ADMIN);
		TestBrowser console = TestBrowser.console(port);
		staff.signIn(console, aobaAdmin);
		long id = sakuraMember.accountId();

		assertThat(console.get("/members/" + id).status()).isEqualTo(404);
		assertThat(console.get("/members/" + id + "/unlock").status()).isEqualTo(404);
		console.get("/");
		assertThat(console.postWithCsrf("/members/" + id + "/unlock", Map.of("reason", "他の健保から")).status())
			.isEqualTo(404);
		assertThat(search(console, "USER_ID", sakuraMember.loginId())).contains("該当する会員はいません");

		assertThat(accounts.find(sakuraMember.kenpo().id(), id).orElseThrow().lockedByKenpoAt()).isNotNull();
		assertThat(refusals(aobaAdmin)).hasSize(3).allMatch(d -> d.contains("member account " + id));
	}

	@Test
	void whenAViewerOpensMemberSupportThenRefusedAndAudited() {
		Staff viewer = staff.create("sakura", StaffRole.VIEWER);
		TestBrowser console = TestBrowser.console(port);
		staff.signIn(console, viewer);

		assertThat(console.get("/members").status()).isEqualTo(403);
		assertThat(refusals(viewer)).containsExactly("GET /members");
	}

	private void lockForGood(TestMember member) {
		for (int i = 0; i < 20; i++) {
			accounts.registerFailure(member.kenpo().id(), member.accountId());
		}
	}

	private String search(TestBrowser console, String kind, String q) {
		// the search form is a GET form, as a browser sends it
		return console.get("/members?kind=" + kind + "&q="
				+ java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8)).text();
	}

	private List<String> refusals(Staff s) {
		return jdbc.sql("select detail from audit_event where staff_id = ? and type = 'STAFF_ACCESS_REFUSED' order by id")
			.param(s.id())
			.query(String.class)
			.list();
	}

	private static String toFullWidth(String ascii) {
		StringBuilder out = new StringBuilder();
		ascii.chars().forEach(c -> out.append(c >= '!' && c <= '~' ? (char) (c + 0xFEE0) : (char) c));
		return out.toString();
	}
}
