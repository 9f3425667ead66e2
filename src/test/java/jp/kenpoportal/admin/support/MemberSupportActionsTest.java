package jp.kenpoportal.admin.support;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.kenpoportal.account.Account;
import jp.kenpoportal.account.Accounts;
import jp.kenpoportal.admin.staff.StaffRole;
import jp.kenpoportal.support.Journeys;
import jp.kenpoportal.support.Mailbox;
import jp.kenpoportal.support.MutableClock;
import jp.kenpoportal.support.PortalTest;
import jp.kenpoportal.support.TestBrowser;
import jp.kenpoportal.support.TestBrowser.Download;
import jp.kenpoportal.support.TestBrowser.Page;
import jp.kenpoportal.support.TestMembers;
import jp.kenpoportal.support.TestMembers.TestMember;
import jp.kenpoportal.support.TestStaff;
import jp.kenpoportal.support.TestStaff.Staff;
import jp.kenpoportal.tenant.SecondFactor;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 会員サポートの操作: remove the second factor, change the mail address, reset to first
 * registration; each with a reason, re-authentication, audit, notice mail and the member-side
 * effect, and nothing across kenpo.
 */
@PortalTest
class MemberSupportActionsTest {

	private static final Pattern TEMPORARY_PASSWORD = Pattern.compile("仮パスワード\\s*([A-HJ-NP-Za-km-z2-9]{12})(?![A-Za-z0-9])");

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
	void whenAClerkRemovesTheAppThenTheMemberIsSignedOutAndEnrolsAgainAfterThePasswordAndAMailCode() {
		TestMember member = members.newMember("sakura");
		TestBrowser memberBrowser = new TestBrowser(port, member.host());
		Journeys.onboardWithTotp(memberBrowser, mailbox, member, "Factor-Lost-Member-7");
		Staff clerk = staff.create("sakura", StaffRole.CLERK);
		TestBrowser console = signedIn(clerk);
		int mailsBefore = mailbox.count(member.email());

		assertThat(console.get("/members/" + member.accountId() + "/factor").heading()).isEqualTo("認証方法の削除");
		Page done = console.submit("/members/" + member.accountId() + "/factor",
				Map.of("reason", "スマートフォンを紛失したと電話があり、生年月日で本人確認した"));

		assertThat(done.path()).isEqualTo("/members/" + member.accountId() + "?factorRemoved");
		assertThat(done.info()).contains("認証方法を削除し");
		assertThat(staffEvents("MEMBER_FACTOR_REMOVED_BY_STAFF", member))
			.containsExactly(clerk.id() + " スマートフォンを紛失したと電話があり、生年月日で本人確認した");
		assertThat(mailbox.awaitMail(member.email(), mailsBefore + 1).subject()).contains("認証方法を削除しました");
		assertThat(jdbc.sql("select count(*) from totp_credential where account_id = ?").param(member.accountId())
			.query(Integer.class).single()).isZero();
		// the session that passed the app is over
		assertThat(memberBrowser.get("/").path()).startsWith("/login");

		// the password alone reaches nothing but the mail code step
		TestBrowser again = new TestBrowser(port, member.host());
		assertThat(Journeys.signIn(again, member.loginId(), "Factor-Lost-Member-7").path()).isEqualTo("/onboarding/factor");
		assertThat(again.get("/medical").path()).startsWith("/onboarding");
		String code = mailbox.awaitMail(member.email(), mailsBefore + 2).code();
		Page home = again.submit("/onboarding/factor", Map.of("code", code));
		assertThat(home.heading()).isEqualTo("ホーム");
		assertThat(account(member).secondFactor()).isEqualTo(SecondFactor.EMAIL_CODE);
		assertThat(account(member).secondFactorEnrolledAt()).isNotNull();
	}

	@Test
	void whenAnAdminChangesTheMailAddressThenTheOldStaysUntilTheNewConfirmsByLinkAndTheOldIsTold() {
		TestMember member = members.newMember("sakura");
		Journeys.onboard(new TestBrowser(port, member.host()), mailbox, member, "Mail-Change-Member-3");
		Staff admin = staff.create("sakura", StaffRole.ADMIN);
		TestBrowser console = signedIn(admin);
		String newAddress = "moved." + member.email();
		int oldMails = mailbox.count(member.email());

		console.get("/members/" + member.accountId() + "/email");
		Page invalid = console.submit("/members/" + member.accountId() + "/email",
				Map.of("email", "not-an-address", "reason", "書面で依頼"));
		assertThat(invalid.error()).contains("メールアドレスの形式が正しくありません");
		assertThat(invalid.value("email")).isEqualTo("not-an-address");
		Page done = console.submit("/members/" + member.accountId() + "/email",
				Map.of("email", newAddress, "reason", "書面で変更届を受け付けた"));

		assertThat(done.info()).contains("確認のメールを送りました");
		assertThat(account(member).email()).isEqualTo(member.email());
		assertThat(mailbox.awaitMail(member.email(), oldMails + 1).subject()).contains("メールアドレスの変更を受け付けました");
		assertThat(staffEvents("MEMBER_EMAIL_CHANGE_BY_STAFF", member))
			.containsExactly(admin.id() + " " + member.email() + " -> " + newAddress + ": 書面で変更届を受け付けた");

		URI link = URI.create(mailbox.awaitMail(newAddress, 1).verificationLink());
		TestBrowser mailTab = new TestBrowser(port, member.host());
		mailTab.get(link.getRawPath() + "?" + link.getRawQuery());
		mailTab.submit("/email/verify", Map.of());
		assertThat(account(member).email()).isEqualTo(newAddress);
	}

	@Test
	void whenAClerkResetsTheAccountThenTheLetterServedOnceCarriesATemporaryPasswordThatWorksAndTheOldDoesNot()
			throws Exception {
		TestMember member = members.newMember("sakura");
		TestBrowser memberBrowser = new TestBrowser(port, member.host());
		Journeys.onboard(memberBrowser, mailbox, member, "Reset-Me-Member-9");
		Staff clerk = staff.create("sakura", StaffRole.CLERK);
		TestBrowser console = signedIn(clerk);
		int mailsBefore = mailbox.count(member.email());

		console.get("/members/" + member.accountId() + "/reset");
		Page done = console.submit("/members/" + member.accountId() + "/reset",
				Map.of("reason", "本人が窓口に来所し、保険証で本人確認した"));

		assertThat(done.path()).startsWith("/members/" + member.accountId() + "/reset/done?key=");
		String href = done.doc().selectFirst("a[href*=/reset/letter]").attr("href");
		Download letter = console.download(href);
		assertThat(letter.status()).isEqualTo(200);
		assertThat(letter.header("Cache-Control")).contains("no-store");
		assertThat(letter.header("Content-Disposition")).startsWith("attachment");
		assertThat(console.download(href).status()).isEqualTo(410);
		assertThat(console.get("/members/" + member.accountId() + "/reset/done").path())
			.isEqualTo("/members/" + member.accountId());

		String text;
		try (PDDocument pdf = Loader.loadPDF(letter.body())) {
			text = new PDFTextStripper().getText(pdf);
		}
		assertThat(text).contains(member.loginId(), member.kenpo().name(), member.member().name(),
				member.kenpo().publicBaseUrl(), "初回登録の手順");
		Matcher m = TEMPORARY_PASSWORD.matcher(text);
		assertThat(m.find()).as("temporary password in %s", text).isTrue();
		String temporary = m.group(1);
		assertThat(temporary).doesNotContainPattern("[0O1lI]");

		assertThat(staffEvents("MEMBER_RESET_BY_STAFF", member)).contains(clerk.id() + " 本人が窓口に来所し、保険証で本人確認した");
		assertThat(mailbox.awaitMail(member.email(), mailsBefore + 1).subject()).contains("初回登録の状態に戻しました");
		assertThat(memberBrowser.get("/").path()).startsWith("/login");
		assertThat(jdbc.sql("select count(*) from account where id = ? and initial_password_hash like ?")
			.params(member.accountId(), "%" + temporary + "%").query(Integer.class).single()).isZero();

		assertThat(Journeys.signIn(new TestBrowser(port, member.host()), member.loginId(), "Reset-Me-Member-9").path())
			.startsWith("/login");
		assertThat(Journeys.signIn(new TestBrowser(port, member.host()), member.loginId(), temporary).path())
			.isEqualTo("/onboarding/birth-date");
	}

	@Test
	void whenTheReasonIsMissingThenTheFormSaysSoInJapaneseAndNothingChanges() {
		TestMember member = members.newMember("sakura");
		Journeys.onboard(new TestBrowser(port, member.host()), mailbox, member, "No-Reason-Member-4");
		TestBrowser console = signedIn(staff.create("sakura", StaffRole.CLERK));
		Account before = account(member);
		String id = Long.toString(member.accountId());

		for (String action : List.of("factor", "reset")) {
			console.get("/members/" + id + "/" + action);
			Page page = console.submit("/members/" + id + "/" + action, Map.of("reason", "　 "));
			assertThat(page.error()).as(action).contains("理由を入力してください");
		}
		console.get("/members/" + id + "/email");
		Page page = console.submit("/members/" + id + "/email", Map.of("email", "kept@example.jp", "reason", ""));
		assertThat(page.error()).contains("理由を入力してください");
		assertThat(page.value("email")).isEqualTo("kept@example.jp");

		assertThat(account(member)).isEqualTo(before);
		assertThat(mailbox.countNow("kept@example.jp")).isZero();
	}

	@Test
	void whenTheSecondFactorIsOlderThanFiveMinutesThenEachActionAsksForItAgainAndChangesNothing() {
		TestMember member = members.newMember("sakura");
		Journeys.onboard(new TestBrowser(port, member.host()), mailbox, member, "Reauth-Member-8");
		Staff clerk = staff.create("sakura", StaffRole.CLERK);
		TestBrowser console = signedIn(clerk);
		Account before = account(member);
		String id = Long.toString(member.accountId());

		clock.advance(Duration.ofMinutes(6));
		for (String action : List.of("factor", "email", "reset")) {
			console.get("/");
			Page page = console.postWithCsrf("/members/" + id + "/" + action,
					Map.of("reason", "理由", "email", "re@example.jp"));
			assertThat(page.path()).as(action).isEqualTo("/mfa?reauth");
		}
		assertThat(account(member)).isEqualTo(before);

		Page form = console.get("/members/" + id + "/factor");
		assertThat(form.path()).isEqualTo("/mfa?reauth");
		form = console.submit("/mfa", Map.of("code", staff.code(clerk)));
		assertThat(form.path()).isEqualTo("/members/" + id + "/factor");
		assertThat(form.heading()).isEqualTo("認証方法の削除");
	}

	@Test
	void whenStaffOfAnotherKenpoTryTheActionsThenRefusedNothingChangedAndAudited() {
		TestMember sakuraMember = members.newMember("sakura");
		Journeys.onboard(new TestBrowser(port, sakuraMember.host()), mailbox, sakuraMember, "Isolated-Member-6");
		Staff aobaAdmin = staff.create("aoba", StaffRole.ADMIN);
		TestBrowser console = signedIn(aobaAdmin);
		Account before = account(sakuraMember);
		long id = sakuraMember.accountId();

		for (String action : List.of("factor", "email", "reset")) {
			assertThat(console.get("/members/" + id + "/" + action).status()).as(action).isEqualTo(404);
			console.get("/");
			assertThat(console.postWithCsrf("/members/" + id + "/" + action,
					Map.of("reason", "他の健保から", "email", "other@example.jp")).status()).as(action).isEqualTo(404);
		}
		assertThat(console.download("/members/" + id + "/reset/letter?token=x").status()).isEqualTo(404);

		assertThat(account(sakuraMember)).isEqualTo(before);
		assertThat(mailbox.countNow("other@example.jp")).isZero();
		assertThat(jdbc.sql("select detail from audit_event where staff_id = ? and type = 'STAFF_ACCESS_REFUSED'")
			.param(aobaAdmin.id()).query(String.class).list())
			.hasSize(7).allMatch(d -> d.contains("member account " + id));
	}

	private TestBrowser signedIn(Staff s) {
		TestBrowser console = TestBrowser.console(port);
		staff.signIn(console, s);
		return console;
	}

	private Account account(TestMember member) {
		return accounts.find(member.kenpo().id(), member.accountId()).orElseThrow();
	}

	private List<String> staffEvents(String type, TestMember member) {
		return jdbc.sql("select staff_id, detail from audit_event where account_id = ? and type = ? order by id")
			.params(member.accountId(), type)
			.query((rs, n) -> rs.getLong(1) + " " + rs.getString(2))
			.list();
	}
}
