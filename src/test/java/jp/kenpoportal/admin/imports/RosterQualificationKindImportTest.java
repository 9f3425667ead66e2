package jp.kenpoportal.admin.imports;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import jp.kenpoportal.admin.staff.StaffRole;
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
 * The roster's 資格区分 column (一般 / 任意継続 / 特例退職, empty = 一般): the documented samples in
 * UTF-8 and MS932 import with it, a change of it shows in the preview, a file without the column
 * is refused naming it, and a household cannot be half 任意継続. Each test has a kenpo of its own.
 */
@PortalTest
class RosterQualificationKindImportTest {

	@LocalServerPort
	int port;

	@Autowired
	TestStaff staff;

	@Autowired
	KenpoDirectory kenpos;

	@Autowired
	JdbcClient jdbc;

	Kenpo kenpo;

	TestBrowser console;

	ImportUploads uploads;

	@BeforeEach
	void signIn() {
		kenpo = TestKenpos.allFactors(kenpos);
		console = TestBrowser.console(port);
		staff.signIn(console, staff.create(kenpo.code(), StaffRole.CLERK));
		uploads = new ImportUploads(port, jdbc);
	}

	@Test
	void whenTheUtf8SampleIsImportedThenTheContinuedHouseholdIsStoredAsSuch() {
		apply(Path.of("docs/imports/roster.csv"));

		assertThat(kinds()).containsExactly("S0001 GENERAL", "S0002 GENERAL", "S0003 GENERAL", "S0004 GENERAL",
				"S0005 CONTINUED", "S0006 CONTINUED");
	}

	@Test
	void whenTheMs932SampleIsImportedThenItsEncodingIsReportedAndTheKindsAreStored() {
		long job = apply(Path.of("docs/imports/roster-sjis.csv"));

		assertThat(console.get("/imports/" + job).text()).contains("Shift_JIS (MS932)");
		assertThat(kinds()).contains("S0005 CONTINUED", "S0006 CONTINUED", "S0001 GENERAL");
	}

	@Test
	void whenAHouseholdBecomesContinuedThenThePreviewNamesTheFieldAndApplyStoresIt() {
		apply(csv(StandardCharsets.UTF_8, false, HEADER, TARO, HANAKO));

		// 太郎 left the employer and kept the kenpo: 任意継続, no 事業所 any more
		String taro = TARO.replace(",E01,本社,", ",,,").replaceAll(",$", ",任意継続");
		String hanako = HANAKO.replace(",E01,本社,", ",,,").replaceAll(",$", ",任継");
		long job = uploads.upload(console, ImportKind.ROSTER, "2026-12", "2027-01-01", "roster-12.csv",
				csv(StandardCharsets.UTF_8, false, HEADER, taro, hanako));
		assertThat(uploads.awaitState(job)).isEqualTo("PREVIEW");
		Page preview = console.get("/imports/" + job);
		assertThat(preview.doc().select("#roster-changes tbody tr").eachText())
			.anySatisfy(row -> assertThat(row).contains("取込 太郎", "資格区分", "事業所"));
		assertThat(kinds()).as("nothing before confirmation").containsExactly("P001 GENERAL", "P002 GENERAL");

		console.submit("/imports/" + job + "/apply", Map.of());
		assertThat(uploads.awaitState(job)).isEqualTo("APPLIED");
		assertThat(kinds()).containsExactly("P001 CONTINUED", "P002 CONTINUED");
	}

	@Test
	void whenTheColumnIsMissingThenTheFileIsRefusedNamingIt() {
		String oldHeader = HEADER.replace(",資格区分", "");
		Page page = failed(csv(StandardCharsets.UTF_8, false, oldHeader, TARO.substring(0, TARO.length() - 1)));

		assertThat(rows(page)).contains("1 資格区分 この列がありません。");
		assertThat(kinds()).isEmpty();
	}

	@Test
	void whenADependantsKindDiffersFromTheInsuredsThenTheRowIsReportedAndNothingWritten() {
		String taro = TARO.replaceAll(",$", ",任意継続");
		Page page = failed(csv(StandardCharsets.UTF_8, false, HEADER, taro, HANAKO));

		assertThat(rows(page)).containsExactly(
				"3 資格区分 被扶養者の資格区分が、同じ記号・番号（10-0001）の被保険者（枝番 00）の資格区分と違います。");
		assertThat(kinds()).isEmpty();
	}

	@Test
	void whenTheKindIsUnknownThenTheRowIsReportedWithTheAllowedValues() {
		Page page = failed(csv(StandardCharsets.UTF_8, false, HEADER, TARO.replaceAll(",$", ",退職")));

		assertThat(rows(page)).singleElement()
			.satisfies(r -> assertThat(r).startsWith("2 資格区分").contains("一般・任意継続・任継・特例退職・特退"));
		assertThat(kinds()).isEmpty();
	}

	private long apply(Path file) {
		long job = uploads.upload(console, ImportKind.ROSTER, "2026-11", "2026-12-01", file.getFileName().toString(), file);
		return confirm(job);
	}

	private void apply(byte[] file) {
		confirm(uploads.upload(console, ImportKind.ROSTER, "2026-11", "2026-12-01", "roster.csv", file));
	}

	private long confirm(long job) {
		assertThat(uploads.awaitState(job)).isEqualTo("PREVIEW");
		console.get("/imports/" + job);
		console.submit("/imports/" + job + "/apply", Map.of());
		assertThat(uploads.awaitState(job)).isEqualTo("APPLIED");
		return job;
	}

	private Page failed(byte[] file) {
		long job = uploads.upload(console, ImportKind.ROSTER, "2026-11", "2026-12-01", "roster.csv", file);
		assertThat(uploads.awaitState(job)).isEqualTo("FAILED");
		return console.get("/imports/" + job);
	}

	private static List<String> rows(Page page) {
		return page.doc().select("#import-errors tbody tr").stream().map(tr -> tr.text()).toList();
	}

	private List<String> kinds() {
		return jdbc.sql("select person_key || ' ' || qualification_kind from member where kenpo_id = ? order by person_key")
			.param(kenpo.id())
			.query(String.class)
			.list();
	}
}
