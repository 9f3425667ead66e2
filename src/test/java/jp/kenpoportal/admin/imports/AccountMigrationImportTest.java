package jp.kenpoportal.admin.imports;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import jp.kenpoportal.account.Account;
import jp.kenpoportal.account.Accounts;
import jp.kenpoportal.admin.staff.StaffRole;
import jp.kenpoportal.support.PortalTest;
import jp.kenpoportal.support.TestBrowser;
import jp.kenpoportal.support.TestKenpos;
import jp.kenpoportal.support.TestStaff;
import jp.kenpoportal.tenant.Kenpo;
import jp.kenpoportal.tenant.KenpoDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static jp.kenpoportal.admin.imports.RosterImportTest.HANAKO;
import static jp.kenpoportal.admin.imports.RosterImportTest.HEADER;
import static jp.kenpoportal.admin.imports.RosterImportTest.JIRO;
import static jp.kenpoportal.admin.imports.RosterImportTest.TARO;
import static jp.kenpoportal.admin.imports.RosterImportTest.csv;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migration of existing web accounts: imported accounts keep their user IDs (lower case) and
 * start first registration with the initial password of seed 000; duplicates, taken and invalid
 * IDs and dependants are reported, not guessed, and then nothing is written.
 */
@PortalTest
class AccountMigrationImportTest {

	static final String ACCOUNTS = "個人番号,ユーザID,メールアドレス";

	@LocalServerPort
	int port;

	@Autowired
	TestStaff staff;

	@Autowired
	KenpoDirectory kenpos;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	Kenpo kenpo;

	TestBrowser console;

	ImportUploads uploads;

	@BeforeEach
	void rosterInPlace() {
		kenpo = TestKenpos.allFactors(kenpos);
		console = TestBrowser.console(port);
		staff.signIn(console, staff.create(kenpo.code(), StaffRole.CLERK));
		uploads = new ImportUploads(port, jdbc);
		long roster = uploads.upload(console, ImportKind.ROSTER, "2026-11", "2026-12-01", "roster.csv",
				csv(StandardCharsets.UTF_8, false, HEADER, TARO, HANAKO, JIRO));
		assertThat(uploads.awaitState(roster)).isEqualTo("PREVIEW");
		console.get("/imports/" + roster);
		console.submit("/imports/" + roster + "/apply", Map.of());
		assertThat(uploads.awaitState(roster)).isEqualTo("APPLIED");
	}

	@Test
	void whenAccountsAreMigratedThenTheyKeepTheirIdsAndStartWithTheInitialPassword() {
		byte[] file = csv(StandardCharsets.UTF_8, false, ACCOUNTS, "P001,Torikomi.Taro,taro@example.com", "P003,takahashi.j,");
		long job = uploads.upload(console, ImportKind.ACCOUNTS, "2026-11", "2026-12-01", "accounts.csv", file);

		assertThat(uploads.awaitState(job)).isEqualTo("APPLIED");
		Account taro = accounts.findByLoginId(kenpo.id(), "torikomi.taro").orElseThrow();
		assertThat(taro.onboardedAt()).isNull();
		assertThat(accounts.isInitialPassword(kenpo.id(), taro.id(), "10000119800401")).isTrue();
		assertThat(accounts.findByLoginId(kenpo.id(), "takahashi.j")).isPresent();

		long again = uploads.upload(console, ImportKind.ACCOUNTS, "2026-11", "2026-12-02", "accounts-2.csv",
				csv(StandardCharsets.UTF_8, false, ACCOUNTS, "P001,torikomi.taro,taro@example.com"));
		assertThat(uploads.awaitState(again)).isEqualTo("APPLIED");
		assertThat(console.get("/imports/" + again).text()).contains("変更はありません。");
	}

	@Test
	void whenIdsAreDuplicatedTakenOrInvalidThenEachIsReportedAndNoAccountIsOpened() {
		accounts.open(kenpo.id(), memberId("P003"), "taken.id01", false, "x".repeat(12), null);
		long job = uploads.upload(console, ImportKind.ACCOUNTS, "2026-11", "2026-12-01", "accounts.csv",
				csv(StandardCharsets.UTF_8, false, ACCOUNTS, "P001,abc,", "P002,hanako.t1,", "X999,nobody.1,"));
		assertThat(uploads.awaitState(job)).isEqualTo("FAILED");
		assertThat(console.get("/imports/" + job).doc().select("#import-errors tbody tr").eachText())
			.containsExactly("2 ユーザID ユーザIDは8〜13文字の英小文字、数字、記号 - _ . @ にしてください。");

		long second = uploads.upload(console, ImportKind.ACCOUNTS, "2026-11", "2026-12-01", "accounts-2.csv",
				csv(StandardCharsets.UTF_8, false, ACCOUNTS, "P001,same.id01,", "P002,hanako.t1,", "X999,same.id01,",
						"P003,other.id1,"));
		assertThat(uploads.awaitState(second)).isEqualTo("FAILED");
		assertThat(console.get("/imports/" + second).doc().select("#import-errors tbody tr").eachText()).contains(
				"4 個人番号 名簿にない個人番号（X999）です。先に名簿を取り込んでください。",
				"3 個人番号 被保険者（枝番 00）ではありません（P002）。Webアカウントは被保険者のものです。",
				"2 ユーザID 同じユーザID（same.id01）の行が2つ以上あります。",
				"5 ユーザID この方には既に別のユーザID（taken.id01）のアカウントがあります。");
		assertThat(jdbc.sql("select count(*) from account where kenpo_id = ?").param(kenpo.id()).query(Long.class).single())
			.isEqualTo(1);
	}

	private long memberId(String personKey) {
		return jdbc.sql("select id from member where kenpo_id = ? and person_key = ?")
			.params(kenpo.id(), personKey)
			.query(Long.class)
			.single();
	}
}
