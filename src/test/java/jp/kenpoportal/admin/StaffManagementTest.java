package jp.kenpoportal.admin;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.kenpoportal.admin.staff.StaffRole;
import jp.kenpoportal.support.Mailbox;
import jp.kenpoportal.support.PortalTest;
import jp.kenpoportal.support.TestBrowser;
import jp.kenpoportal.support.TestBrowser.Page;
import jp.kenpoportal.support.TestStaff;
import jp.kenpoportal.support.TestStaff.Staff;
import jp.kenpoportal.support.Totp;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** 職員管理: invite, change role, unlock, disable — with reasons, audited, within the kenpo. */
@PortalTest
class StaffManagementTest {

	private static final Pattern INVITATION = Pattern.compile("https?://\\S+(/invitation\\?token=[A-Za-z0-9_-]+)");

	@LocalServerPort
	int port;

	@Autowired
	TestStaff staff;

	@Autowired
	Mailbox mailbox;

	@Autowired
	JdbcClient jdbc;

	@Test
	void whenAnAdminInvitesAClerkThenTheMailedLinkLetsThemSetTheirPasswordAndSignIn() {
		Staff admin = staff.create("tsubaki", StaffRole.ADMIN);
		TestBrowser console = TestBrowser.console(port);
		staff.signIn(console, admin);
		console.get("/staff/invite");
		String userId = "clerk" + System.nanoTime() % 1_000_000;
		String email = userId + "@tsubaki.example.com";

		Page bad = console.submit("/staff/invite", Map.of("userId", "X", "name", "", "email", "no-at", "role", "CLERK"));
		assertThat(bad.error()).contains("ユーザIDは", "氏名を", "メールアドレスを");
		assertThat(bad.value("email")).isEqualTo("no-at");
		Page done = console.submit("/staff/invite",
				Map.of("userId", userId, "name", "椿 担当", "email", email, "role", "CLERK"));

		assertThat(done.path()).isEqualTo("/staff?invited");
		assertThat(done.text()).contains(userId, "招待中");
		Mailbox.Mail mail = mailbox.awaitMail(email, 1);
		assertThat(mail.text()).contains("つばき広告健康保険組合", userId).doesNotContain(TestStaff.PASSWORD);
		Matcher link = INVITATION.matcher(mail.text());
		assertThat(link.find()).isTrue();
		TestBrowser newcomer = TestBrowser.console(port);
		newcomer.get(link.group(1));
		newcomer.submit("/invitation", Map.of("password", "Tsubaki-Clerk-Pass-9", "passwordConfirm", "Tsubaki-Clerk-Pass-9"));
		newcomer.submit("/login", Map.of("userId", userId, "password", "Tsubaki-Clerk-Pass-9"));
		Page enrol = newcomer.submit("/mfa/choose", Map.of("factor", "TOTP"));
		String key = enrol.doc().selectFirst(".totp-key").text().replace(" ", "");
		Page home = newcomer.submit("/mfa/enrol", Map.of("code", Totp.now(key)));
		assertThat(home.text()).contains("椿 担当", "担当者");
		assertThat(audit(admin, "STAFF_INVITED")).containsExactly(userId + " CLERK");
	}

	@Test
	void whenTheRoleIsChangedThenTheStaffSessionEndsAndTheChangeIsAuditedWithItsReason() {
		Staff admin = staff.create("sakura", StaffRole.ADMIN);
		Staff clerk = staff.create("sakura", StaffRole.CLERK);
		TestBrowser clerkConsole = TestBrowser.console(port);
		staff.signIn(clerkConsole, clerk);
		TestBrowser console = TestBrowser.console(port);
		staff.signIn(console, admin);
		console.get("/staff/" + clerk.id());

		Page noReason = console.submit("/staff/" + clerk.id() + "/role", Map.of("role", "VIEWER", "reason", ""));
		assertThat(noReason.error()).contains("理由を入力してください");
		assertThat(staff.reload(clerk).role()).isEqualTo(StaffRole.CLERK);
		Page done = console.submit("/staff/" + clerk.id() + "/role", Map.of("role", "VIEWER", "reason", "異動のため"));

		assertThat(done.info()).contains("変更しました");
		assertThat(staff.reload(clerk).role()).isEqualTo(StaffRole.VIEWER);
		assertThat(clerkConsole.get("/").path()).isEqualTo("/login?expired");
		assertThat(audit(admin, "STAFF_ROLE_CHANGED")).containsExactly(clerk.account().loginId() + " CLERK→VIEWER: 異動のため");
	}

	@Test
	void whenALockedStaffMemberIsUnlockedThenTheyCanSignInAtOnce() {
		Staff admin = staff.create("kaede", StaffRole.ADMIN);
		Staff clerk = staff.create("kaede", StaffRole.CLERK);
		TestBrowser clerkConsole = TestBrowser.console(port);
		clerkConsole.get("/login");
		for (int i = 0; i < 5; i++) {
			clerkConsole.submit("/login", Map.of("userId", clerk.account().loginId(), "password", "wrong" + i));
		}
		assertThat(staff.reload(clerk).lockedUntil()).isNotNull();
		TestBrowser console = TestBrowser.console(port);
		staff.signIn(console, admin);
		assertThat(console.get("/staff").doc().select("tr:contains(" + clerk.account().loginId() + ")").text())
			.contains("ロック中");
		assertThat(console.get("/staff/" + clerk.id()).text()).contains("までロック中");

		console.submit("/staff/" + clerk.id() + "/unlock", Map.of("reason", "本人確認済み"));

		assertThat(staff.reload(clerk).lockedUntil()).isNull();
		assertThat(staff.signIn(TestBrowser.console(port), clerk).heading()).isEqualTo("ホーム");
	}

	@Test
	void whenAStaffMemberIsDisabledThenTheirSessionEndsAndSignInIsRefused() {
		Staff admin = staff.create("aoba", StaffRole.ADMIN);
		Staff viewer = staff.create("aoba", StaffRole.VIEWER);
		TestBrowser viewerConsole = TestBrowser.console(port);
		staff.signIn(viewerConsole, viewer);
		TestBrowser console = TestBrowser.console(port);
		staff.signIn(console, admin);
		console.get("/staff/" + admin.id());
		Page self = console.submit("/staff/" + admin.id() + "/disable", Map.of("reason", "退職"));
		assertThat(self.error()).contains("ご自身のアカウントは無効にできません");
		console.get("/staff/" + viewer.id());

		console.submit("/staff/" + viewer.id() + "/disable", Map.of("reason", "退職のため"));

		assertThat(staff.reload(viewer).disabled()).isTrue();
		assertThat(viewerConsole.get("/").path()).isEqualTo("/login?expired");
		viewerConsole.get("/login");
		assertThat(viewerConsole.submit("/login", Map.of("userId", viewer.account().loginId(), "password", TestStaff.PASSWORD))
			.error()).contains("ユーザIDまたはパスワードが正しくありません");
	}

	@Test
	void whenAnAdminTriesAnotherKenposStaffThenRefusedNothingChangedAndAudited() {
		Staff aobaAdmin = staff.create("aoba", StaffRole.ADMIN);
		Staff sakuraClerk = staff.create("sakura", StaffRole.CLERK);
		TestBrowser console = TestBrowser.console(port);
		staff.signIn(console, aobaAdmin);

		assertThat(console.get("/staff/" + sakuraClerk.id()).status()).isEqualTo(404);
		console.get("/staff");
		assertThat(console.page().text()).doesNotContain(sakuraClerk.account().loginId());
		assertThat(console.postWithCsrf("/staff/" + sakuraClerk.id() + "/disable", Map.of("reason", "x")).status())
			.isEqualTo(404);
		console.get("/staff");
		assertThat(console.postWithCsrf("/staff/" + sakuraClerk.id() + "/role", Map.of("role", "ADMIN", "reason", "x"))
			.status()).isEqualTo(404);

		assertThat(staff.reload(sakuraClerk).disabled()).isFalse();
		assertThat(staff.reload(sakuraClerk).role()).isEqualTo(StaffRole.CLERK);
		assertThat(audit(aobaAdmin, "STAFF_ACCESS_REFUSED")).hasSize(3)
			.allMatch(d -> d.startsWith("staff account " + sakuraClerk.id()));
	}

	private List<String> audit(Staff actor, String type) {
		return jdbc.sql("select detail from audit_event where staff_id = ? and type = ? order by id")
			.params(actor.id(), type)
			.query(String.class)
			.list();
	}
}
