package jp.kenpoportal.admin;

import java.util.List;
import java.util.Map;

import jp.kenpoportal.admin.staff.StaffRole;
import jp.kenpoportal.support.PortalTest;
import jp.kenpoportal.support.TestBrowser;
import jp.kenpoportal.support.TestBrowser.Page;
import jp.kenpoportal.support.TestKenpos;
import jp.kenpoportal.support.TestStaff;
import jp.kenpoportal.support.TestStaff.Staff;
import jp.kenpoportal.tenant.Kenpo;
import jp.kenpoportal.tenant.KenpoDirectory;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The operator stops a kenpo's portal and resumes it: nothing deleted, everyone told whom to ask. */
@PortalTest
class KenpoStatusTest {

	@LocalServerPort
	int port;

	@Autowired
	TestStaff staff;

	@Autowired
	KenpoDirectory kenpos;

	@Autowired
	JdbcClient jdbc;

	@Test
	void whenTheOperatorStopsAKenpoThenItsHostItsStaffAndTheirSessionsAreRefusedUntilResumed() {
		Kenpo kenpo = TestKenpos.allFactors(kenpos);
		Staff admin = staff.create(kenpo.code(), StaffRole.ADMIN);
		TestBrowser adminConsole = TestBrowser.console(port);
		staff.signIn(adminConsole, admin);
		Staff operator = staff.create(null, StaffRole.OPERATOR);
		TestBrowser console = TestBrowser.console(port);
		staff.signIn(console, operator);
		assertThat(console.get("/kenpos").text()).contains(kenpo.code(), "利用中");

		Page form = console.get("/kenpos/" + kenpo.id() + "/disable");
		assertThat(form.heading()).isEqualTo("健保の利用停止");
		Page done = console.submit("/kenpos/" + kenpo.id() + "/disable",
				Map.of("code", kenpo.code(), "reason", "契約終了のため"));

		assertThat(done.path()).isEqualTo("/kenpos?disabled");
		assertThat(done.info()).contains("健保の利用を停止しました");
		assertThat(done.text()).contains("停止中");
		Page member = new TestBrowser(port, kenpo.host()).get("/login");
		assertThat(member.status()).isEqualTo(503);
		assertThat(member.text()).contains("現在ご利用いただけません", kenpo.contactEmail());
		assertThat(member.header("Set-Cookie")).isNull();
		assertThat(adminConsole.get("/").path()).as("the open session ends").isEqualTo("/login?expired");
		adminConsole.get("/login");
		Page refused = adminConsole.submit("/login",
				Map.of("userId", admin.account().loginId(), "password", TestStaff.PASSWORD));
		assertThat(refused.error()).contains("停止されています");
		assertThat(audit(kenpo, "KENPO_DISABLED")).containsExactly(operator.id() + " 契約終了のため");
		assertThat(audit(kenpo, "STAFF_SIGN_IN_KENPO_DISABLED")).hasSize(1);
		assertThat(kenpos.findById(kenpo.id()).orElseThrow().disabled()).isTrue();

		console.get("/kenpos/" + kenpo.id() + "/enable");
		Page resumed = console.submit("/kenpos/" + kenpo.id() + "/enable",
				Map.of("code", kenpo.code(), "reason", "契約再開"));
		assertThat(resumed.info()).contains("再開しました");
		assertThat(new TestBrowser(port, kenpo.host()).get("/login").status()).isEqualTo(200);
		assertThat(staff.signIn(adminConsole, admin).status()).isEqualTo(200);
		assertThat(audit(kenpo, "KENPO_ENABLED")).containsExactly(operator.id() + " 契約再開");
	}

	@Test
	void whenTheCodeOrReasonIsWrongThenJapaneseMessagesInputKeptAndNothingChanged() {
		Kenpo kenpo = TestKenpos.allFactors(kenpos);
		Staff operator = staff.create(null, StaffRole.OPERATOR);
		TestBrowser console = TestBrowser.console(port);
		staff.signIn(console, operator);
		String path = "/kenpos/" + kenpo.id() + "/disable";
		console.get(path);

		Page wrongCode = console.submit(path, Map.of("code", "sakura", "reason", "契約終了"));
		assertThat(wrongCode.error()).contains("健保のコードが一致しません");
		assertThat(wrongCode.value("code")).isEqualTo("sakura");
		assertThat(wrongCode.doc().select("textarea[name=reason]").text()).isEqualTo("契約終了");

		Page noReason = console.submit(path, Map.of("code", kenpo.code(), "reason", " "));
		assertThat(noReason.error()).contains("理由");
		assertThat(noReason.value("code")).isEqualTo(kenpo.code());

		Page huge = console.submit(path, Map.of("code", "x".repeat(10_000), "reason", "\u0000" + "長".repeat(10_000)));
		assertThat(huge.status()).isEqualTo(200);
		assertThat(huge.error()).isNotBlank();

		assertThat(kenpos.findById(kenpo.id()).orElseThrow().disabled()).isFalse();
		assertThat(audit(kenpo, "KENPO_DISABLED")).isEmpty();
		assertThat(new TestBrowser(port, kenpo.host()).get("/login").status()).isEqualTo(200);
	}

	@Test
	void whenAKenposOwnAdminTriesToStopItThenRefusedAndNothingChanged() {
		Kenpo kenpo = TestKenpos.allFactors(kenpos);
		Staff admin = staff.create(kenpo.code(), StaffRole.ADMIN);
		TestBrowser console = TestBrowser.console(port);
		staff.signIn(console, admin);

		assertThat(console.get("/kenpos/" + kenpo.id() + "/disable").status()).isEqualTo(403);
		assertThat(console.postWithCsrf("/kenpos/" + kenpo.id() + "/disable",
				Map.of("code", kenpo.code(), "reason", "勝手に停止")).status()).isEqualTo(403);
		assertThat(kenpos.findById(kenpo.id()).orElseThrow().disabled()).isFalse();
		assertThat(audit(kenpo, "STAFF_ACCESS_REFUSED")).hasSizeGreaterThanOrEqualTo(2);
	}

	private List<String> audit(Kenpo kenpo, String type) {
		return jdbc.sql("select coalesce(staff_id::text, '') || ' ' || coalesce(detail, '') from audit_event "
				+ "where kenpo_id = ? and type = ? order by id")
			.params(kenpo.id(), type)
			.query(String.class)
			.list();
	}
}
