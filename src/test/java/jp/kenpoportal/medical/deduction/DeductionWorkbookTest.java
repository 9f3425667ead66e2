package jp.kenpoportal.medical.deduction;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DeductionWorkbookTest {

	private static final List<DeductionRow> ROWS = List.of(
			new DeductionRow("山田 太郎", "さくら総合病院", DeductionCategory.TREATMENT, 12345, 2000, LocalDate.of(2025, 1, 15)),
			new DeductionRow("山田 花子", "あおば薬局", DeductionCategory.MEDICINE, 3210, 0, LocalDate.of(2025, 2, 3)),
			new DeductionRow("山田 一郎", "ひまわり介護センター", DeductionCategory.CARE_SERVICE, 8000, 0, LocalDate.of(2025, 7, 31)),
			new DeductionRow("山田 花子", "タクシー（通院）", DeductionCategory.OTHER, 1500, 0, null));

	@Test
	void whenWrittenThenTheSheetCarriesTheFormsNameAndColumnTitles() throws IOException {
		XSSFSheet sheet = sheetOf(ROWS);

		assertThat(sheet.getWorkbook().getNumberOfSheets()).isEqualTo(1);
		assertThat(sheet.getSheetName()).isEqualTo("医療費集計フォーム");
		assertThat(text(sheet, "B3")).isEqualTo("医療費の合計");
		assertThat(text(sheet, "B4")).isEqualTo("補填される金額の合計");
		assertThat(text(sheet, "A2")).isEqualTo("2025年（令和7年）分");
		assertThat(List.of(text(sheet, "B7"), text(sheet, "C7"), text(sheet, "D7"), text(sheet, "H7"), text(sheet, "I7"),
				text(sheet, "J7")))
			.containsExactly("医療を受けた人", "病院・薬局などの名称", "医療費の区分", "支払った医療費の金額", "左のうち、補填される金額", "支払年月日");
		assertThat(List.of(text(sheet, "D8"), text(sheet, "E8"), text(sheet, "F8"), text(sheet, "G8")))
			.containsExactly("診療・治療", "医薬品購入", "介護保険サービス", "その他の医療費");
		assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 8);
	}

	@Test
	void whenRowsAreWrittenThenEachFillsColumnsBToJFromRowNine() throws IOException {
		XSSFSheet sheet = sheetOf(ROWS);

		assertThat(number(sheet, "A9")).isEqualTo(1);
		assertThat(text(sheet, "B9")).isEqualTo("山田 太郎");
		assertThat(text(sheet, "C9")).isEqualTo("さくら総合病院");
		assertThat(List.of(text(sheet, "D9"), text(sheet, "E9"), text(sheet, "F9"), text(sheet, "G9")))
			.containsExactly("該当する", "", "", "");
		assertThat(List.of(text(sheet, "D10"), text(sheet, "E10"), text(sheet, "F10"), text(sheet, "G10")))
			.containsExactly("", "該当する", "", "");
		assertThat(List.of(text(sheet, "D11"), text(sheet, "E11"), text(sheet, "F11"), text(sheet, "G11")))
			.containsExactly("", "", "該当する", "");
		assertThat(List.of(text(sheet, "D12"), text(sheet, "E12"), text(sheet, "F12"), text(sheet, "G12")))
			.containsExactly("", "", "", "該当する");
		assertThat(number(sheet, "H9")).isEqualTo(12345);
		assertThat(number(sheet, "I9")).isEqualTo(2000);
		assertThat(number(sheet, "I10")).isZero();
		assertThat(cell(sheet, "H9").getCellStyle().getDataFormatString()).isEqualTo("#,##0");
		assertThat(cell(sheet, "I9").getCellStyle().getDataFormatString()).isEqualTo("#,##0");
		assertThat(cell(sheet, "J9").getCellType()).isEqualTo(CellType.NUMERIC);
		assertThat(DateUtil.isCellDateFormatted(cell(sheet, "J9"))).isTrue();
		assertThat(cell(sheet, "J9").getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2025, 1, 15));
		assertThat(cell(sheet, "J9").getCellStyle().getDataFormatString()).isEqualTo("yyyy/mm/dd");
		assertThat(cell(sheet, "J12").getCellType()).isEqualTo(CellType.BLANK);
		assertThat(sheet.getLastRowNum()).isEqualTo(11);
	}

	@Test
	void whenRowsAreWrittenThenTheTotalsAreNumbersInC3AndC4() throws IOException {
		XSSFSheet sheet = sheetOf(ROWS);

		assertThat(cell(sheet, "C3").getCellType()).isEqualTo(CellType.NUMERIC);
		assertThat(number(sheet, "C3")).isEqualTo(12345 + 3210 + 8000 + 1500);
		assertThat(cell(sheet, "C4").getCellType()).isEqualTo(CellType.NUMERIC);
		assertThat(number(sheet, "C4")).isEqualTo(2000);
		assertThat(cell(sheet, "C3").getCellStyle().getDataFormatString()).isEqualTo("#,##0");
	}

	@Test
	void whenThereAreNoRowsThenTheTotalsAreZeroAndNoRowFollowsTheTitles() throws IOException {
		XSSFSheet sheet = sheetOf(List.of());

		assertThat(number(sheet, "C3")).isZero();
		assertThat(number(sheet, "C4")).isZero();
		assertThat(sheet.getLastRowNum()).isEqualTo(7);
	}

	@Test
	void whenThePatientIsLongerThanTenCharactersThenItIsCut() throws IOException {
		XSSFSheet sheet = sheetOf(List.of(row("寿限無寿限無五劫の擦り切れ", "さくら病院")));

		assertThat(text(sheet, "B9")).isEqualTo("寿限無寿限無五劫の擦");
	}

	@Test
	void whenPayeeIsLongerThanTwentyCharactersThenItIsCut() throws IOException {
		XSSFSheet sheet = sheetOf(List.of(row("山田 太郎", "医療法人社団さくら会さくら総合病院附属東京クリニック")));

		assertThat(text(sheet, "C9")).isEqualTo("医療法人社団さくら会さくら総合病院附属東");
		assertThat(text(sheet, "C9").codePointCount(0, text(sheet, "C9").length())).isEqualTo(20);
	}

	@Test
	void whenANameHasCharactersOutsideTheBasicPlaneThenEachCountsAsOne() throws IOException {
		// 𠮷 is a surrogate pair in Java: cutting by chars would split it.
		XSSFSheet sheet = sheetOf(List.of(row("𠮷野𠮷野𠮷野𠮷野𠮷野𠮷", "さくら病院")));

		assertThat(text(sheet, "B9")).isEqualTo("𠮷野𠮷野𠮷野𠮷野𠮷野");
	}

	@Test
	void whenANameFitsThenOnlyItsSurroundingSpacesGo() throws IOException {
		XSSFSheet sheet = sheetOf(List.of(row("　山田 太郎 ", "さくら総合病院附属東京クリニック内科外来")));

		assertThat(text(sheet, "B9")).isEqualTo("山田 太郎");
		assertThat(text(sheet, "C9")).isEqualTo("さくら総合病院附属東京クリニック内科外来");
	}

	@Test
	void whenANameStartsLikeAFormulaThenItStaysAPlainQuotePrefixedString() throws IOException {
		List<String> payees = List.of("=HYPERLINK(\"x\",\"y\")", "+1+1", "-2+3", "@SUM(A1)");
		XSSFSheet sheet = sheetOf(payees.stream().map(payee -> row("山田 太郎", payee)).toList());

		for (int i = 0; i < payees.size(); i++) {
			XSSFCell cell = sheet.getRow(8 + i).getCell(2);
			assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
			assertThat(cell.getStringCellValue()).isEqualTo(payees.get(i));
			assertThat(cell.getCellStyle().getQuotePrefixed()).isTrue();
		}
		assertThat(cell(sheet, "B9").getCellStyle().getQuotePrefixed()).isFalse();
	}

	@Test
	void whenANameStartsWithATabOrACarriageReturnThenTheyGoAndWhatFollowsIsStillNoFormula() throws IOException {
		XSSFSheet sheet = sheetOf(List.of(row("\t=1+1", "\r\n@cmd")));

		assertThat(cell(sheet, "B9").getCellType()).isEqualTo(CellType.STRING);
		assertThat(text(sheet, "B9")).isEqualTo("=1+1");
		assertThat(cell(sheet, "B9").getCellStyle().getQuotePrefixed()).isTrue();
		assertThat(text(sheet, "C9")).isEqualTo("@cmd");
		assertThat(cell(sheet, "C9").getCellStyle().getQuotePrefixed()).isTrue();
	}

	@Test
	void whenThereAreAsManyRowsAsTheFormTakesThenAllAreWritten() throws IOException {
		XSSFSheet sheet = sheetOf(Collections.nCopies(DeductionWorkbook.MAX_ROWS, row("山田 太郎", "さくら病院")));

		assertThat(sheet.getLastRowNum()).isEqualTo(8 + DeductionWorkbook.MAX_ROWS - 1);
		assertThat(number(sheet, "C3")).isEqualTo(1000L * DeductionWorkbook.MAX_ROWS);
	}

	@Test
	void whenThereAreMoreRowsThanTheFormTakesThenNothingIsWritten() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();

		assertThatIllegalArgumentException()
			.isThrownBy(() -> DeductionWorkbook.write(2025,
					Collections.nCopies(DeductionWorkbook.MAX_ROWS + 1, row("山田 太郎", "さくら病院")), out))
			.withMessageContaining("995");
		assertThat(out.size()).isZero();
	}

	@Test
	void whenAPaymentIsOutsideTheYearThenNothingIsWritten() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		DeductionRow lastYear = new DeductionRow("山田 太郎", "さくら病院", DeductionCategory.TREATMENT, 1000, 0,
				LocalDate.of(2024, 12, 31));

		assertThatIllegalArgumentException().isThrownBy(() -> DeductionWorkbook.write(2025, List.of(lastYear), out))
			.withMessageContaining("2024-12-31");
		assertThat(out.size()).isZero();
	}

	@Test
	void whenTheYearIsTheFirstOfReiwaThenItIsCalledGannen() {
		assertThat(yearLabel(2019)).isEqualTo("2019年（令和元年）分");
		assertThat(yearLabel(2018)).isEqualTo("2018年分");
	}

	private static String yearLabel(int year) {
		try {
			XSSFSheet sheet = sheetOf(year, List.of());
			return text(sheet, "A2");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static DeductionRow row(String patient, String payee) {
		return new DeductionRow(patient, payee, DeductionCategory.TREATMENT, 1000, 0, LocalDate.of(2025, 5, 1));
	}

	private static XSSFSheet sheetOf(List<DeductionRow> rows) throws IOException {
		return sheetOf(2025, rows);
	}

	private static XSSFSheet sheetOf(int year, List<DeductionRow> rows) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		DeductionWorkbook.write(year, rows, out);
		// Read back from the bytes, as the importer would: nothing of the writing workbook is reused.
		XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
		return book.getSheet("医療費集計フォーム");
	}

	private static XSSFCell cell(XSSFSheet sheet, String reference) {
		CellReference at = new CellReference(reference);
		return sheet.getRow(at.getRow()).getCell(at.getCol());
	}

	private static String text(XSSFSheet sheet, String reference) {
		XSSFCell cell = cell(sheet, reference);
		if (cell == null || cell.getCellType() == CellType.BLANK) {
			return "";
		}
		return cell.getStringCellValue();
	}

	private static long number(XSSFSheet sheet, String reference) {
		XSSFCell cell = cell(sheet, reference);
		assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
		return (long) cell.getNumericCellValue();
	}
}
