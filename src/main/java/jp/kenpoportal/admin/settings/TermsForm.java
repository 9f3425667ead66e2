package jp.kenpoportal.admin.settings;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import jp.kenpoportal.common.TypedInput;

/** A new version of the 利用規約 as typed: title, body and the day it takes effect (in Japan). */
record TermsForm(String title, String body, String effectiveDate) {

	static final int MAX_TITLE = 100;

	static final int MAX_BODY = 50_000;

	static TermsForm empty(LocalDate today) {
		return new TermsForm("", "", today.toString());
	}

	/** Field → message key of what is wrong; empty when all is well. */
	Map<String, String> errors(LocalDate today) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (normalizedTitle().isEmpty() || normalizedTitle().length() > MAX_TITLE) {
			errors.put("title", "console.terms.error.title");
		}
		if (normalizedBody().isBlank() || normalizedBody().length() > MAX_BODY) {
			errors.put("body", "console.terms.error.body");
		}
		LocalDate date = date();
		if (date == null) {
			errors.put("effectiveDate", "console.terms.error.date");
		}
		else if (date.isBefore(today)) {
			errors.put("effectiveDate", "console.terms.error.past");
		}
		return errors;
	}

	/** Trimmed only: NFKC would turn the title's 全角 brackets into ASCII ones. */
	public String normalizedTitle() {
		return title == null ? "" : title.strip();
	}

	/** The body as typed, line ends unified, without surrounding blank lines. */
	public String normalizedBody() {
		return body == null ? "" : body.replace("\r\n", "\n").replace('\r', '\n').strip();
	}

	LocalDate date() {
		try {
			return LocalDate.parse(TypedInput.text(effectiveDate));
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}

	/** Today means now; a later day means its start in Japan. */
	Instant effectiveAt(Clock clock) {
		LocalDate date = date();
		Instant start = date.atStartOfDay(SettingsForm.JAPAN).toInstant();
		return start.isBefore(clock.instant()) ? clock.instant() : start;
	}
}
