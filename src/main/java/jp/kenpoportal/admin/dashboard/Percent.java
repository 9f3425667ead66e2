package jp.kenpoportal.admin.dashboard;

import java.text.DecimalFormat;
import java.text.NumberFormat;
import java.util.Locale;

/**
 * A share as the dashboard's jte templates write it, {@code 45.0}: Thymeleaf's
 * {@code #numbers.formatDecimal(n, 1, 1)} (the locale's decimal point, no grouping, one decimal), so
 * the jte pages send what the Thymeleaf ones did.
 */
final class Percent {

	private Percent() {
	}

	static String oneDecimal(double value, Locale locale) {
		DecimalFormat format = (DecimalFormat) NumberFormat.getNumberInstance(locale);
		format.setMinimumFractionDigits(1);
		format.setMaximumFractionDigits(1);
		format.setMinimumIntegerDigits(1);
		format.setDecimalSeparatorAlwaysShown(true);
		format.setGroupingUsed(false);
		return format.format(value);
	}
}
