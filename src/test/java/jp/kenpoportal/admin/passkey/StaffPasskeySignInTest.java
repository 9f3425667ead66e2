package jp.kenpoportal.admin.passkey;

import java.util.List;
import java.util.Map;

import jp.kenpoportal.admin.staff.StaffAccounts;
import jp.kenpoportal.admin.staff.StaffRole;
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
 * What the console refuses in the passkey second step, with signatures that verify: a member's
 * passkey (even one signed for the console's RP ID) never signs in a staff account, nor does a
 * colleague's of another kenpo; a staff member without a passkey is sent to the app, and nobody
 * adds a passkey to an account that has a factor.
 */
@PortalTest
class StaffPasskeySignInTest {

	private static final String CONSOLE_RP = TestBrowser.CONSOLE_HOST;

	@LocalServerPort
	int port;

	@Autowired
	TestStaff staff;

	@Autowired
	TestMembers members;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void whenTheStaffMembersOwnPasskeyIsProvedAfterThePasswordThenHomeOpensAndTheSignInIsAudited() {
		Staff admin = passkeyStaff("sakura", StaffRole.ADMIN);
		SoftPasskey passkey = new SoftPasskey().enrolForStaff(jdbc, admin.id(), CONSOLE_RP);
		TestBrowser console = passwordOnly(admin);

		JsonAnswer options = console.exchangeJson("/passkeys/authenticate/options", "{}");
		assertThat(options.status()).isEqualTo(200);
		assertThat(options.body()).contains(passkey.credentialId(), "\"rpId\":\"" + CONSOLE_RP + "\"",
				"\"userVerification\":\"required\"");
		JsonAnswer proved = console.exchangeJson("/passkeys/authenticate",
				passkey.assertion(options.body(), CONSOLE_RP, origin()));

		assertThat(proved.status()).isEqualTo(200);
		assertThat(proved.body()).contains("\"redirectUrl\":\"/\"");
		assertThat(console.get("/").heading()).isEqualTo("ホーム");
		assertThat(audit(admin)).contains("STAFF_SECOND_FACTOR_ACCEPTED PASSKEY");
	}

	@Test
	void whenAMembersPasskeySignedForTheConsoleIsPresentedThenTheStaffAccountStaysSignedOutAndTheFailureCounts() {
		TestMember member = members.newMember("sakura");
		SoftPasskey memberPasskey = new SoftPasskey().registerForMember(jdbc, member.kenpo().id(), member.accountId(), member.host());
		Staff admin = passkeyStaff("sakura", StaffRole.ADMIN);
		SoftPasskey own = new SoftPasskey().enrolForStaff(jdbc, admin.id(), CONSOLE_RP);
		TestBrowser console = passwordOnly(admin);

		JsonAnswer options = console.exchangeJson("/passkeys/authenticate/options", "{}");
		assertThat(options.body()).contains(own.credentialId()).doesNotContain(memberPasskey.credentialId());
		JsonAnswer refused = console.exchangeJson("/passkeys/authenticate",
				memberPasskey.assertion(options.body(), CONSOLE_RP, origin()));

		assertThat(refused.status()).isEqualTo(401);
		assertThat(refused.body()).contains("パスキーで認証できませんでした。");
		assertThat(console.get("/").path()).isEqualTo("/mfa/passkey");
		assertThat(audit(admin)).contains("STAFF_SECOND_FACTOR_FAILED PASSKEY")
			.doesNotContain("STAFF_SECOND_FACTOR_ACCEPTED PASSKEY");
		assertThat(staff.reload(admin).failedAttempts()).isEqualTo(1);
	}

	@Test
	void whenAColleagueOfAnotherKenpoLendsTheirPasskeyThenItIsRefusedThoughItsSignatureIsRight() {
		Staff aobaAdmin = passkeyStaff("aoba", StaffRole.ADMIN);
		SoftPasskey aobas = new SoftPasskey().enrolForStaff(jdbc, aobaAdmin.id(), CONSOLE_RP);
		Staff sakuraClerk = passkeyStaff("sakura", StaffRole.CLERK);
		new SoftPasskey().enrolForStaff(jdbc, sakuraClerk.id(), CONSOLE_RP);
		TestBrowser console = passwordOnly(sakuraClerk);

		JsonAnswer options = console.exchangeJson("/passkeys/authenticate/options", "{}");
		JsonAnswer refused = console.exchangeJson("/passkeys/authenticate",
				aobas.assertion(options.body(), CONSOLE_RP, origin()));

		assertThat(refused.status()).isEqualTo(401);
		assertThat(console.get("/").path()).isEqualTo("/mfa/passkey");
		assertThat(audit(sakuraClerk)).contains("STAFF_SECOND_FACTOR_FAILED PASSKEY");
		assertThat(audit(aobaAdmin)).noneMatch(event -> event.startsWith("STAFF_SECOND_FACTOR"));
	}

	@Test
	void whenTheMembersOwnPasskeyIsTriedOnTheConsoleAsIfForItsKenpoThenItIsRefused() {
		TestMember member = members.newMember("aoba");
		SoftPasskey memberPasskey = new SoftPasskey().registerForMember(jdbc, member.kenpo().id(), member.accountId(), member.host());
		Staff admin = passkeyStaff("aoba", StaffRole.ADMIN);
		new SoftPasskey().enrolForStaff(jdbc, admin.id(), CONSOLE_RP);
		TestBrowser console = passwordOnly(admin);

		JsonAnswer options = console.exchangeJson("/passkeys/authenticate/options", "{}");
		JsonAnswer refused = console.exchangeJson("/passkeys/authenticate",
				memberPasskey.assertion(options.body(), member.host(), "http://" + member.host() + ":" + port));

		assertThat(refused.status()).isEqualTo(401);
		assertThat(console.get("/").path()).isEqualTo("/mfa/passkey");
	}

	@Test
	void whenTheStaffMemberHasNoPasskeyThenTheSecondStepIsTheAppAndNoPasskeyCanBeAddedOrUsed() {
		Staff clerk = staff.create("sakura", StaffRole.CLERK);
		TestBrowser console = TestBrowser.console(port);
		console.get("/login");
		Page mfa = console.submit("/login", Map.of("userId", clerk.account().loginId(), "password", TestStaff.PASSWORD));
		assertThat(mfa.path()).isEqualTo("/mfa");
		assertThat(mfa.heading()).isEqualTo("認証アプリのコード");

		assertThat(console.get("/mfa/passkey").path()).isEqualTo("/mfa");
		assertThat(console.get("/mfa/choose").path()).isEqualTo("/mfa");
		assertThat(console.exchangeJson("/passkeys/authenticate/options", "{}").status()).isEqualTo(403);
		assertThat(console.exchangeJson("/passkeys/register/options", "{}").status()).isEqualTo(403);
		assertThat(jdbc.sql("select count(*) from staff_passkey_user where staff_id = ?")
			.param(clerk.id())
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void whenAFirstSignInChoosesNothingThenTheChoiceAsksAgainAndChoosingTheAppKeepsPasskeysClosed() {
		Staff invited = passkeyStaff("sakura", StaffRole.VIEWER);
		TestBrowser console = TestBrowser.console(port);
		console.get("/login");
		Page choice = console.submit("/login",
				Map.of("userId", invited.account().loginId(), "password", TestStaff.PASSWORD));
		assertThat(choice.path()).isEqualTo("/mfa/choose");
		assertThat(choice.heading()).isEqualTo("認証方法の選択");

		Page again = console.submit("/mfa/choose", Map.of());
		assertThat(again.error()).contains("認証方法を選んでください。");
		Page app = console.submit("/mfa/choose", Map.of("factor", "TOTP"));
		assertThat(app.heading()).isEqualTo("認証アプリの登録");
		assertThat(console.exchangeJson("/passkeys/register/options", "{}").status()).isEqualTo(403);
		assertThat(console.get("/mfa/passkey/enrol").path()).isEqualTo("/mfa/choose");
	}

	/** A staff member with a password and no app, as after the invitation. */
	private Staff passkeyStaff(String kenpo, StaffRole role) {
		Staff invited = staff.invited(kenpo, role);
		accounts.setPassword(invited.id(), TestStaff.PASSWORD);
		return invited;
	}

	private TestBrowser passwordOnly(Staff who) {
		TestBrowser console = TestBrowser.console(port);
		console.get("/login");
		Page page = console.submit("/login", Map.of("userId", who.account().loginId(), "password", TestStaff.PASSWORD));
		assertThat(page.path()).isEqualTo("/mfa/passkey");
		assertThat(page.heading()).isEqualTo("パスキーで認証");
		return console;
	}

	private String origin() {
		return "http://" + CONSOLE_RP + ":" + port;
	}

	private List<String> audit(Staff who) {
		return jdbc.sql("select type || coalesce(' ' || detail, '') from audit_event where staff_id = ? order by id")
			.param(who.id())
			.query(String.class)
			.list();
	}
}
