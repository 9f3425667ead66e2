package jp.kenpoportal.admin.imports;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import jp.kenpoportal.admin.staff.StaffRole;
import jp.kenpoportal.support.PortalTest;
import jp.kenpoportal.support.TestBrowser;
import jp.kenpoportal.support.TestBrowser.Download;
import jp.kenpoportal.support.TestBrowser.Page;
import jp.kenpoportal.support.TestKenpos;
import jp.kenpoportal.support.TestStaff;
import jp.kenpoportal.tenant.Kenpo;
import jp.kenpoportal.tenant.KenpoDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static jp.kenpoportal.admin.imports.RosterImportTest.HEADER;
import static jp.kenpoportal.admin.imports.RosterImportTest.TARO;
import static jp.kenpoportal.admin.imports.RosterImportTest.csv;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of bad file gets a clear Japanese message naming what is wrong (the line and column
 * where there is one), nothing of it is written, and the failure is audited: a ZIP or an image
 * renamed .csv, a header-only file, unknown and missing columns, NUL bytes, bytes that are
 * neither UTF-8 nor MS932, a 10,000-character field, a row with too few fields, 2 million rows
 * of one column. A cell that looks like a formula is only text, in the roster and in the report.
 */
@PortalTest
class ImportHostileInputTest {

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
	void whenAZipOrAnImageIsRenamedCsvThenItIsRefusedAsNoCsv() {
		byte[] zip = { 0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00 };
		byte[] png = { (byte) 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00 };

		assertThat(failed("archive.csv", zip).text()).contains("CSV ファイルではありません（ZIP のファイルです）。");
		assertThat(failed("photo.csv", png).text()).contains("CSV ファイルではありません（PNG のファイルです）。");
		assertNothingWritten();
	}

	@Test
	void whenTheFileHasOnlyItsHeaderThenItSaysThereAreNoRows() {
		assertThat(failed("header.csv", csv(StandardCharsets.UTF_8, false, HEADER)).text())
			.contains("データの行がありません（列名の行だけです）。");
		assertNothingWritten();
	}

	@Test
	void whenColumnsAreUnknownOrMissingThenEachIsNamed() {
		String header = HEADER.replace("氏名カナ", "フリガナ").replace(",世帯閲覧", "");
		Page page = failed("columns.csv", csv(StandardCharsets.UTF_8, false, header, TARO));

		assertThat(page.text()).contains("1行目の列名が定義と合いません。");
		assertThat(rows(page)).contains("1 フリガナ 定義にない列です。", "1 氏名カナ この列がありません。", "1 世帯閲覧 この列がありません。");
	}

	@Test
	void whenCellsAreBadThenEveryBadCellIsListedWithLineColumnAndReason() {
		String nul = TARO.replace("取込 太郎", "取込\u0000太郎");
		String longName = TARO.replace("P001", "P002").replace(",10,0001,", ",10,0002,").replace("取込 太郎", "あ".repeat(10_000));
		String formula = TARO.replace("P001", "P003").replace(",10,0001,", ",10,0003,").replace(",男,", ",=cmd|' /C calc'!A0,");
		String shortRow = "P004,10,0004,00,取込 四郎";
		String badDate = TARO.replace("P001", "P005").replace(",10,0001,", ",10,0005,").replace("1980-04-01", "1980-02-30");
		Page page = failed("cells.csv", csv(StandardCharsets.UTF_8, false, HEADER, nul, longName, formula, shortRow, badDate));

		assertThat(page.text()).contains("エラーのある行が 5 件あります。", "エラーは 5 件です。");
		assertThat(rows(page)).containsExactly("2 氏名 制御文字（NUL など）が含まれています。 取込?太郎",
				"3 氏名 100文字以内にしてください。 " + "あ".repeat(40), "4 性別 次のいずれかにしてください: 男・女・1・2 =cmd|' /C calc'!A0",
				"5 項目の数が列名の数（18）と合いません。", "6 生年月日 日付を 2026-04-01 または 20260401 の形にしてください。 1980-02-30");
		assertNothingWritten();

		long job = Long.parseLong(page.path().substring(page.path().lastIndexOf('/') + 1));
		Download report = console.download("/imports/" + job + "/errors.csv");
		String text = new String(report.body(), StandardCharsets.UTF_8);
		assertThat(report.header("Content-Type")).startsWith("text/csv");
		assertThat(text).startsWith("\uFEFF行,列,理由,値").contains("\"'=cmd|' /C calc'!A0\"").doesNotContain(",\"=cmd");
		assertThat(jdbc.sql("select detail from audit_event where kenpo_id = ? and type = 'IMPORT_FAILED'")
			.param(kenpo.id())
			.query(String.class)
			.single()).contains("file=cells.csv", "errors=5", "result=FAILED");
	}

	@Test
	void whenBytesAreNeitherUtf8NorMs932ThenTheLineIsNamed() {
		byte[] good = csv(StandardCharsets.UTF_8, false, HEADER, TARO);
		byte[] bad = new byte[good.length + 4];
		System.arraycopy(good, 0, bad, 0, good.length);
		bad[good.length] = (byte) 0x81;
		bad[good.length + 1] = 0x20;
		bad[good.length + 2] = '\r';
		bad[good.length + 3] = '\n';

		assertThat(failed("broken.csv", bad).text()).contains("UTF-8 でも Shift_JIS でもない文字があります。");
		assertNothingWritten();
	}

	@Test
	void whenMoreThanAThousandRowsAreBadThenTheFirstThousandAreShownAndAllAreInTheDownload() {
		String[] lines = new String[1_201];
		lines[0] = HEADER;
		for (int i = 1; i <= 1_200; i++) {
			lines[i] = TARO.replace("P001", "P" + i).replace("1980-04-01", "不明");
		}
		Page page = failed("many.csv", csv(StandardCharsets.UTF_8, false, lines));

		assertThat(page.doc().select("#import-errors tbody tr")).hasSize(ImportConsoleController.SHOWN);
		assertThat(page.text()).contains("エラーは 1,200 件です。", "最初の 1,000 件を表示しています。");
		long job = Long.parseLong(page.path().substring(page.path().lastIndexOf('/') + 1));
		String report = new String(console.download("/imports/" + job + "/errors.csv").body(), StandardCharsets.UTF_8);
		assertThat(report.lines()).hasSize(1 + 1_200);
	}

	@Test
	void whenTwoMillionRowsOfOneColumnComeThenTheHeaderIsRefusedAtOnce(@TempDir Path dir) throws Exception {
		Path file = dir.resolve("one-column.csv");
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write("個人番号\r\n");
			for (int i = 0; i < 2_000_000; i++) {
				out.write("1\r\n");
			}
		}
		long job = uploads.upload(console, ImportKind.ROSTER, "2026-11", "2026-12-01", "one-column.csv", file);

		assertThat(uploads.awaitState(job)).isEqualTo("FAILED");
		Page page = console.get("/imports/" + job);
		assertThat(page.text()).contains("1行目の列名が定義と合いません。");
		assertThat(rows(page)).contains("1 記号 この列がありません。");
		assertNothingWritten();
	}

	@Test
	void whenACellLooksLikeAFormulaThenItIsStoredAsText() {
		long job = uploads.upload(console, ImportKind.ROSTER, "2026-11", "2026-12-01", "formula.csv",
				csv(StandardCharsets.UTF_8, false, HEADER, TARO.replace("取込 太郎", "\"=HYPERLINK(\"\"http://x\"\")\"")));
		assertThat(uploads.awaitState(job)).isEqualTo("PREVIEW");
		console.get("/imports/" + job);
		console.submit("/imports/" + job + "/apply", java.util.Map.of());
		assertThat(uploads.awaitState(job)).isEqualTo("APPLIED");

		assertThat(jdbc.sql("select name from member where kenpo_id = ?").param(kenpo.id()).query(String.class).single())
			.isEqualTo("=HYPERLINK(\"http://x\")");
	}

	private Page failed(String name, byte[] file) {
		long job = uploads.upload(console, ImportKind.ROSTER, "2026-11", "2026-12-01", name, file);
		assertThat(uploads.awaitState(job)).isEqualTo("FAILED");
		Page page = console.get("/imports/" + job);
		assertThat(page.text()).contains("このファイルは取り込めませんでした。何も反映していません。");
		return page;
	}

	private static List<String> rows(Page page) {
		return page.doc().select("#import-errors tbody tr").stream().map(tr -> tr.text()).toList();
	}

	private void assertNothingWritten() {
		assertThat(jdbc.sql("select count(*) from member where kenpo_id = ?").param(kenpo.id()).query(Long.class).single())
			.isZero();
	}
}
