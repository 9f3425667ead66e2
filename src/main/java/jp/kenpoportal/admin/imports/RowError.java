package jp.kenpoportal.admin.imports;

/**
 * A bad cell or row: line number in the file, column (its Japanese header, or null for the row),
 * the reason as a message key of the console-imports bundle with one argument, and the value as
 * it came (cut short), for the error report.
 */
public record RowError(long line, String column, String reason, String reasonArg, String value) {

	static final int VALUE_SHOWN = 40;

	static RowError of(long line, String column, String reason, String reasonArg, String value) {
		String shown = value == null ? null
				: value.codePoints().limit(VALUE_SHOWN).map(c -> Character.isISOControl(c) ? '?' : c)
					.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
					.toString();
		return new RowError(line, column, reason, reasonArg, shown);
	}
}
