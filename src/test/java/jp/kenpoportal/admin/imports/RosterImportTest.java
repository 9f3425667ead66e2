package jp.kenpoportal.admin.imports;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jp.kenpoportal.account.Accounts;
import jp.kenpoportal.admin.staff.StaffRole;
import jp.kenpoportal.support.MutableClock;
import jp.kenpoportal.support.PortalTest;
import jp.kenpoportal.support.TestBrowser;
import jp.kenpoportal.support.TestBrowser.Page;
import jp.kenpoportal.support.TestKenpos;
import jp.kenpoportal.support.TestStaff;
import jp.kenpoportal.support.TestStaff.Staff;
import jp.kenpoportal.tenant.Kenpo;
import jp.kenpoportal.tenant.KenpoDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The roster import end to end through the console: a 担当者 uploads the kenpo's roster, sees
 * what it will do (new persons, changed fields, lost qualification, 記号・番号 changed), and it
 * is applied only when confirmed; the person key keeps the account with its person; the same
 * file again changes nothing; an older file for the month is refused. Each test has a kenpo of
 * its own, as a roster file is the whole roster.
 */
@PortalTest
class RosterImportTest {

	static final String HEADER = "個人番号,記号,番号,枝番,氏名,氏名カナ,生年月日,性別,続柄,資格取得日,資格喪失日,負担割合,事業所コード,事業所名称,郵便番号,住所,世帯閲覧,資格区分";

	static final String TARO = "P001,10,0001,00,取込 太郎,トリコミ タロウ,1980-04-01,男,本人,2010-04-01,,3,E01,本社,100-0001,東京都千代田区千代田1-1,,";

	static final String HANAKO = "P002,10,0001,01,取込 花子,トリコミ ハナコ,1982-05-05,女,妻,2010-04-01,,3,E01,本社,100-0001,東京都千代田区千代田1-1,可,";

	static final String JIRO = "P003,10,0002,00,髙橋 次郎,タカハシ ジロウ,19750707,1,本人,2015/4/1,,2,E02,大阪支店,5300001,大阪府大阪市北区梅田1-1,,";

	@LocalServerPort
	int port;

	@Autowired
	TestStaff staff;

	@Autowired
	KenpoDirectory kenpos;

	@Autowired
	Accounts accounts;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	Kenpo kenpo;

	TestBrowser console;

	ImportUploads uploads;

	@BeforeEach
	void signIn() {
		kenpo = TestKenpos.allFactors(kenpos);
		Staff clerk = staff.create(kenpo.code(), StaffRole.CLERK);
		console = TestBrowser.console(port);
		staff.signIn(console, clerk);
		uploads = new ImportUploads(port, jdbc);
	}

	@Test
	void whenAUtf8RosterIsUploadedThenThePreviewShowsTheNewPersonsAndOnlyApplyWritesThem() {
		long job = uploads.upload(console, ImportKind.ROSTER, "2026-11", "2026-12-01", "roster.csv",
				csv(StandardCharsets.UTF_8, true, HEADER, TARO, HANAKO, JIRO));

		assertThat(uploads.awaitState(job)).isEqualTo("PREVIEW");
		assertThat(members()).isZero();
		Page preview = console.get("/imports/" + job);
		assertThat(preview.text()).contains("確認待ち", "UTF-8 (BOM付き)", "反映前の確認", "取込 太郎", "髙橋 次郎", "10-0002-00");
		assertThat(preview.doc().select("#roster-changes tbody tr")).hasSize(3);

		Page applied = console.submit("/imports/" + job + "/apply", Map.of());
		assertThat(applied.path()).isEqualTo("/imports/" + job);
		assertThat(uploads.awaitState(job)).isEqualTo("APPLIED");
		assertThat(console.get("/imports/" + job).text()).contains("ファイルの内容を反映しました。");
		assertThat(members()).isEqualTo(3);
		Map<String, Object> jiro = jdbc.sql("""
				select person_key, symbol, number, branch, birth_date::text as birth, sex, acquired_on::text as acquired,
				  burden_ratio, employer_code, postal_code, address, hidden_from_household
				from member where kenpo_id = ? and person_key = 'P003'""")
			.param(kenpo.id())
			.query()
			.singleRow();
		assertThat(jiro).containsEntry("symbol", "10").containsEntry("number", "0002").containsEntry("birth", "1975-07-07")
			.containsEntry("sex", "MALE").containsEntry("acquired", "2015-04-01").containsEntry("employer_code", "E02")
			.containsEntry("postal_code", "530-0001").containsEntry("hidden_from_household", false);
		assertThat(audit("IMPORT_APPLIED")).anySatisfy(d -> assertThat(d).contains("file=roster.csv", "inserted=3",
				"sha256=", "result=APPLIED"));
	}

	@Test
	void whenTheAppWasProvedMoreThanFiveMinutesAgoThenApplyingAsksForItAgainAndAppliesOnlyAfterIt() {
		Staff clerk = staff.create(kenpo.code(), StaffRole.CLERK);
		TestBrowser browser = TestBrowser.console(port);
		staff.signIn(browser, clerk);
		long job = uploads.upload(browser, ImportKind.ROSTER, "2026-11", "2026-12-01", "roster.csv",
				csv(StandardCharsets.UTF_8, false, HEADER, TARO));
		assertThat(uploads.awaitState(job)).isEqualTo("PREVIEW");
		browser.get("/imports/" + job);

		clock.advance(java.time.Duration.ofMinutes(6));
		try {
			Page asked = browser.submit("/imports/" + job + "/apply", Map.of());
			assertThat(asked.path()).isEqualTo("/mfa?reauth");
			assertThat(members()).isZero();
			Page resume = browser.submit("/mfa", Map.of("code", staff.code(clerk)));
			assertThat(resume.path()).isEqualTo("/mfa/resume");
			browser.submit("/imports/" + job + "/apply", Map.of());
			assertThat(uploads.awaitState(job)).isEqualTo("APPLIED");
			assertThat(members()).isEqualTo(1);
		}
		finally {
			clock.reset();
		}
	}

	@Test
	void whenAnMs932RosterIsUploadedThenItsEncodingIsDetectedAndReported() {
		long job = uploads.upload(console, ImportKind.ROSTER, "2026-11", "2026-12-01", "roster-sjis.csv",
				csv(FileCheck.MS932, false, HEADER, TARO, HANAKO, JIRO));

		assertThat(uploads.awaitState(job)).isEqualTo("PREVIEW");
		assertThat(console.get("/imports/" + job).text()).contains("Shift_JIS (MS932)", "髙橋 次郎");
	}

	@Test
	void whenSymbolAndNumberChangeThenThePreviewSaysSoAndTheAccountFollowsThePerson() {
		apply(csv(StandardCharsets.UTF_8, false, HEADER, TARO, HANAKO, JIRO), "2026-11", "2026-12-01");
		long taro = memberId("P001");
		long account = accounts.open(kenpo.id(), taro, "torikomi.taro", false, "x".repeat(12), null).id();

		// 転籍: 太郎's household moves to 記号 20, 番号 0009; 花子 changes her name; 次郎 is missing (lost)
		long job = uploads.upload(console, ImportKind.ROSTER, "2026-12", "2027-01-01", "roster-12.csv",
				csv(StandardCharsets.UTF_8, false, HEADER, TARO.replace(",10,0001,", ",20,0009,"),
						HANAKO.replace(",10,0001,", ",20,0009,").replace("取込 花子", "取込 華子")));
		assertThat(uploads.awaitState(job)).isEqualTo("PREVIEW");
		Page preview = console.get("/imports/" + job);
		assertThat(preview.text()).contains("記号・番号の変更（アカウントは本人に引き継がれます）", "10-0001-00", "20-0009-00",
				"ファイルにない（作成日で資格喪失）", "髙橋 次郎", "氏名");
		assertThat(jdbc.sql("select symbol from member where id = ?").param(taro).query(String.class).single())
			.as("nothing applied before confirmation").isEqualTo("10");

		console.submit("/imports/" + job + "/apply", Map.of());
		assertThat(uploads.awaitState(job)).isEqualTo("APPLIED");

		assertThat(jdbc.sql("select symbol || '-' || number from member where id = ?").param(taro).query(String.class).single())
			.isEqualTo("20-0009");
		assertThat(accounts.find(kenpo.id(), account).orElseThrow().memberId()).isEqualTo(taro);
		assertThat(jdbc.sql("select lost_on::text from member where kenpo_id = ? and person_key = 'P003'")
			.param(kenpo.id())
			.query(String.class)
			.single()).isEqualTo("2027-01-01");
		assertThat(jdbc.sql("select name from member where kenpo_id = ? and person_key = 'P002'")
			.param(kenpo.id())
			.query(String.class)
			.single()).isEqualTo("取込 華子");
	}

	@Test
	void whenTwoPersonsSwapSymbolAndNumberOrThreeRotateThenThePreviewShowsEachAndTheAccountsFollowTheirPersons() {
		String saburo = "P004,10,0003,00,取込 三郎,トリコミ サブロウ,1990-01-01,男,本人,2012-04-01,,3,E01,本社,100-0001,東京都千代田区千代田1-1,,";
		String shiro = "P005,10,0004,00,取込 四郎,トリコミ シロウ,1991-01-01,男,本人,2012-04-01,,3,E01,本社,100-0001,東京都千代田区千代田1-1,,";
		String goro = "P006,10,0005,00,取込 五郎,トリコミ ゴロウ,1992-01-01,男,本人,2012-04-01,,3,E01,本社,100-0001,東京都千代田区千代田1-1,,";
		apply(csv(StandardCharsets.UTF_8, false, HEADER, TARO, HANAKO, JIRO, saburo, shiro, goro), "2026-11", "2026-12-01");
		long taroAccount = accounts.open(kenpo.id(), memberId("P001"), "swap.taro", false, "x".repeat(12), null).id();
		long jiroAccount = accounts.open(kenpo.id(), memberId("P003"), "swap.jiro", false, "x".repeat(12), null).id();

		// 太郎's household and 次郎 swap 番号 0001 and 0002; 三郎 → 0004, 四郎 → 0005, 五郎 → 0003 (a cycle)
		long job = uploads.upload(console, ImportKind.ROSTER, "2026-12", "2027-01-01", "swap.csv",
				csv(StandardCharsets.UTF_8, false, HEADER, TARO.replace(",10,0001,", ",10,0002,"),
						HANAKO.replace(",10,0001,", ",10,0002,"), JIRO.replace(",10,0002,", ",10,0001,"),
						saburo.replace(",10,0003,", ",10,0004,"), shiro.replace(",10,0004,", ",10,0005,"),
						goro.replace(",10,0005,", ",10,0003,")));
		assertThat(uploads.awaitState(job)).isEqualTo("PREVIEW");
		Page preview = console.get("/imports/" + job);
		assertThat(preview.doc().select("#roster-changes tbody tr"))
			.filteredOn(row -> row.text().startsWith("記号・番号の変更"))
			.extracting(row -> row.select("td").get(2).text() + " " + row.select("td").get(4).text() + "→"
					+ row.select("td").get(5).text())
			.containsExactlyInAnyOrder("P001 10-0001-00→10-0002-00", "P002 10-0001-01→10-0002-01",
					"P003 10-0002-00→10-0001-00", "P004 10-0003-00→10-0004-00", "P005 10-0004-00→10-0005-00",
					"P006 10-0005-00→10-0003-00");

		console.submit("/imports/" + job + "/apply", Map.of());

		assertThat(uploads.awaitState(job)).isEqualTo("APPLIED");
		assertThat(jdbc.sql("select person_key || ' ' || symbol || '-' || number || '-' || branch from member where kenpo_id = ?")
			.param(kenpo.id())
			.query(String.class)
			.list()).containsExactlyInAnyOrder("P001 10-0002-00", "P002 10-0002-01", "P003 10-0001-00", "P004 10-0004-00",
					"P005 10-0005-00", "P006 10-0003-00");
		assertThat(accounts.find(kenpo.id(), taroAccount).orElseThrow().memberId()).isEqualTo(memberId("P001"));
		assertThat(accounts.find(kenpo.id(), jiroAccount).orElseThrow().memberId()).isEqualTo(memberId("P003"));
		assertThat(jdbc.sql("select count(*) from member where kenpo_id = ? and lost_on is not null").param(kenpo.id())
			.query(Long.class).single()).isZero();
	}

	@Test
	void whenTheSameFileComesAgainThenNothingChangesAndThePageSaysSo() {
		byte[] file = csv(StandardCharsets.UTF_8, false, HEADER, TARO, HANAKO);
		apply(file, "2026-11", "2026-12-01");

		long again = uploads.upload(console, ImportKind.ROSTER, "2026-11", "2026-12-01", "roster.csv", file);

		assertThat(uploads.state(again)).isEqualTo("UNCHANGED");
		assertThat(console.get("/imports/" + again).text()).contains("同じファイルは既に取り込まれています。変更はありません。");
		assertThat(members()).isEqualTo(2);
	}

	@Test
	void whenAFileIsOlderThanTheOneAppliedForTheMonthThenItIsRefused() {
		apply(csv(StandardCharsets.UTF_8, false, HEADER, TARO, HANAKO), "2026-11", "2026-12-02");

		long older = uploads.upload(console, ImportKind.ROSTER, "2026-11", "2026-12-01", "old.csv",
				csv(StandardCharsets.UTF_8, false, HEADER, TARO, HANAKO, JIRO));

		assertThat(uploads.awaitState(older)).isEqualTo("FAILED");
		assertThat(console.get("/imports/" + older).text()).contains("より新しいファイル（作成日 2026-12-02）");
		assertThat(members()).isEqualTo(2);
	}

	@Test
	void whenRowsContradictEachOtherThenEachIsReportedAndNothingIsWritten() {
		long job = uploads.upload(console, ImportKind.ROSTER, "2026-11", "2026-12-01", "dup.csv",
				csv(StandardCharsets.UTF_8, false, HEADER, TARO, TARO.replace("P001", "P009"), HANAKO.replace(",10,0001,", ",10,0005,")));

		assertThat(uploads.awaitState(job)).isEqualTo("FAILED");
		Page page = console.get("/imports/" + job);
		assertThat(page.text()).contains("同じ記号・番号・枝番（10-0001-00）の行が2つ以上あります。",
				"同じ記号・番号（10-0005）の被保険者（枝番 00）の行がありません。");
		assertThat(members()).isZero();
		assertThat(jdbc.sql("select count(*) from member_import_staging where job_id = ?").param(job).query(Long.class).single())
			.isZero();
	}

	@Test
	void whenStaffDiscardThePreviewThenNothingIsApplied() {
		long job = uploads.upload(console, ImportKind.ROSTER, "2026-11", "2026-12-01", "roster.csv",
				csv(StandardCharsets.UTF_8, false, HEADER, TARO));
		assertThat(uploads.awaitState(job)).isEqualTo("PREVIEW");
		console.get("/imports/" + job);

		console.submit("/imports/" + job + "/discard", Map.of());

		assertThat(uploads.state(job)).isEqualTo("DISCARDED");
		assertThat(console.get("/imports/" + job).text()).contains("取り消しました。何も反映していません。");
		assertThat(members()).isZero();
		assertThat(audit("IMPORT_DISCARDED")).hasSize(1);
	}

	@Test
	void whenTheFormGetsLongOrControlInputThenJapaneseMessagesAndTheInputKeptShort() {
		console.get("/imports");
		Page page = console.postWithCsrf("/imports", Map.of("kind", "ROSTER\u0000", "month", "2".repeat(10_000),
				"created", "2026-12-01\u0007"));

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.text()).contains("ファイルの種類を選んでください。", "対象年月を 2026-11 の形で入力してください。",
				"作成日を 2026-12-01 の形で入力してください。", "ファイルを選んでください。");
		assertThat(page.value("month")).hasSize(20);
		assertThat(page.value("created")).isEqualTo("2026-12-01");

		console.get("/imports/clients");
		assertThat(console.get("/imports/clients").status()).isEqualTo(403);
	}

	private void apply(byte[] file, String month, String created) {
		long job = uploads.upload(console, ImportKind.ROSTER, month, created, "roster.csv", file);
		assertThat(uploads.awaitState(job)).isEqualTo("PREVIEW");
		console.get("/imports/" + job);
		console.submit("/imports/" + job + "/apply", Map.of());
		assertThat(uploads.awaitState(job)).isEqualTo("APPLIED");
	}

	private long members() {
		return jdbc.sql("select count(*) from member where kenpo_id = ?").param(kenpo.id()).query(Long.class).single();
	}

	private long memberId(String personKey) {
		return jdbc.sql("select id from member where kenpo_id = ? and person_key = ?")
			.params(kenpo.id(), personKey)
			.query(Long.class)
			.single();
	}

	private java.util.List<String> audit(String type) {
		return jdbc.sql("select detail from audit_event where kenpo_id = ? and type = ? order by id")
			.params(kenpo.id(), type)
			.query(String.class)
			.list();
	}

	static byte[] csv(Charset charset, boolean bom, String... lines) {
		String text = String.join("\r\n", lines) + "\r\n";
		byte[] body = text.getBytes(charset);
		if (!bom) {
			return body;
		}
		byte[] withBom = new byte[body.length + 3];
		withBom[0] = (byte) 0xEF;
		withBom[1] = (byte) 0xBB;
		withBom[2] = (byte) 0xBF;
		System.arraycopy(body, 0, withBom, 3, body.length);
		return withBom;
	}
}
