package jp.kenpoportal.admin.imports;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One row's cells by their Japanese header, each read with its check. A failed check reports a
 * {@link RowError} and gives null, so a row reports every bad cell at once. Cells are text as
 * delivered: a cell that looks like a spreadsheet formula (=, +, -, @) is stored as that text and
 * never evaluated; control characters (NUL included) are refused.
 */
final class Fields {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
		.withResolverStyle(ResolverStyle.STRICT);

	private static final DateTimeFormatter DATE_SLASH = DateTimeFormatter.ofPattern("uuuu/M/d")
		.withResolverStyle(ResolverStyle.STRICT);

	private static final DateTimeFormatter DATE_DIGITS = DateTimeFormatter.ofPattern("uuuuMMdd")
		.withResolverStyle(ResolverStyle.STRICT);

	private final Map<String, Integer> index;

	private final Consumer<RowError> errors;

	private String[] cells;

	private long line;

	private boolean bad;

	private int errorsInRow;

	Fields(Map<String, Integer> index, Consumer<RowError> errors) {
		this.index = index;
		this.errors = errors;
	}

	void reset(long line, String[] cells) {
		this.line = line;
		this.cells = cells;
		this.bad = false;
		this.errorsInRow = 0;
	}

	boolean bad() {
		return bad;
	}

	long line() {
		return line;
	}

	/** The raw cell, null when empty; a control character or an over-long value is an error. */
	String raw(String column, int maxLength) {
		String v = cells[index.get(column)];
		if (v == null || v.isEmpty()) {
			return null;
		}
		// a cell is never longer in code points than in chars: count them only when it may be too long
		if (v.length() > maxLength
				&& (v.length() > maxLength * 2 + 8 || v.codePointCount(0, v.length()) > maxLength)) {
			return fail(column, "imports.error.tooLong", String.valueOf(maxLength), v);
		}
		if (hasControl(v)) {
			return fail(column, "imports.error.control", null, v);
		}
		String stripped = v.strip();
		return stripped.isEmpty() ? null : stripped;
	}

	String required(String column, int maxLength) {
		int before = errorsInRow;
		String v = raw(column, maxLength);
		if (v == null && errorsInRow == before) {
			return fail(column, "imports.error.required", null, null);
		}
		return v;
	}

	/** Text kept as delivered but for NFKC of 半角カナ and 全角英数 (not for names in 漢字). */
	String kana(String column, int maxLength) {
		String v = required(column, maxLength);
		return v == null ? null : nfkc(v);
	}

	/** Digits only, 全角 allowed, of the given length range. */
	String digits(String column, int min, int max, boolean required) {
		String v = required ? required(column, max * 2) : raw(column, max * 2);
		if (v == null) {
			return null;
		}
		String d = nfkc(v);
		if (!allDigits(d) || d.length() < min || d.length() > max) {
			return fail(column, min == max ? "imports.error.digitsExact" : "imports.error.digits",
					min == max ? String.valueOf(min) : min + "〜" + max, v);
		}
		return d;
	}

	/** A code of letters, digits and - _ (person key, 事業所コード). */
	String code(String column, int max, boolean required) {
		String v = required ? required(column, max) : raw(column, max);
		if (v == null) {
			return null;
		}
		String c = nfkc(v);
		if (!isCode(c)) {
			return fail(column, "imports.error.code", null, v);
		}
		return c;
	}

	/** A date as 2026-04-01, 2026/4/1 or 20260401 (西暦). */
	LocalDate date(String column, boolean required) {
		String v = required ? required(column, 12) : raw(column, 12);
		if (v == null) {
			return null;
		}
		String d = nfkc(v);
		if (isIsoDateShape(d)) {
			// the usual form, read without a formatter (most cells of a file): the same strict check
			try {
				return LocalDate.of(Integer.parseInt(d, 0, 4, 10), Integer.parseInt(d, 5, 7, 10),
						Integer.parseInt(d, 8, 10, 10));
			}
			catch (DateTimeException e) {
				fail(column, "imports.error.date", null, v);
				return null;
			}
		}
		DateTimeFormatter[] forms = d.length() == 10 && d.charAt(4) == '-' ? new DateTimeFormatter[] { DATE }
				: d.indexOf('/') > 0 ? new DateTimeFormatter[] { DATE_SLASH } : new DateTimeFormatter[] { DATE_DIGITS };
		for (DateTimeFormatter f : forms) {
			try {
				return LocalDate.parse(d, f);
			}
			catch (DateTimeParseException e) {
				// the next form
			}
		}
		fail(column, "imports.error.date", null, v);
		return null;
	}

	/** A month as 2026-04, 2026/4 or 202604. */
	java.time.YearMonth month(String column) {
		String v = required(column, 10);
		if (v == null) {
			return null;
		}
		String d = nfkc(v).replace('/', '-');
		try {
			if (d.length() == 6 && allDigits(d)) {
				return java.time.YearMonth.of(Integer.parseInt(d, 0, 4, 10), Integer.parseInt(d, 4, 6, 10));
			}
			// 2026-4 or 2026-04
			if ((d.length() == 6 || d.length() == 7) && d.charAt(4) == '-' && allDigits(d, 0, 4)
					&& allDigits(d, 5, d.length())) {
				return java.time.YearMonth.of(Integer.parseInt(d, 0, 4, 10), Integer.parseInt(d, 5, d.length(), 10));
			}
		}
		catch (java.time.DateTimeException e) {
			// refused below
		}
		fail(column, "imports.error.month", null, v);
		return null;
	}

	/** A whole number in a range; 全角 digits and thousands separators forgiven. */
	Long number(String column, long min, long max, boolean required) {
		String v = required ? required(column, 20) : raw(column, 20);
		if (v == null) {
			return null;
		}
		String d = nfkc(v);
		if (d.indexOf(',') >= 0) {
			d = d.replace(",", "");
		}
		// -?[0-9]{1,15}: never more than a long holds
		int digitsFrom = d.startsWith("-") ? 1 : 0;
		if (d.length() - digitsFrom < 1 || d.length() - digitsFrom > 15 || !allDigits(d, digitsFrom, d.length())) {
			return failNumber(column, v);
		}
		long n = Long.parseLong(d);
		if (n < min || n > max) {
			fail(column, "imports.error.range", min + "〜" + max, v);
			return null;
		}
		return n;
	}

	/** One of the given labels (as the file writes them) → its value. */
	<T> T choice(String column, Map<String, T> labels, boolean required) {
		String v = required ? required(column, 20) : raw(column, 20);
		if (v == null) {
			return null;
		}
		T t = labels.get(nfkc(v));
		if (t == null) {
			fail(column, "imports.error.choice", String.join("・", labels.keySet()), v);
		}
		return t;
	}

	/** Reports an error that concerns the row, not one cell. */
	void rowError(String column, String reason, String arg) {
		fail(column, reason, arg, null);
	}

	private Long failNumber(String column, String v) {
		fail(column, "imports.error.number", null, v);
		return null;
	}

	// The character checks below are loops rather than regular expressions: they run on every
	// cell of files of millions of rows, where a Matcher per cell was a tenth of the check's time.

	private static boolean hasControl(String v) {
		for (int i = 0; i < v.length(); i++) {
			char c = v.charAt(i);
			if (c < 0x20 || c == 0x7f) {
				return true;
			}
		}
		return false;
	}

	/** [0-9]+ */
	private static boolean allDigits(String v) {
		return !v.isEmpty() && allDigits(v, 0, v.length());
	}

	private static boolean allDigits(String v, int from, int to) {
		for (int i = from; i < to; i++) {
			char c = v.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
		}
		return true;
	}

	/** [0-9A-Za-z_-]+ */
	private static boolean isCode(String v) {
		if (v.isEmpty()) {
			return false;
		}
		for (int i = 0; i < v.length(); i++) {
			char c = v.charAt(i);
			if (!(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c == '_' || c == '-')) {
				return false;
			}
		}
		return true;
	}

	/** 2026-04-01: four, two and two digits. */
	private static boolean isIsoDateShape(String d) {
		return d.length() == 10 && d.charAt(4) == '-' && d.charAt(7) == '-' && allDigits(d, 0, 4) && allDigits(d, 5, 7)
				&& allDigits(d, 8, 10);
	}

	/** NFKC, skipped for plain ASCII (most cells), which it leaves as is. */
	static String nfkc(String v) {
		for (int i = 0; i < v.length(); i++) {
			if (v.charAt(i) >= 0x80) {
				return Normalizer.normalize(v, Normalizer.Form.NFKC);
			}
		}
		return v;
	}

	private String fail(String column, String reason, String arg, String value) {
		bad = true;
		errorsInRow++;
		errors.accept(RowError.of(line, column, reason, arg, value));
		return null;
	}
}
