package jp.kenpoportal.admin;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.kenpoportal.admin.staff.StaffAccounts;
import jp.kenpoportal.admin.staff.StaffRole;
import jp.kenpoportal.support.Mailbox;
import jp.kenpoportal.support.PortalTest;
import jp.kenpoportal.support.TestBrowser;
import jp.kenpoportal.support.TestBrowser.Page;
import jp.kenpoportal.support.TestStaff;
import jp.kenpoportal.support.TestStaff.Staff;
import jp.kenpoportal.tenant.Kenpo;
import jp.kenpoportal.tenant.KenpoDirectory;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The operator registers a kenpo and invites its first 管理者. */
@PortalTest
class KenpoRegistrationTest {

	@LocalServerPort
	int port;

	@Autowired
	TestStaff staff;

	@Autowired
	KenpoDirectory kenpos;

	@Autowired
	StaffAccounts accounts;

	@Autowired
	Mailbox mailbox;

	@Autowired
	JdbcClient jdbc;

	@Test
	void whenTheFormIsWrongThenJapaneseMessagesInputKeptAndNothingWritten() {
		Staff operator = staff.create(null, StaffRole.OPERATOR);
		TestBrowser console = TestBrowser.console(port);
		staff.signIn(console, operator);
		console.get("/kenpos/new");
		int kenpoCount = kenpos.findAll().size();

		Page page = console.submit("/kenpos/new", form("sakura", "sakura.localhost", "０６１３０４５５", "x"));

		assertThat(page.error()).contains("このコードはすでに使われています", "このホスト名はすでに使われています",
				"保険者番号が正しくありません", "ユーザIDは");
		assertThat(page.value("insurerNumber")).isEqualTo("０６１３０４５５");
		assertThat(page.value("name")).isEqualTo("みどり商事健康保険組合");
		assertThat(kenpos.findAll()).hasSize(kenpoCount);
	}

	@Test
	void whenTheOperatorRegistersAKenpoThenItServesMembersAndItsAdminIsInvited() {
		Staff operator = staff.create(null, StaffRole.OPERATOR);
		TestBrowser console = TestBrowser.console(port);
		staff.signIn(console, operator);
		console.get("/kenpos/new");
		String code = "m" + System.nanoTime() % 100_000_000;
		String adminId = "admin." + code;

		Page done = console.submit("/kenpos/new", form(code, code + ".localhost", "０６１３０４５４", adminId));

		assertThat(done.path()).isEqualTo("/staff?invited");
		assertThat(done.text()).contains("みどり商事健康保険組合", adminId, "招待中");
		Kenpo kenpo = kenpos.findByCode(code).orElseThrow();
		assertThat(kenpo.insurerNumber()).isEqualTo("06130454");
		assertThat(kenpo.symbolDigits()).isEqualTo(3);
		assertThat(accounts.findByLoginId(adminId).orElseThrow().kenpoId()).isEqualTo(kenpo.id());
		assertThat(mailbox.awaitMail(adminId + "@midori.example.jp", 1).text()).contains("みどり商事健康保険組合", adminId);
		assertThat(new TestBrowser(port, code + ".localhost").get("/login").status()).isEqualTo(200);
		assertThat(jdbc.sql("select type from audit_event where staff_id = ? and kenpo_id = ? order by id")
			.params(operator.id(), kenpo.id())
			.query(String.class)
			.list()).contains("KENPO_CREATED", "STAFF_INVITED");
	}

	private static Map<String, String> form(String code, String host, String insurerNumber, String adminId) {
		return Map.ofEntries(Map.entry("code", code), Map.entry("name", "みどり商事健康保険組合"), Map.entry("host", host),
				Map.entry("insurerNumber", insurerNumber), Map.entry("symbolDigits", "３"), Map.entry("numberDigits", "5"),
				Map.entry("contactEmail", "kenpo@midori.example.jp"), Map.entry("contactPhone", "03-1234-5678"),
				Map.entry("adminUserId", adminId), Map.entry("adminName", "緑 管理"),
				Map.entry("adminEmail", adminId + "@midori.example.jp"));
	}
}
