package jp.kenpoportal.admin.imports;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import jp.kenpoportal.common.TypedInput;

/**
 * The upload form's fields but the file: which kind of file, the month it is for and the day
 * the core system made it (an older file for the same month than the last applied one is
 * refused). Kept as typed when the form comes back with a message.
 */
record UploadForm(String kind, String month, String created) {

	static UploadForm empty(LocalDate today) {
		return new UploadForm("ROSTER", YearMonth.from(today).toString(), today.toString());
	}

	UploadForm kept() {
		return new UploadForm(shown(kind, 20), shown(month, 20), shown(created, 20));
	}

	/** Field → message key of what is wrong, in the order of the form. */
	Map<String, String> errors(boolean fileGiven) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (importKind() == null) {
			errors.put("kind", "imports.form.error.kind");
		}
		if (yearMonth() == null) {
			errors.put("month", "imports.form.error.month");
		}
		if (createdOn() == null) {
			errors.put("created", "imports.form.error.created");
		}
		if (!fileGiven) {
			errors.put("file", "imports.form.error.file");
		}
		return errors;
	}

	ImportKind importKind() {
		try {
			return kind == null ? null : ImportKind.valueOf(TypedInput.text(kind));
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	YearMonth yearMonth() {
		return parseMonth(month);
	}

	LocalDate createdOn() {
		return parseDate(created);
	}

	static YearMonth parseMonth(String raw) {
		String s = TypedInput.text(raw).replace('/', '-');
		if (s.length() > 7 || TypedInput.hasControlCharacter(raw)) {
			return null;
		}
		try {
			return YearMonth.parse(s);
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}

	static LocalDate parseDate(String raw) {
		String s = TypedInput.text(raw).replace('/', '-');
		if (s.length() > 10 || TypedInput.hasControlCharacter(raw)) {
			return null;
		}
		try {
			return LocalDate.parse(s);
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}

	private static String shown(String raw, int max) {
		String s = TypedInput.shown(raw);
		return s.length() > max ? s.substring(0, max) : s;
	}
}
