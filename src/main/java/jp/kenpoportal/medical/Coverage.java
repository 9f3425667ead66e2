package jp.kenpoportal.medical;

import java.time.YearMonth;

/**
 * Which months of treatment a year's data covers: January up to the newest month the kenpo
 * has published, and whether later months of the year may still come (claims reach the
 * kenpo 2–3 months after the treatment).
 *
 * @param last the last month of the year covered, or null when nothing of the year is out yet
 */
record Coverage(int year, YearMonth last, boolean complete) {

	static Coverage of(int year, YearMonth newestPublished) {
		if (newestPublished == null || newestPublished.getYear() < year) {
			return new Coverage(year, null, false);
		}
		if (newestPublished.getYear() > year) {
			return new Coverage(year, YearMonth.of(year, 12), true);
		}
		return new Coverage(year, newestPublished, newestPublished.getMonthValue() == 12);
	}

	public YearMonth first() {
		return YearMonth.of(year, 1);
	}

	/** The first month not covered yet, for "…月診療分以降は未掲載". */
	public YearMonth firstMissing() {
		return last == null ? first() : last.plusMonths(1);
	}
}
