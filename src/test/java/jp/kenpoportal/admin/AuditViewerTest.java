package jp.kenpoportal.admin;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jp.kenpoportal.admin.staff.StaffRole;
import jp.kenpoportal.support.Journeys;
import jp.kenpoportal.support.Mailbox;
import jp.kenpoportal.support.PortalTest;
import jp.kenpoportal.support.TestBrowser;
import jp.kenpoportal.support.TestBrowser.Download;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** 監査ログ: filtered, paged, CSV, within the kenpo; the table itself refuses changes. */
@PortalTest
class AuditViewerTest {

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
	void whenAViewerFiltersByMemberThenOnlyThatMembersEventsAndTheCsvHasThem() {
		TestMember member = members.newMember("kaede");
		Journeys.onboard(new TestBrowser(port, member.host()), mailbox, member, "Audit-Viewer-Seen-3");
		Staff viewer = staff.create("kaede", StaffRole.VIEWER);
		TestBrowser console = TestBrowser.console(port);
		staff.signIn(console, viewer);

		Page page = console.get("/audit?member=" + member.loginId().toUpperCase());

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.doc().select("tbody tr")).isNotEmpty()
			.allMatch(tr -> tr.select("td").get(2).text().equals(member.loginId()));
		assertThat(page.text()).contains("初回登録（ログイン完了）");
		Download csv = console.download("/audit.csv?member=" + member.loginId());
		String text = new String(csv.body(), StandardCharsets.UTF_8);
		assertThat(csv.header("Content-Type")).startsWith("text/csv");
		assertThat(text).startsWith("\uFEFF\"日時\",\"種類\",\"会員\",\"職員\"").contains(member.loginId());
		assertThat(jdbc.sql("select count(*) from audit_event where staff_id = ? and type = 'STAFF_AUDIT_EXPORTED'")
			.param(viewer.id())
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void whenTheFilterIsWrongThenJapaneseMessagesAndTheInputKept() {
		TestBrowser console = TestBrowser.console(port);
		staff.signIn(console, staff.create("kaede", StaffRole.ADMIN));

		Page page = console.get("/audit?member=nobody.at.all&from=2026-13-40&to=");

		assertThat(page.error()).contains("このユーザIDの会員はいません", "日付は 2026-04-01 の形式で入力してください");
		assertThat(page.value("member")).isEqualTo("nobody.at.all");
	}

	@Test
	void whenStaffOfAnotherKenpoLookThenTheMembersOfTheOtherKenpoAreNotThere() {
		TestMember sakuraMember = members.newMember("sakura");
		Journeys.signIn(new TestBrowser(port, sakuraMember.host()), sakuraMember.loginId(), "wrong-password");
		TestBrowser console = TestBrowser.console(port);
		staff.signIn(console, staff.create("aoba", StaffRole.ADMIN));

		assertThat(console.get("/audit?member=" + sakuraMember.loginId()).error()).contains("このユーザIDの会員はいません");
		assertThat(console.get("/audit?type=SIGN_IN_FAILED").text()).doesNotContain(sakuraMember.loginId());
	}

	@Test
	void whenAnyoneTriesToChangeOrDeleteAnAuditEventThenTheDatabaseRefuses() {
		long id = jdbc.sql("select max(id) from audit_event").query(Long.class).single();

		assertThatThrownBy(() -> jdbc.sql("update audit_event set detail = 'changed' where id = ?").param(id).update())
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("delete from audit_event where id = ?").param(id).update())
			.hasMessageContaining("append-only");
		assertThat(jdbc.sql("select count(*) from audit_event where id = ?").param(id).query(Integer.class).single())
			.isEqualTo(1);
		List<String> triggers = jdbc.sql("select tgname from pg_trigger where tgrelid = 'audit_event'::regclass")
			.query(String.class)
			.list();
		assertThat(triggers).contains("audit_event_no_update");
	}
}
