package jp.kenpoportal.medical.deduction;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The same rows as {@link DeductionWorkbook}, as CSV: UTF-8 with a BOM (Excel on Windows reads a
 * BOM-less file as Shift_JIS and garbles the Japanese), CRLF line ends, a header line of the form's
 * column titles, 「該当する」 or nothing in the 区分 columns, dates as yyyy/MM/dd.
 *
 * <p>
 * Quoting is written here (RFC 4180: quote a field holding a comma, a quote or a line break, and
 * double its quotes) rather than with a CSV library: it is these few lines, for one fixed layout.
 * There is no row limit; the CSV is the way out for a household with more rows than the form takes.
 */
public final class DeductionCsv {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu/MM/dd");

	private static final String CRLF = "\r\n";

	private DeductionCsv() {
	}

	/**
	 * Writes the CSV to {@code out}, leaving it open.
	 * @throws IllegalArgumentException before writing anything, for a payment dated outside
	 * {@code year}
	 */
	public static void write(int year, List<DeductionRow> rows, OutputStream out) throws IOException {
		DeductionForm.checkYear(year, rows);
		Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
		writer.write('\uFEFF');
		line(writer, DeductionForm.TITLES);
		for (DeductionRow row : rows) {
			line(writer, fields(row));
		}
		writer.flush();
	}

	private static List<String> fields(DeductionRow row) {
		List<String> fields = new ArrayList<>(DeductionForm.TITLES.size());
		fields.add(DeductionForm.patient(row));
		fields.add(DeductionForm.payee(row));
		for (DeductionCategory category : DeductionCategory.values()) {
			fields.add(category == row.category() ? DeductionForm.APPLIES : "");
		}
		fields.add(Long.toString(row.paidAmount()));
		fields.add(Long.toString(row.reimbursedAmount()));
		fields.add(row.paidOn() == null ? "" : DATE.format(row.paidOn()));
		return fields;
	}

	private static void line(Writer writer, List<String> fields) throws IOException {
		for (int i = 0; i < fields.size(); i++) {
			if (i > 0) {
				writer.write(',');
			}
			writer.write(field(fields.get(i)));
		}
		writer.write(CRLF);
	}

	/*
	 * A leading quote makes a spreadsheet show the text instead of running it as a formula (OWASP,
	 * CSV injection); provider names come from a kenpo's core system. Amounts and dates never start
	 * so, only names can.
	 */
	static String field(String value) {
		String safe = DeductionForm.looksLikeFormula(value) ? "'" + value : value;
		if (safe.indexOf(',') < 0 && safe.indexOf('"') < 0 && safe.indexOf('\r') < 0 && safe.indexOf('\n') < 0) {
			return safe;
		}
		return '"' + safe.replace("\"", "\"\"") + '"';
	}
}
