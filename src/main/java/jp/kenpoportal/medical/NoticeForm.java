package jp.kenpoportal.medical;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.springframework.ui.Model;

/**
 * The form for the 医療費通知 PDF: a period of months of treatment and whether to hide
 * 保険者番号 and 記号・番号 (the NTA asks taxpayers to black them out before attaching the
 * notice). Shown on the year page, filled with what the member chose when it comes back
 * with a problem.
 *
 * @param error message key of what is wrong, or null
 */
record NoticeForm(String from, String to, boolean mask, String error, List<YearMonth> options) {

	/** The longest period one notice covers. */
	static final int MAX_MONTHS = 12;

	/** January to the newest published month of the year; masked, as the NTA asks. */
	static NoticeForm defaults(int year, List<YearMonth> publishedMonths) {
		List<YearMonth> options = publishedMonths.stream().sorted().toList();
		List<YearMonth> inYear = options.stream().filter(m -> m.getYear() == year).toList();
		String from = inYear.isEmpty() ? "" : inYear.get(0).toString();
		String to = inYear.isEmpty() ? "" : inYear.get(inYear.size() - 1).toString();
		return new NoticeForm(from, to, true, null, options);
	}

	NoticeForm withChoice(String from, String to, boolean mask, String error) {
		return new NoticeForm(from, to, mask, error, options);
	}

	void addTo(Model model) {
		model.addAttribute("noticeForm", this);
	}

	private static final List<String> ERRORS = List.of("medical.notice.error.period", "medical.notice.error.order",
			"medical.notice.error.tooLong", "medical.notice.error.empty");

	/** A message key from the URL only if it is one of ours: a link must not choose any text of the site. */
	static String knownError(String key) {
		return ERRORS.contains(key) ? key : null;
	}

	/** The period asked for, or the key of what is wrong with it. */
	static Period parse(String from, String to) {
		YearMonth start;
		YearMonth end;
		try {
			start = YearMonth.parse(from);
			end = YearMonth.parse(to);
		}
		catch (DateTimeParseException | NullPointerException e) {
			return new Period(null, null, "medical.notice.error.period");
		}
		if (start.isAfter(end)) {
			return new Period(start, end, "medical.notice.error.order");
		}
		if (start.plusMonths(MAX_MONTHS).isBefore(end.plusMonths(1))) {
			return new Period(start, end, "medical.notice.error.tooLong");
		}
		return new Period(start, end, null);
	}

	record Period(YearMonth from, YearMonth to, String error) {
	}
}
