package jp.kenpoportal.admin.dashboard;

import java.util.ArrayList;
import java.util.List;

/**
 * A bar chart laid out on the server (as the 医療費 chart, medical/MonthlyChart), so the page
 * draws it as plain SVG: no script, and the same figures stand in a table beside it. Every
 * {@code labelEvery}-th bar is labelled, so thirty days stay readable.
 */
record BarChart(List<Bar> bars, long max, long middle, long total) {

	static final int WIDTH = 600;

	static final int TOP = 20;

	static final int BASELINE = 190;

	private static final int LEFT = 50;

	private static final int RIGHT = 10;

	/** One period's bar; height 0 for nothing. {@code label} is null when the bar is not labelled. */
	record Bar(String label, int x, int y, int width, int height, int labelX, long value) {
	}

	static BarChart of(List<String> labels, List<Long> values, int labelEvery) {
		long largest = values.stream().mapToLong(Long::longValue).max().orElse(0);
		long scale = niceCeiling(largest);
		double slot = (double) (WIDTH - LEFT - RIGHT) / Math.max(1, values.size());
		List<Bar> bars = new ArrayList<>();
		for (int i = 0; i < values.size(); i++) {
			long value = values.get(i);
			int height = scale == 0 ? 0 : (int) Math.round((double) value * (BASELINE - TOP) / scale);
			int x = LEFT + (int) Math.round(i * slot + slot / 6);
			int width = Math.max(1, (int) Math.round(slot * 2 / 3));
			String label = i % labelEvery == 0 ? labels.get(i) : null;
			bars.add(new Bar(label, x, BASELINE - height, width, height, x + width / 2, value));
		}
		return new BarChart(bars, scale, scale / 2, values.stream().mapToLong(Long::longValue).sum());
	}

	/** A round axis maximum (2, 4, 6, 8 or 10 × 10ⁿ: its half, the middle line, is a whole number) at or above the largest bar. */
	static long niceCeiling(long value) {
		if (value <= 0) {
			return 0;
		}
		long magnitude = 1;
		while (magnitude * 10 <= value) {
			magnitude *= 10;
		}
		for (long step : new long[] { 2, 4, 6, 8, 10 }) {
			if (step * magnitude >= value) {
				return step * magnitude;
			}
		}
		return 10 * magnitude;
	}
}
