package jp.kenpoportal.benefit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A 現金給付支給決定 as the member reads it. Only the last digits of the bank account are ever
 * stored, so nothing here can reveal the whole number.
 *
 * @param serviceMonth 診療年月, for benefits decided per month of treatment
 * @param periodFrom first day of the 対象期間 (傷病手当金, 出産手当金), or null
 * @param providerName the medical institution the benefit relates to, when there is one
 * @param accountLastDigits last 3–4 digits of the member's account, for {@link Payee#MEMBER_ACCOUNT}
 */
public record BenefitDecision(long id, long memberId, String decisionNumber, BenefitKind kind, YearMonth serviceMonth,
		LocalDate periodFrom, LocalDate periodTo, String providerName, LocalDate decidedOn, long amount,
		LocalDate paidOn, Payee payee, String bankName, String accountLastDigits, Instant publishedAt) {

	/** The account as the member may see it: bank and the last digits, the rest hidden. */
	public String maskedAccount() {
		return payee == Payee.MEMBER_ACCOUNT ? bankName + " ＊＊＊" + accountLastDigits : null;
	}
}
