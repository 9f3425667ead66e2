package jp.kenpoportal.flu;

import java.time.Instant;
import java.time.LocalDate;

import jp.kenpoportal.benefit.Payee;

/** A payment batch: the approved applications paid on one date, by bank transfer or via employers. */
public record FluBatch(long id, long kenpoId, LocalDate paymentDate, Payee payee, boolean paid, int applicationCount,
		long totalAmount, long createdBy, Instant createdAt, Long paidBy, Instant paidAt) {
}
