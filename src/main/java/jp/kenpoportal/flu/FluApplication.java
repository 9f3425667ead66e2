package jp.kenpoportal.flu;

import java.time.Instant;
import java.util.List;

import jp.kenpoportal.benefit.Payee;

/**
 * An application as stored: its household (by the insured's roster ID), state, persons and
 * receipts. Bank fields are set only for a payment to the member.
 */
public record FluApplication(long id, long kenpoId, long seasonId, long insuredMemberId, long accountId,
		FluState state, String clinic, Payee payee, BankAccount account, String employerCode, String employerName,
		Instant submittedAt, String staffReason, Long decidedBy, Long checkedBy, Long batchId, List<FluLine> lines,
		List<ReceiptInfo> receipts) {

	public int total() {
		return lines.stream().mapToInt(FluLine::payable).sum();
	}

	public int requested() {
		return lines.stream().mapToInt(FluLine::subsidy).sum();
	}

	public boolean covers(long memberId) {
		return lines.stream().anyMatch(l -> l.memberId() == memberId);
	}
}
