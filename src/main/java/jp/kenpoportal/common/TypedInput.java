package jp.kenpoportal.common;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Optional;

/**
 * The one normalisation every typed input goes through: NFKC turns 全角 digits and letters
 * into 半角 ones, then the kind of input decides what else is forgiven.
 *
 * <p>
 * Control characters (U+0000 NUL and the rest of Unicode's Cc, other than the blanks that
 * trimming and {@link #digits} forgive) never leave here: each becomes U+FFFD, which no user ID,
 * mail address, code or date contains, so the input fails its form's normal check with the normal
 * message and is counted like any other wrong input. PostgreSQL refuses a NUL in text outright,
 * which would otherwise end the request in an error page without counting the attempt.
 */
public final class TypedInput {

	private static final DateTimeFormatter EIGHT_DIGITS = DateTimeFormatter.ofPattern("uuuuMMdd")
		.withResolverStyle(ResolverStyle.STRICT);

	private TypedInput() {
	}

	/** Stands in for a control character: any check of what may be typed refuses it. */
	public static final char REFUSED = '\uFFFD';

	/** NFKC and trimmed (including the ideographic space), control characters replaced; never null. */
	public static String text(String raw) {
		if (raw == null) {
			return "";
		}
		return withoutControls(Normalizer.normalize(raw, Normalizer.Form.NFKC).strip());
	}

	/**
	 * A password: NFKC only (NIST 800-63B 5.1.1.2), so 全角 and 半角 typing give the same password.
	 * Control characters stay: a password is only ever hashed, and a new one with a control
	 * character is refused by the password policy, which names it.
	 */
	public static String password(String raw) {
		return raw == null ? "" : Normalizer.normalize(raw, Normalizer.Form.NFKC);
	}

	/** Whether the raw input holds a control character that {@link #text} would replace. */
	public static boolean hasControlCharacter(String raw) {
		return raw != null && raw.codePoints().anyMatch(TypedInput::isRefusedControl);
	}

	/** Raw input as it may be shown again in its field: control characters dropped, nothing else changed. */
	public static String shown(String raw) {
		if (raw == null) {
			return "";
		}
		return raw.codePoints()
			.filter(c -> !isRefusedControl(c))
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.toString();
	}

	private static String withoutControls(String s) {
		if (s.codePoints().noneMatch(TypedInput::isRefusedControl)) {
			return s;
		}
		StringBuilder b = new StringBuilder(s.length());
		s.codePoints().forEach(c -> b.appendCodePoint(isRefusedControl(c) ? REFUSED : c));
		return b.toString();
	}

	// Tab, line breaks and the other blank controls are forgiven as spaces are (a pasted code
	// ends in a line break); every other control character is refused.
	private static boolean isRefusedControl(int codePoint) {
		return Character.getType(codePoint) == Character.CONTROL && !Character.isWhitespace(codePoint);
	}

	/** A user ID: NFKC, trimmed, lower case. */
	public static String userId(String raw) {
		return text(raw).toLowerCase(Locale.ROOT);
	}

	/** A code or a number typed with spaces, hyphens or slashes: only the digits stay. */
	public static String digits(String raw) {
		return text(raw).replaceAll("[\\s\\-/.ー－年月日]", "");
	}

	/** A mail address: NFKC, trimmed; the domain in lower case. */
	public static String email(String raw) {
		String s = text(raw);
		int at = s.lastIndexOf('@');
		return at < 0 ? s : s.substring(0, at) + s.substring(at).toLowerCase(Locale.ROOT);
	}

	/**
	 * A birth date (生年月日) as members type it: 8 digits YYYYMMDD (西暦), 全角 digits, or with
	 * separators such as 1979/08/22, 1979-8-22 or 1979年8月22日; empty when it is no real date.
	 */
	public static Optional<LocalDate> birthDate(String raw) {
		String typed = text(raw);
		String[] parts = typed.split("[\\s\\-/.年月日]+");
		String eight = parts.length == 3 && parts[0].length() == 4 ? parts[0] + twoDigits(parts[1]) + twoDigits(parts[2])
				: digits(typed);
		if (!eight.matches("\\d{8}")) {
			return Optional.empty();
		}
		try {
			return Optional.of(LocalDate.parse(eight, EIGHT_DIGITS));
		}
		catch (DateTimeParseException e) {
			return Optional.empty();
		}
	}

	private static String twoDigits(String part) {
		return part.length() == 1 ? "0" + part : part;
	}
}
