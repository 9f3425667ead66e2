package jp.kenpoportal.admin.letters;

import java.util.List;
import java.util.Map;

import jp.kenpoportal.admin.staff.StaffRole;
import jp.kenpoportal.member.Member;
import jp.kenpoportal.member.MemberDirectory;
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

/**
 * Staff of one kenpo and another kenpo's letters: a batch ID of another kenpo answers as one
 * that does not exist (page, status, PDF), its PDF stays where it is, and each refusal is
 * audited; another kenpo's household or 事業所 in the form gets the form's message and makes
 * nothing.
 */
@PortalTest
class LetterIsolationTest {

	@LocalServerPort
	int port;

	@Autowired
	TestStaff staff;

	@Autowired
	KenpoDirectory kenpos;

	@Autowired
	MemberDirectory members;

	@Autowired
	JdbcClient jdbc;

	@Test
	void whenStaffOfAnotherKenpoTryABatchOrItsMembersThenRefusedNothingChangedAndAudited() {
		Kenpo sakura = TestKenpos.allFactors(kenpos);
		Kenpo aoba = kenpos.findByCode("aoba").orElseThrow();
		String employer = "I" + System.nanoTime() % 100_000;
		Member sakuraMember = LetterFixture.insuredWithoutAccount(members, jdbc, sakura, employer);
		long requester = staff.create(sakura.code(), StaffRole.CLERK).id();
		long id = jdbc.sql("""
				insert into letter_batch (kenpo_id, requested_by, scope, reason, state, total, done, created_at,
				  finished_at, expires_at, pdf, pdf_size)
				values (?, ?, 'ALL', '分離確認', 'READY', 1, 1, now(), now(), now() + interval '1 day', ?, 4) returning id""")
			.params(sakura.id(), requester, "%PDF".getBytes())
			.query(Long.class)
			.single();
		Staff aobaAdmin = staff.create("aoba", StaffRole.ADMIN);
		TestBrowser console = TestBrowser.console(port);
		staff.signIn(console, aobaAdmin);

		for (String path : List.of("/letters/" + id, "/letters/" + id + "/status", "/letters/" + id + "/pdf")) {
			assertThat(console.download(path).status()).as(path).isEqualTo(404);
		}
		console.get("/letters");
		Page household = console.submit("/letters", Map.of("scope", "HOUSEHOLD", "symbol", sakuraMember.symbol(),
				"number", sakuraMember.number(), "reason", "他の健保の世帯"));
		assertThat(household.error()).contains("見つかりません");
		Page employers = console.submit("/letters",
				Map.of("scope", "EMPLOYERS", "employerCodes", employer, "reason", "他の健保の事業所"));
		assertThat(employers.error()).contains("選んだ事業所が見つかりません");
		assertThat(console.get("/letters").text()).doesNotContain("分離確認");

		assertThat(jdbc.sql("select state || ' ' || (pdf is not null) from letter_batch where id = ?").param(id)
			.query(String.class).single()).isEqualTo("READY true");
		assertThat(jdbc.sql("select count(*) from letter_batch where kenpo_id = ?").param(aoba.id())
			.query(Long.class).single()).isZero();
		assertThat(jdbc.sql("select count(*) from account where member_id = ?").param(sakuraMember.id())
			.query(Long.class).single()).isZero();
		assertThat(jdbc.sql("select detail from audit_event where staff_id = ? and type = 'STAFF_ACCESS_REFUSED' order by id")
			.param(aobaAdmin.id()).query(String.class).list())
			.containsExactly("letter batch " + id + " is not of kenpo aoba", "letter batch " + id + " is not of kenpo aoba",
					"letter batch " + id + " is not of kenpo aoba");
	}
}
