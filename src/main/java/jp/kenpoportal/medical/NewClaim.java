package jp.kenpoportal.medical;

import java.time.Instant;
import java.time.YearMonth;

/** A claim line to record, as the kenpo's core system delivers it; visible from {@code publishedAt}. */
public record NewClaim(YearMonth serviceMonth, ClaimCategory category, String providerName, int days, long totalCost,
		long insurerPaid, long patientPaid, Instant publishedAt) {

	public NewClaim {
		if (totalCost < 0 || insurerPaid < 0 || patientPaid < 0 || insurerPaid + patientPaid > totalCost) {
			throw new IllegalArgumentException("the shares of a claim cannot exceed its total");
		}
		if (days < 0 || days > 31) {
			throw new IllegalArgumentException("days of treatment in a month: 0–31");
		}
	}
}
