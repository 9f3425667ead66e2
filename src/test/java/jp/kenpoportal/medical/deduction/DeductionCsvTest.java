package jp.kenpoportal.medical.deduction;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DeductionCsvTest {

	private static final List<DeductionRow> ROWS = List.of(
			new DeductionRow("山田 太郎", "さくら総合病院", DeductionCategory.TREATMENT, 12345, 2000, LocalDate.of(2025, 1, 15)),
			new DeductionRow("山田 花子", "あおば薬局", DeductionCategory.MEDICINE, 3210, 0, LocalDate.of(2025, 2, 3)),
			new DeductionRow("山田 一郎", "ひまわり介護センター", DeductionCategory.CARE_SERVICE, 8000, 0, LocalDate.of(2025, 7, 31)),
			new DeductionRow("山田 花子", "タクシー（通院）", DeductionCategory.OTHER, 1500, 0, null));

	@Test
	void whenWrittenThenItIsUtf8WithABomAndTheFormsColumnTitles() throws IOException {
		byte[] bytes = bytesOf(ROWS);

		assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
		assertThat(records(bytes).get(0).getFields()).containsExactly("医療を受けた人", "病院・薬局などの名称", "診療・治療", "医薬品購入",
				"介護保険サービス", "その他の医療費", "支払った医療費の金額", "左のうち、補填される金額", "支払年月日");
	}

	@Test
	void whenWrittenThenEveryLineEndsWithCrLf() throws IOException {
		String text = new String(bytesOf(ROWS), StandardCharsets.UTF_8);

		assertThat(text).endsWith("\r\n");
		assertThat(text.split("\r\n", -1)).hasSize(ROWS.size() + 2);
		assertThat(text.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
	}

	@Test
	void whenRowsAreWrittenThenFlagsAmountsAndDatesAreAsOnTheForm() throws IOException {
		List<CsvRecord> records = records(bytesOf(ROWS));

		assertThat(records).hasSize(ROWS.size() + 1);
		assertThat(records.get(1).getFields())
			.containsExactly("山田 太郎", "さくら総合病院", "該当する", "", "", "", "12345", "2000", "2025/01/15");
		assertThat(records.get(2).getFields())
			.containsExactly("山田 花子", "あおば薬局", "", "該当する", "", "", "3210", "0", "2025/02/03");
		assertThat(records.get(3).getFields())
			.containsExactly("山田 一郎", "ひまわり介護センター", "", "", "該当する", "", "8000", "0", "2025/07/31");
		assertThat(records.get(4).getFields())
			.containsExactly("山田 花子", "タクシー（通院）", "", "", "", "該当する", "1500", "0", "");
	}

	@Test
	void whenAPayeeHoldsCommasQuotesOrLineBreaksThenItIsQuotedAndReadsBackWhole() throws IOException {
		String payee = "さくら病院, \"本院\"\r\n内科";
		byte[] bytes = bytesOf(List.of(row("山田 太郎", payee)));

		assertThat(new String(bytes, StandardCharsets.UTF_8)).contains(",\"さくら病院, \"\"本院\"\"\r\n内科\",");
		assertThat(records(bytes).get(1).getField(1)).isEqualTo(payee);
		assertThat(records(bytes).get(1).getFieldCount()).isEqualTo(9);
	}

	@Test
	void whenPayeeIsLongerThanTwentyCharactersThenItIsCut() throws IOException {
		List<CsvRecord> records = records(bytesOf(List.of(row("寿限無寿限無五劫の擦り切れ", "医療法人社団さくら会さくら総合病院附属東京クリニック"))));

		assertThat(records.get(1).getField(0)).isEqualTo("寿限無寿限無五劫の擦");
		assertThat(records.get(1).getField(1)).isEqualTo("医療法人社団さくら会さくら総合病院附属東");
	}

	@Test
	void whenANameStartsLikeAFormulaThenTheFieldGetsALeadingQuote() throws IOException {
		List<CsvRecord> records = records(bytesOf(List.of(row("=1+1", "+SUM(A1)"), row("-2", "@cmd"),
				row("\t=1", "=HYPERLINK(\"x\",\"y\")"))));

		assertThat(records.get(1).getField(0)).isEqualTo("'=1+1");
		assertThat(records.get(1).getField(1)).isEqualTo("'+SUM(A1)");
		assertThat(records.get(2).getField(0)).isEqualTo("'-2");
		assertThat(records.get(2).getField(1)).isEqualTo("'@cmd");
		// A leading tab is stripped with the other surrounding spaces; what is left is still guarded.
		assertThat(records.get(3).getField(0)).isEqualTo("'=1");
		assertThat(records.get(3).getField(1)).isEqualTo("'=HYPERLINK(\"x\",\"y\")");
	}

	@Test
	void whenAFieldStartsWithATabOrACarriageReturnThenItGetsALeadingQuoteToo() {
		assertThat(DeductionCsv.field("\tcmd")).isEqualTo("'\tcmd");
		assertThat(DeductionCsv.field("\rcmd")).isEqualTo("\"'\rcmd\"");
		assertThat(DeductionCsv.field("さくら病院")).isEqualTo("さくら病院");
	}

	@Test
	void whenAPaymentIsOutsideTheYearThenNothingIsWritten() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		DeductionRow nextYear = new DeductionRow("山田 太郎", "さくら病院", DeductionCategory.TREATMENT, 1000, 0,
				LocalDate.of(2026, 1, 1));

		assertThatIllegalArgumentException().isThrownBy(() -> DeductionCsv.write(2025, List.of(nextYear), out));
		assertThat(out.size()).isZero();
	}

	@Test
	void whenThereAreMoreRowsThanTheWorkbookTakesThenTheCsvHoldsThemAll() throws IOException {
		List<DeductionRow> rows = Collections.nCopies(DeductionWorkbook.MAX_ROWS + 5, row("山田 太郎", "さくら病院"));

		assertThat(records(bytesOf(rows))).hasSize(rows.size() + 1);
	}

	private static DeductionRow row(String patient, String payee) {
		return new DeductionRow(patient, payee, DeductionCategory.TREATMENT, 1000, 0, LocalDate.of(2025, 5, 1));
	}

	private static byte[] bytesOf(List<DeductionRow> rows) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		DeductionCsv.write(2025, rows, out);
		return out.toByteArray();
	}

	/** Parsed by FastCSV, an RFC 4180 reader apart from our writer; the BOM is checked and dropped. */
	private static List<CsvRecord> records(byte[] bytes) throws IOException {
		assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
		String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
		try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(text)) {
			return reader.stream().toList();
		}
	}
}
