package jp.kenpoportal.flu;

/**
 * The kenpo's paying account: the 振込依頼人 of the 全銀協 総合振込 header (DOMAIN.md §7).
 *
 * @param requesterCode 振込依頼人コード (委託者コード) the bank gave the kenpo, 10 digits
 * @param requesterName 振込依頼人名 in 全銀 half-width カナ
 * @param bankName 仕向銀行名 in half-width カナ
 * @param branchName 仕向支店名 in half-width カナ
 * @param accountType 預金種目: 1 普通, 2 当座, 9 その他
 */
public record FluPayer(String requesterCode, String requesterName, String bankCode, String bankName,
		String branchCode, String branchName, String accountType, String accountNumber) {
}
