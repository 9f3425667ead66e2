package jp.kenpoportal.signin.recovery;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;

import jp.kenpoportal.common.TypedInput;

/**
 * A birth date as members type it: 8 digits YYYYMMDD, 全角 digits, or with separators such as
 * 1979/08/22 or 1979年8月22日. The same forgiveness as the first registration's birth date step.
 */
final class BirthDates {

	private static final DateTimeFormatter EIGHT_DIGITS = DateTimeFormatter.ofPattern("uuuuMMdd")
		.withResolverStyle(ResolverStyle.STRICT);

	private BirthDates() {
	}

	static Optional<LocalDate> parse(String raw) {
		String text = TypedInput.text(raw);
		String[] parts = text.split("[\\s\\-/.年月日]+");
		String digits = parts.length == 3 && parts[0].length() == 4 ? parts[0] + pad(parts[1]) + pad(parts[2])
				: TypedInput.digits(text);
		if (!digits.matches("\\d{8}")) {
			return Optional.empty();
		}
		try {
			return Optional.of(LocalDate.parse(digits, EIGHT_DIGITS));
		}
		catch (DateTimeParseException e) {
			return Optional.empty();
		}
	}

	private static String pad(String part) {
		return part.length() == 1 ? "0" + part : part;
	}
}
