package jp.kenpoportal.medical;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The bar chart of a year's monthly 医療費の総額, laid out on the server so the page draws it
 * as plain SVG: no script, readable on a phone (it scales with its viewBox), and the same
 * figures stand in the table beside it for screen readers.
 */
record MonthlyChart(List<Bar> bars, long max, String maxLabel) {

	static final int WIDTH = 600;

	static final int HEIGHT = 220;

	static final int TOP = 20;

	static final int BASELINE = 190;

	private static final int SLOT = (WIDTH - 40) / 12;

	/** One month's bar; height 0 when nothing was published for it. */
	record Bar(int month, int x, int y, int width, int height, int labelX, long value) {
	}

	static MonthlyChart of(int year, MedicalSummary summary) {
		long max = 0;
		for (int m = 1; m <= 12; m++) {
			max = Math.max(max, summary.month(YearMonth.of(year, m)).totalCost());
		}
		long scale = niceCeiling(max);
		List<Bar> bars = new ArrayList<>();
		for (int m = 1; m <= 12; m++) {
			long value = summary.month(YearMonth.of(year, m)).totalCost();
			int height = scale == 0 ? 0 : (int) Math.round((double) value * (BASELINE - TOP) / scale);
			int x = 40 + (m - 1) * SLOT + SLOT / 6;
			int width = SLOT * 2 / 3;
			bars.add(new Bar(m, x, BASELINE - height, width, height, x + width / 2, value));
		}
		return new MonthlyChart(bars, scale, String.format("%,d円", scale));
	}

	/** A round axis maximum (1, 2 or 5 × 10ⁿ) at or above the largest bar. */
	static long niceCeiling(long value) {
		if (value <= 0) {
			return 0;
		}
		long magnitude = 1;
		while (magnitude * 10 <= value) {
			magnitude *= 10;
		}
		for (long step : new long[] { 1, 2, 5, 10 }) {
			if (step * magnitude >= value) {
				return step * magnitude;
			}
		}
		return 10 * magnitude;
	}
}
