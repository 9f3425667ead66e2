package jp.kenpoportal.account;

import java.util.List;

/**
 * Whom a letter batch is for among the insured persons who have not registered: all of them,
 * those at one of the given 事業所, or the one household of 記号・番号.
 */
public record RecipientFilter(List<String> employerCodes, String symbol, String number) {

	public RecipientFilter {
		employerCodes = employerCodes == null ? List.of() : List.copyOf(employerCodes);
	}

	public static RecipientFilter all() {
		return new RecipientFilter(List.of(), null, null);
	}

	public static RecipientFilter employers(List<String> codes) {
		if (codes.isEmpty()) {
			throw new IllegalArgumentException("at least one 事業所");
		}
		return new RecipientFilter(codes, null, null);
	}

	public static RecipientFilter household(String symbol, String number) {
		return new RecipientFilter(List.of(), symbol, number);
	}
}
