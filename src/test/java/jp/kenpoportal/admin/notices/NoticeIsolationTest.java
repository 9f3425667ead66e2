package jp.kenpoportal.admin.notices;

import java.util.List;
import java.util.Map;

import jp.kenpoportal.admin.staff.StaffRole;
import jp.kenpoportal.portal.KenpoNotice;
import jp.kenpoportal.portal.Notices;
import jp.kenpoportal.support.MutableClock;
import jp.kenpoportal.support.PortalTest;
import jp.kenpoportal.support.TestBrowser;
import jp.kenpoportal.support.TestStaff;
import jp.kenpoportal.support.TestStaff.Staff;
import jp.kenpoportal.tenant.KenpoDirectory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff of one kenpo (and the operator acting on it) try every お知らせ URL and form with the ID
 * of another kenpo's notice: each is refused as not found, nothing changes, and each refusal
 * is audited with the staff account.
 */
@PortalTest
class NoticeIsolationTest {

	@LocalServerPort
	int port;

	@Autowired
	TestStaff staff;

	@Autowired
	Notices notices;

	@Autowired
	KenpoDirectory kenpos;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@ParameterizedTest
	@EnumSource(value = StaffRole.class, names = { "OPERATOR", "ADMIN", "CLERK" })
	void whenStaffOfAobaUseASakuraNoticeIdThenRefusedNothingChangedAndAudited(StaffRole role) {
		long sakura = kenpos.findByCode("sakura").orElseThrow().id();
		String title = "さくらのお知らせ " + System.nanoTime();
		long id = notices.publish(sakura, title, "さくらの本文", clock.instant(), null);
		KenpoNotice before = notices.findForKenpo(sakura, id).orElseThrow();
		Staff aoba = staff.create(role == StaffRole.OPERATOR ? null : "aoba", role);
		TestBrowser console = TestBrowser.console(port);
		staff.signIn(console, aoba);
		if (role == StaffRole.OPERATOR) {
			console.get("/kenpos");
			console.submit("/kenpos/choose",
					Map.of("kenpoId", String.valueOf(kenpos.findByCode("aoba").orElseThrow().id())));
		}

		assertThat(console.get("/notices").text()).doesNotContain(title);
		assertThat(console.get("/notices/" + id).status()).isEqualTo(404);
		assertThat(console.get("/notices/" + id + "/edit").status()).isEqualTo(404);
		assertThat(console.get("/notices/" + id + "/withdraw").status()).isEqualTo(404);
		console.get("/notices/new");
		assertThat(console.postWithCsrf("/notices/" + id + "/edit", Map.of("title", "乗っ取り", "body", "改ざん",
				"publishFrom", "2026-12-01T10:00", "audience", "ALL", "action", "save")).status()).isEqualTo(404);
		console.get("/notices/new");
		assertThat(console.postWithCsrf("/notices/" + id + "/withdraw", Map.of()).status()).isEqualTo(404);

		assertThat(notices.findForKenpo(sakura, id)).contains(before);
		List<String> refusals = jdbc.sql("""
				select detail from audit_event where staff_id = ? and type = 'STAFF_ACCESS_REFUSED' order by id""")
			.param(aoba.id())
			.query(String.class)
			.list();
		assertThat(refusals).hasSize(5).allMatch(d -> d.equals("notice " + id + " is not of kenpo aoba"));
	}
}
