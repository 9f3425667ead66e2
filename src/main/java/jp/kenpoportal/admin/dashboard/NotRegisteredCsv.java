package jp.kenpoportal.admin.dashboard;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.format.DateTimeFormatter;
import java.util.List;

import jp.kenpoportal.account.NotRegisteredMember;

/**
 * The CSV of insured persons who have not finished the first registration, for follow-up letters:
 * CRLF line ends, a header line, RFC 4180 quoting, written row by row as the rows come.
 *
 * <p>
 * Quoting is written here rather than with a CSV library, as for the 医療費 deduction CSV: a
 * few lines for one fixed layout. The roster has no postal address yet, so there is no address
 * column.
 */
final class NotRegisteredCsv {

	static final List<String> HEADER = List.of("記号", "番号", "氏名", "氏名カナ", "生年月日");

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu/MM/dd");

	private final Writer writer;

	private long rows;

	NotRegisteredCsv(OutputStream out, CsvEncoding encoding) {
		this.writer = new BufferedWriter(new OutputStreamWriter(out, encoding.encoder()));
		try {
			if (encoding.byteOrderMark()) {
				writer.write('\uFEFF');
			}
			line(HEADER);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	void add(NotRegisteredMember m) {
		try {
			line(List.of(m.symbol(), m.number(), m.name(), m.nameKana(), DATE.format(m.birthDate())));
			rows++;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Writes out what is buffered; returns the number of members written. */
	long finish() throws IOException {
		writer.flush();
		return rows;
	}

	private void line(List<String> fields) throws IOException {
		for (int i = 0; i < fields.size(); i++) {
			if (i > 0) {
				writer.write(',');
			}
			writer.write(field(fields.get(i)));
		}
		writer.write("\r\n");
	}

	/*
	 * A leading quote makes a spreadsheet show the text instead of running it as a formula (OWASP,
	 * CSV injection): names come from the kenpo's core system.
	 */
	static String field(String value) {
		String safe = looksLikeFormula(value) ? "'" + value : value;
		if (safe.indexOf(',') < 0 && safe.indexOf('"') < 0 && safe.indexOf('\r') < 0 && safe.indexOf('\n') < 0) {
			return safe;
		}
		return '"' + safe.replace("\"", "\"\"") + '"';
	}

	static boolean looksLikeFormula(String text) {
		if (text.isEmpty()) {
			return false;
		}
		char first = text.charAt(0);
		return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
				|| first == '＝' || first == '＋' || first == '－' || first == '＠';
	}
}
