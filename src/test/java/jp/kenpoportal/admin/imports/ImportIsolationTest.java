package jp.kenpoportal.admin.imports;

import java.util.List;
import java.util.Map;

import jp.kenpoportal.admin.staff.StaffRole;
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
 * Staff of あおば (and the operator acting on it) try every データ取込 URL and form with the IDs of
 * さくら's job waiting for confirmation and of さくら's API client: each is refused as not found,
 * nothing changes, each refusal is audited with the staff account.
 */
@PortalTest
class ImportIsolationTest {

	@LocalServerPort
	int port;

	@Autowired
	TestStaff staff;

	@Autowired
	KenpoDirectory kenpos;

	@Autowired
	JdbcClient jdbc;

	@ParameterizedTest
	@EnumSource(value = StaffRole.class, names = { "OPERATOR", "ADMIN" })
	void whenStaffOfAobaUseSakuraIdsThenRefusedNothingChangedAndAudited(StaffRole role) {
		long sakura = kenpos.findByCode("sakura").orElseThrow().id();
		long job = jdbc.sql("""
				insert into import_job (kenpo_id, kind, state, file_name, sha256, size_bytes, target_month, file_created_on,
				  created_at, finished_at)
				values (?, 'ROSTER', 'PREVIEW', 'sakura-roster.csv', repeat('1', 64), 10, date '2026-11-01', date '2026-12-01',
				  now(), now()) returning id""")
			.param(sakura)
			.query(Long.class)
			.single();
		Staff sakuraAdmin = staff.create("sakura", StaffRole.ADMIN);
		long client = jdbc.sql("""
				insert into import_api_client (kenpo_id, client_id, name, secret_sha256, created_at, created_by)
				values (?, ?, 'さくら夜間', repeat('2', 64), now(), ?) returning id""")
			.params(sakura, "kp-" + Long.toString(System.nanoTime(), 36).substring(0, 8) + "abcdefgh", sakuraAdmin.id())
			.query(Long.class)
			.single();
		Staff aoba = staff.create(role == StaffRole.OPERATOR ? null : "aoba", role);
		TestBrowser console = TestBrowser.console(port);
		staff.signIn(console, aoba);
		if (role == StaffRole.OPERATOR) {
			console.get("/kenpos");
			console.submit("/kenpos/choose",
					Map.of("kenpoId", String.valueOf(kenpos.findByCode("aoba").orElseThrow().id())));
		}

		assertThat(console.get("/imports").text()).doesNotContain("sakura-roster.csv");
		assertThat(console.get("/imports/clients").text()).doesNotContain("さくら夜間");
		for (String path : List.of("/imports/" + job, "/imports/" + job + "/status", "/imports/" + job + "/errors.csv")) {
			assertThat(console.get(path).status()).as(path).isEqualTo(404);
		}
		for (String path : List.of("/imports/" + job + "/apply", "/imports/" + job + "/discard",
				"/imports/clients/" + client + "/rotate", "/imports/clients/" + client + "/revoke")) {
			console.get("/imports");
			assertThat(console.postWithCsrf(path, Map.of()).status()).as(path).isEqualTo(404);
		}

		assertThat(jdbc.sql("select state from import_job where id = ?").param(job).query(String.class).single())
			.isEqualTo("PREVIEW");
		assertThat(jdbc.sql("select secret_sha256 = repeat('2', 64) and revoked_at is null from import_api_client where id = ?")
			.param(client)
			.query(Boolean.class)
			.single()).isTrue();
		assertThat(jdbc.sql("select count(*) from audit_event where staff_id = ? and type = 'STAFF_ACCESS_REFUSED'")
			.param(aoba.id())
			.query(Long.class)
			.single()).isEqualTo(7);
	}
}
