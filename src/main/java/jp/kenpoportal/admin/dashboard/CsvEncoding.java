package jp.kenpoportal.admin.dashboard;

import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The encodings staff may choose for the CSV: MS932 (Shift_JIS as Windows and Excel read it)
 * or UTF-8 with a byte-order mark (without one, Excel on Windows takes the file for Shift_JIS).
 */
enum CsvEncoding {

	MS932(Charset.forName("windows-31j"), false), UTF_8(StandardCharsets.UTF_8, true);

	/** 〓 (geta), which Japanese printing puts where a character cannot be set. */
	private static final String REPLACEMENT = "〓";

	private final Charset charset;

	private final boolean byteOrderMark;

	CsvEncoding(Charset charset, boolean byteOrderMark) {
		this.charset = charset;
		this.byteOrderMark = byteOrderMark;
	}

	static Optional<CsvEncoding> parse(String name) {
		for (CsvEncoding e : values()) {
			if (e.name().equals(name)) {
				return Optional.of(e);
			}
		}
		return Optional.empty();
	}

	Charset charset() {
		return charset;
	}

	boolean byteOrderMark() {
		return byteOrderMark;
	}

	/** An encoder that writes 〓 for a character MS932 has not (a rare kanji in a name), instead of failing. */
	CharsetEncoder encoder() {
		CharsetEncoder encoder = charset.newEncoder()
			.onMalformedInput(CodingErrorAction.REPLACE)
			.onUnmappableCharacter(CodingErrorAction.REPLACE);
		return encoder.replaceWith(REPLACEMENT.getBytes(charset));
	}

	public String messageKey() {
		return "dashboard.csv.encoding." + name();
	}
}
