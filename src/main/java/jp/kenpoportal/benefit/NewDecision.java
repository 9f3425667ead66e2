package jp.kenpoportal.benefit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

/** A decision to record, as the kenpo's core system delivers it. */
public record NewDecision(String decisionNumber, BenefitKind kind, YearMonth serviceMonth, LocalDate periodFrom,
		LocalDate periodTo, String providerName, LocalDate decidedOn, long amount, LocalDate paidOn, Payee payee,
		String bankName, String accountLastDigits, Instant publishedAt) {

	public NewDecision {
		if (amount <= 0) {
			throw new IllegalArgumentException("a decision pays a positive amount");
		}
		if (serviceMonth == null && periodFrom == null) {
			throw new IllegalArgumentException("a decision names a month of treatment or a period");
		}
		if ((payee == Payee.MEMBER_ACCOUNT) != (bankName != null && accountLastDigits != null)) {
			throw new IllegalArgumentException("an account payment names the bank and the account's last digits");
		}
	}
}
