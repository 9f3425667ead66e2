package jp.kenpoportal.flu;

/**
 * The insured's account for a payment to the member: bank and branch from the bank list, 預金種目
 * (1 普通, 2 当座, 4 貯蓄), 7 digits and the holder's name in the 全銀 character set.
 */
public record BankAccount(String bankCode, String bankName, String branchCode, String branchName, String accountType,
		String accountNumber, String holder) {

	/** The last 4 digits, as decision notices show them. */
	public String lastDigits() {
		return accountNumber.substring(accountNumber.length() - 4);
	}
}
