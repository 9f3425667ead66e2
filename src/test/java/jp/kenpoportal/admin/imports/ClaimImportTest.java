package jp.kenpoportal.admin.imports;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;

import jp.kenpoportal.admin.staff.StaffRole;
import jp.kenpoportal.medical.MedicalExpenses;
import jp.kenpoportal.member.Household;
import jp.kenpoportal.member.MemberDirectory;
import jp.kenpoportal.support.PortalTest;
import jp.kenpoportal.support.TestBrowser;
import jp.kenpoportal.support.TestBrowser.Page;
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
import static jp.kenpoportal.admin.imports.RosterImportTest.TARO;
import static jp.kenpoportal.admin.imports.RosterImportTest.csv;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 医療費 import: claim lines by person key, applied at once in one transaction; a line whose
 * 公開日 is still ahead stays hidden from the member until then; the same content again changes
 * nothing; a person not on the roster fails the whole file.
 */
@PortalTest
class ClaimImportTest {

	static final String CLAIMS = "個人番号,診療年月,区分,医療機関名,日数,医療費総額,保険者負担,公費,自己負担,公開日";

	@LocalServerPort
	int port;

	@Autowired
	TestStaff staff;

	@Autowired
	KenpoDirectory kenpos;

	@Autowired
	MemberDirectory members;

	@Autowired
	MedicalExpenses medical;

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
				csv(StandardCharsets.UTF_8, false, HEADER, TARO, HANAKO));
		assertThat(uploads.awaitState(roster)).isEqualTo("PREVIEW");
		console.get("/imports/" + roster);
		console.submit("/imports/" + roster + "/apply", Map.of());
		assertThat(uploads.awaitState(roster)).isEqualTo("APPLIED");
	}

	@Test
	void whenAnMs932ClaimsFileIsUploadedThenItIsAppliedAndAFutureLineStaysHiddenUntilItsDate() {
		long job = uploads.upload(console, ImportKind.CLAIMS, "2026-09", "2026-11-10", "claims-sjis.csv",
				csv(jp.kenpoportal.admin.imports.FileCheck.MS932, false, CLAIMS,
						"P001,2026-08,外来,髙木内科クリニック,2,\"12,340\",8638,0,3702,2026-10-20",
						"P001,202608,調剤,さくら薬局,1,5600,3920,0,1680,2026-10-20",
						"P002,2026/09,歯科,ひまわり歯科,3,9800,6860,1000,1940,2099-01-20"));

		assertThat(uploads.awaitState(job)).isEqualTo("APPLIED");
		Page page = console.get("/imports/" + job);
		assertThat(page.text()).contains("Shift_JIS (MS932)", "ファイルの内容を反映しました。");
		assertThat(page.doc().select("#job-counts dd").eachText()).startsWith("3", "3", "0", "0");

		Household household = members.householdOf(kenpo.id(), memberId("P001")).orElseThrow();
		Instant now = Instant.parse("2026-12-01T00:00:00Z");
		assertThat(medical.publishedMonths(household, now)).containsExactly(YearMonth.of(2026, 8));
		assertThat(medical.published(household, YearMonth.of(2026, 8), YearMonth.of(2026, 9), now))
			.extracting(c -> c.providerName())
			.containsExactlyInAnyOrder("髙木内科クリニック", "さくら薬局");
		assertThat(medical.publishedMonths(household, Instant.parse("2099-01-20T00:00:00Z")))
			.contains(YearMonth.of(2026, 9));
		assertThat(jdbc.sql("select public_paid from medical_claim where kenpo_id = ? and provider_name = 'ひまわり歯科'")
			.param(kenpo.id())
			.query(Integer.class)
			.single()).isEqualTo(1000);
	}

	@Test
	void whenTheSameClaimsComeAgainThenTheSameFileIsUnchangedAndRewrittenContentChangesNothing() {
		byte[] file = csv(StandardCharsets.UTF_8, false, CLAIMS, "P001,2026-08,外来,内科,2,10000,7000,0,3000,2026-10-20");
		long first = uploads.upload(console, ImportKind.CLAIMS, "2026-08", "2026-10-01", "claims.csv", file);
		assertThat(uploads.awaitState(first)).isEqualTo("APPLIED");

		long same = uploads.upload(console, ImportKind.CLAIMS, "2026-08", "2026-10-01", "claims.csv", file);
		assertThat(uploads.state(same)).isEqualTo("UNCHANGED");

		// the same lines with LF line ends: another file, the same data
		byte[] lf = new String(file, StandardCharsets.UTF_8).replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8);
		long rewritten = uploads.upload(console, ImportKind.CLAIMS, "2026-08", "2026-10-02", "claims-lf.csv", lf);
		assertThat(uploads.awaitState(rewritten)).isEqualTo("APPLIED");
		assertThat(console.get("/imports/" + rewritten).text()).contains("変更はありません。");
		assertThat(jdbc.sql("select count(*) from medical_claim where kenpo_id = ?").param(kenpo.id()).query(Long.class).single())
			.isEqualTo(1);
	}

	@Test
	void whenALineNamesAPersonNotOnTheRosterThenNoLineOfTheFileIsWritten() {
		long job = uploads.upload(console, ImportKind.CLAIMS, "2026-08", "2026-10-01", "claims.csv",
				csv(StandardCharsets.UTF_8, false, CLAIMS, "P001,2026-08,外来,内科,2,10000,7000,0,3000,2026-10-20",
						"X999,2026-08,外来,内科,2,10000,7000,0,3000,2026-10-20",
						"P002,2026-08,外来,内科,2,10000,5000,2000,3000,2026-10-20"));

		assertThat(uploads.awaitState(job)).isEqualTo("FAILED");
		assertThat(console.get("/imports/" + job).doc().select("#import-errors tbody tr").eachText()).containsExactly(
				"3 個人番号 名簿にない個人番号（X999）です。先に名簿を取り込んでください。");
		assertThat(jdbc.sql("select count(*) from medical_claim where kenpo_id = ?").param(kenpo.id()).query(Long.class).single())
			.isZero();
	}

	@Test
	void whenSharesExceedTheTotalThenTheLineIsRefused() {
		long job = uploads.upload(console, ImportKind.CLAIMS, "2026-08", "2026-10-01", "claims.csv",
				csv(StandardCharsets.UTF_8, false, CLAIMS, "P001,2026-08,外来,内科,2,10000,7000,1000,3000,2026-10-20"));

		assertThat(uploads.awaitState(job)).isEqualTo("FAILED");
		assertThat(console.get("/imports/" + job).text()).contains("保険者負担・公費・自己負担の合計が医療費総額を超えています。");
	}

	static final String DECISIONS = "決定番号,個人番号,種別,診療年月,期間開始,期間終了,医療機関名,決定日,支払日,支給額,直接支払額,費用額,支払先,金融機関名,口座番号下4桁,対象者個人番号,公開日";

	@Test
	void whenDecisionsAreUploadedThenTheyAreMergedByNumberWithTheirCoveredPersons() {
		long job = uploads.upload(console, ImportKind.DECISIONS, "2026-11", "2026-11-30", "decisions.csv",
				csv(StandardCharsets.UTF_8, true, DECISIONS,
						"D-001,P001,高額療養費,2026-08,,,,2026-11-10,2026-11-25,42000,,,本人口座,さくら銀行,1234,P001 P002,2026-11-20",
						"D-002,P001,傷病手当金,,2026-09-01,2026-09-30,,2026-11-10,2026-11-25,180000,,,事業所,,,,2026-11-20"));

		assertThat(uploads.awaitState(job)).isEqualTo("APPLIED");
		assertThat(jdbc.sql("""
				select d.decision_number || ':' || d.payee || ':' || coalesce(d.account_last_digits, '-') || ':'
				  || (select count(*) from benefit_decision_coverage c where c.decision_id = d.id)
				from benefit_decision d where d.kenpo_id = ? order by d.decision_number""")
			.param(kenpo.id())
			.query(String.class)
			.list()).containsExactly("D-001:MEMBER_ACCOUNT:1234:2", "D-002:EMPLOYER:-:0");

		long fixed = uploads.upload(console, ImportKind.DECISIONS, "2026-11", "2026-12-01", "decisions-2.csv",
				csv(StandardCharsets.UTF_8, false, DECISIONS,
						"D-001,P001,高額療養費,2026-08,,,,2026-11-10,2026-11-25,43000,,,本人口座,さくら銀行,1234,P001,2026-11-20"));
		assertThat(uploads.awaitState(fixed)).isEqualTo("APPLIED");
		assertThat(jdbc.sql("""
				select amount || ':' || (select count(*) from benefit_decision_coverage c where c.decision_id = d.id)
				from benefit_decision d where d.kenpo_id = ? and decision_number = 'D-001'""")
			.param(kenpo.id())
			.query(String.class)
			.single()).isEqualTo("43000:1");
	}

	@Test
	void whenADecisionIsPaidToAnAccountWithoutItsDigitsThenTheFileIsRefused() {
		long job = uploads.upload(console, ImportKind.DECISIONS, "2026-11", "2026-11-30", "decisions.csv",
				csv(StandardCharsets.UTF_8, false, DECISIONS,
						"D-003,P001,療養費,2026-08,,,,2026-11-10,2026-11-25,8000,,12000,本人口座,,,,2026-11-20"));

		assertThat(uploads.awaitState(job)).isEqualTo("FAILED");
		assertThat(console.get("/imports/" + job).text()).contains("支払先が本人口座のときだけ");
		assertThat(jdbc.sql("select count(*) from benefit_decision where kenpo_id = ?").param(kenpo.id()).query(Long.class).single())
			.isZero();
	}

	private long memberId(String personKey) {
		return jdbc.sql("select id from member where kenpo_id = ? and person_key = ?")
			.params(kenpo.id(), personKey)
			.query(Long.class)
			.single();
	}
}
