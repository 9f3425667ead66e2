package jp.kenpoportal.admin.flu;

/** A reason typed by staff: control characters refused (a NUL must never reach PostgreSQL), length capped. */
final class ConsoleText {

	static final int MAX_REASON = 1000;

	private ConsoleText() {
	}

	/** The reason, or null when it is missing, too long or holds control characters other than line breaks. */
	static String reason(String typed) {
		if (typed == null) {
			return null;
		}
		String text = typed.replace("\r\n", "\n").strip();
		if (text.isEmpty() || text.length() > MAX_REASON || text.chars().anyMatch(c -> c != '\n' && Character.isISOControl(c))) {
			return null;
		}
		return text;
	}
}
