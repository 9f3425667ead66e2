package jp.kenpoportal.benefit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * A 現金給付支給決定 as the member reads it. Only the last digits of the bank account are ever
 * stored, so nothing here can reveal the whole number.
 *
 * @param serviceMonth 診療年月, for benefits decided per month of treatment
 * @param periodFrom first day of the 対象期間 (傷病手当金, 出産手当金), or null
 * @param providerName the medical institution the benefit relates to, when there is one
 * @param amount what is paid to the member (the 差額, for 出産育児一時金 paid to the hospital)
 * @param accountLastDigits last 3–4 digits of the member's account, for {@link Payee#MEMBER_ACCOUNT}
 * @param directPayment paid by the kenpo straight to the hospital (直接支払制度), else 0
 * @param cost the 費用額 a 療養費 reimburses (paid by the member, not in the claims data), or null
 * @param coveredMemberIds the persons whose claims it paid for: its own member, or several for a
 * 世帯合算 高額療養費 (possibly someone the household does not see; never shown, only used to share
 * the 補填 fairly)
 */
public record BenefitDecision(long id, long memberId, String decisionNumber, BenefitKind kind, YearMonth serviceMonth,
		LocalDate periodFrom, LocalDate periodTo, String providerName, LocalDate decidedOn, long amount,
		LocalDate paidOn, Payee payee, String bankName, String accountLastDigits, Instant publishedAt,
		long directPayment, Long cost, List<Long> coveredMemberIds) {

	public BenefitDecision {
		coveredMemberIds = coveredMemberIds == null || coveredMemberIds.isEmpty() ? List.of(memberId)
				: List.copyOf(coveredMemberIds);
	}

	/** A decision paid wholly to the member, for its own member's claims. */
	public BenefitDecision(long id, long memberId, String decisionNumber, BenefitKind kind, YearMonth serviceMonth,
			LocalDate periodFrom, LocalDate periodTo, String providerName, LocalDate decidedOn, long amount,
			LocalDate paidOn, Payee payee, String bankName, String accountLastDigits, Instant publishedAt) {
		this(id, memberId, decisionNumber, kind, serviceMonth, periodFrom, periodTo, providerName, decidedOn, amount,
				paidOn, payee, bankName, accountLastDigits, publishedAt, 0, null, List.of());
	}

	/** The account as the member may see it: bank and the last digits, the rest hidden. */
	public String maskedAccount() {
		return payee == Payee.MEMBER_ACCOUNT ? bankName + " ＊＊＊" + accountLastDigits : null;
	}

	/** 補填 of medical costs in the tax sense: the benefit's whole value, to the hospital or the member. */
	public long reimbursement() {
		return kind.reimbursesClaims() ? amount + directPayment : 0;
	}

	/** Paid for the claims of more than one person (世帯合算). */
	public boolean householdCombined() {
		return coveredMemberIds.size() > 1;
	}
}
