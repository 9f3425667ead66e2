package jp.kenpoportal.medical;

import java.time.Instant;
import java.time.YearMonth;

/**
 * One claim line of 医療費のお知らせ: a person's treatment at one provider in one month.
 *
 * @param totalCost 医療費の総額 (10割)
 * @param insurerPaid 健保の負担額
 * @param patientPaid 窓口負担相当額
 */
public record MedicalClaim(long id, long memberId, YearMonth serviceMonth, ClaimCategory category, String providerName,
		int days, long totalCost, long insurerPaid, long patientPaid, Instant publishedAt) {
}
