package jp.kenpoportal.benefit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * A decision to record, as the kenpo's core system delivers it.
 *
 * @param amount what is paid to the member (for 出産育児一時金 under 直接支払制度, the 差額; may be 0
 * when the hospital's bill took the whole lump sum)
 * @param directPayment what the kenpo paid straight to the hospital (直接支払制度), else 0
 * @param cost the 費用額 a 療養費 reimburses, paid by the member outside the claims data; else null
 * @param coveredMemberIds the persons whose claims the decision paid for, when more than its own
 * member (世帯合算 高額療養費); empty for the decision's member alone
 */
public record NewDecision(String decisionNumber, BenefitKind kind, YearMonth serviceMonth, LocalDate periodFrom,
		LocalDate periodTo, String providerName, LocalDate decidedOn, long amount, LocalDate paidOn, Payee payee,
		String bankName, String accountLastDigits, Instant publishedAt, long directPayment, Long cost,
		List<Long> coveredMemberIds) {

	public NewDecision {
		coveredMemberIds = List.copyOf(coveredMemberIds);
		if (amount < 0 || directPayment < 0 || amount + directPayment <= 0) {
			throw new IllegalArgumentException("a decision pays a positive amount");
		}
		if (cost != null && cost <= 0) {
			throw new IllegalArgumentException("a reimbursed cost is positive");
		}
		if (serviceMonth == null && periodFrom == null) {
			throw new IllegalArgumentException("a decision names a month of treatment or a period");
		}
		if ((payee == Payee.MEMBER_ACCOUNT) != (bankName != null && accountLastDigits != null)) {
			throw new IllegalArgumentException("an account payment names the bank and the account's last digits");
		}
	}

	/** A decision paid wholly to the member, for its own member's claims. */
	public NewDecision(String decisionNumber, BenefitKind kind, YearMonth serviceMonth, LocalDate periodFrom,
			LocalDate periodTo, String providerName, LocalDate decidedOn, long amount, LocalDate paidOn, Payee payee,
			String bankName, String accountLastDigits, Instant publishedAt) {
		this(decisionNumber, kind, serviceMonth, periodFrom, periodTo, providerName, decidedOn, amount, paidOn, payee,
				bankName, accountLastDigits, publishedAt, 0, null, List.of());
	}
}
