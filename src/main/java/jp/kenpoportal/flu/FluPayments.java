package jp.kenpoportal.flu;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jp.kenpoportal.audit.AuditTrail;
import jp.kenpoportal.audit.AuditType;
import jp.kenpoportal.benefit.BenefitDecisions;
import jp.kenpoportal.benefit.BenefitKind;
import jp.kenpoportal.benefit.NewDecision;
import jp.kenpoportal.benefit.Payee;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payment batches: the approved (and, where the kenpo asks for it, second-checked) applications
 * not yet in a batch, gathered for one payment date; the 全銀協 総合振込 file or the employers'
 * lists; and, once marked paid, one 現金給付支給決定 per person through the benefit module, whose
 * publication mails tell the members as for any other decision.
 */
@Service
public class FluPayments {

	private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

	private final JdbcClient jdbc;

	private final FluApplications applications;

	private final BenefitDecisions decisions;

	private final BankDirectory banks;

	private final AuditTrail audit;

	private final Clock clock;

	FluPayments(JdbcClient jdbc, FluApplications applications, BenefitDecisions decisions, BankDirectory banks,
			AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.applications = applications;
		this.decisions = decisions;
		this.banks = banks;
		this.audit = audit;
		this.clock = clock;
	}

	public Optional<FluPayer> payer(long kenpoId) {
		return jdbc.sql("""
				select requester_code, requester_name, bank_code, bank_name, branch_code, branch_name, account_type,
				  account_number from flu_payer where kenpo_id = ?""")
			.param(kenpoId)
			.query((rs, n) -> new FluPayer(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)))
			.optional();
	}

	public void savePayer(long kenpoId, FluPayer p) {
		jdbc.sql("""
				insert into flu_payer (kenpo_id, requester_code, requester_name, bank_code, bank_name, branch_code,
				  branch_name, account_type, account_number) values (?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (kenpo_id) do update set requester_code = excluded.requester_code,
				  requester_name = excluded.requester_name, bank_code = excluded.bank_code, bank_name = excluded.bank_name,
				  branch_code = excluded.branch_code, branch_name = excluded.branch_name,
				  account_type = excluded.account_type, account_number = excluded.account_number""")
			.params(kenpoId, p.requesterCode(), p.requesterName(), p.bankCode(), p.bankName(), p.branchCode(),
					p.branchName(), p.accountType(), p.accountNumber())
			.update();
	}

	/** Approved applications ready to pay: checked by a second person where the season asks for it. */
	public List<FluApplication> payable(long kenpoId, Payee payee) {
		return applications.inState(kenpoId, FluState.APPROVED)
			.stream()
			.filter(a -> a.batchId() == null && a.payee() == payee && (a.checkedBy() != null || !fourEyes(a)))
			.toList();
	}

	/** Approved applications still waiting for their second check. */
	public List<FluApplication> awaitingCheck(long kenpoId) {
		return applications.inState(kenpoId, FluState.APPROVED)
			.stream()
			.filter(a -> a.checkedBy() == null && fourEyes(a))
			.toList();
	}

	public boolean fourEyes(FluApplication app) {
		return jdbc.sql("select four_eyes from flu_season where kenpo_id = ? and id = ?")
			.params(app.kenpoId(), app.seasonId())
			.query(Boolean.class)
			.single();
	}

	/** Gathers what is payable for the payee into a new batch; empty when nothing is. */
	@Transactional
	public Optional<Long> createBatch(long kenpoId, long staffId, Payee payee, LocalDate paymentDate) {
		List<FluApplication> apps = payable(kenpoId, payee);
		if (apps.isEmpty()) {
			return Optional.empty();
		}
		long total = apps.stream().mapToLong(FluApplication::total).sum();
		long id = jdbc.sql("""
				insert into flu_payment_batch (kenpo_id, payment_date, payee, state, application_count, total_amount,
				  created_by, created_at) values (?, ?, ?, 'OPEN', ?, ?, ?, ?) returning id""")
			.params(kenpoId, Date.valueOf(paymentDate), payee.name(), apps.size(), total, staffId,
					Timestamp.from(clock.instant()))
			.query(Long.class)
			.single();
		// another staff member's batch may have taken some meanwhile: count only what this one got
		int count = 0;
		long taken = 0;
		for (FluApplication a : apps) {
			if (jdbc.sql("update flu_application set batch_id = ? where kenpo_id = ? and id = ? and state = 'APPROVED' and batch_id is null")
				.params(id, kenpoId, a.id())
				.update() == 1) {
				count++;
				taken += a.total();
			}
		}
		if (count == 0) {
			jdbc.sql("delete from flu_payment_batch where kenpo_id = ? and id = ?").params(kenpoId, id).update();
			return Optional.empty();
		}
		total = taken;
		jdbc.sql("update flu_payment_batch set application_count = ?, total_amount = ? where kenpo_id = ? and id = ?")
			.params(count, total, kenpoId, id)
			.update();
		audit.recordStaff(kenpoId, null, staffId, AuditType.FLU_BATCH_CREATED, "batch " + id + ": " + paymentDate + " "
				+ payee + " " + count + "件 " + total + "円");
		return Optional.of(id);
	}

	public List<FluBatch> batches(long kenpoId) {
		return jdbc.sql("select * from flu_payment_batch where kenpo_id = ? order by id desc limit 100")
			.param(kenpoId)
			.query(FluPayments::map)
			.list();
	}

	public Optional<FluBatch> batch(long kenpoId, long id) {
		return jdbc.sql("select * from flu_payment_batch where kenpo_id = ? and id = ?")
			.params(kenpoId, id)
			.query(FluPayments::map)
			.optional();
	}

	/** The 全銀協 総合振込 file of a batch paid to members' accounts; audited as a download. */
	public byte[] zengin(FluBatch batch, long staffId) {
		FluPayer payer = payer(batch.kenpoId()).orElseThrow(() -> new IllegalStateException("no paying account"));
		List<ZenginTransfer.Transfer> transfers = new ArrayList<>();
		for (FluApplication a : applications.ofBatch(batch.kenpoId(), batch.id())) {
			BankAccount acc = a.account();
			transfers.add(new ZenginTransfer.Transfer(acc.bankCode(), acc.bankName(), acc.branchCode(), acc.branchName(),
					acc.accountType(), acc.accountNumber(), acc.holder(), a.total(), Long.toString(a.id())));
		}
		audit.recordStaff(batch.kenpoId(), null, staffId, AuditType.FLU_BATCH_DOWNLOADED,
				"batch " + batch.id() + ": 全銀 " + transfers.size() + "件");
		return ZenginTransfer.write(payer, batch.paymentDate(), transfers);
	}

	/**
	 * 支払済: the batch and its applications, and one published decision per person paid, in one
	 * transaction; false when the batch was already paid.
	 */
	@Transactional
	public boolean markPaid(FluBatch batch, long staffId) {
		Instant now = clock.instant();
		int updated = jdbc.sql("""
				update flu_payment_batch set state = 'PAID', paid_by = ?, paid_at = ? where kenpo_id = ? and id = ?
				  and state = 'OPEN'""")
			.params(staffId, Timestamp.from(now), batch.kenpoId(), batch.id())
			.update();
		if (updated == 0) {
			return false;
		}
		LocalDate today = LocalDate.ofInstant(now, JAPAN);
		for (FluApplication a : applications.ofBatch(batch.kenpoId(), batch.id())) {
			jdbc.sql("update flu_application set state = 'PAID', updated_at = ? where kenpo_id = ? and id = ? and state = 'APPROVED'")
				.params(Timestamp.from(now), a.kenpoId(), a.id())
				.update();
			jdbc.sql("insert into flu_application_event (kenpo_id, application_id, at, staff_id, state) values (?, ?, ?, ?, 'PAID')")
				.params(a.kenpoId(), a.id(), Timestamp.from(now), staffId)
				.update();
			for (FluLine l : a.lines()) {
				if (l.payable() > 0) {
					decisions.record(a.kenpoId(), l.memberId(), decision(a, l, today, batch.paymentDate(), now));
				}
			}
		}
		audit.recordStaff(batch.kenpoId(), null, staffId, AuditType.FLU_BATCH_PAID, "batch " + batch.id() + ": "
				+ batch.paymentDate() + " " + batch.applicationCount() + "件 " + batch.totalAmount() + "円");
		return true;
	}

	private NewDecision decision(FluApplication a, FluLine l, LocalDate decidedOn, LocalDate paidOn, Instant now) {
		boolean account = a.payee() == Payee.MEMBER_ACCOUNT;
		String bankName = account ? banks.bank(a.account().bankCode()).map(b -> b.bank().name()).orElse(a.account().bankName())
				: null;
		return new NewDecision("FLU-" + a.id() + "-" + l.memberId(), BenefitKind.FLU_SUBSIDY, null, l.vaccinatedOn(),
				l.vaccinatedOn(), a.clinic(), decidedOn, l.payable(), paidOn, a.payee(), bankName,
				account ? a.account().lastDigits() : null, now);
	}

	private static FluBatch map(ResultSet rs, int n) throws SQLException {
		Timestamp paidAt = rs.getTimestamp("paid_at");
		return new FluBatch(rs.getLong("id"), rs.getLong("kenpo_id"), rs.getDate("payment_date").toLocalDate(),
				Payee.valueOf(rs.getString("payee")), "PAID".equals(rs.getString("state")), rs.getInt("application_count"),
				rs.getLong("total_amount"), rs.getLong("created_by"), rs.getTimestamp("created_at").toInstant(),
				(Long) rs.getObject("paid_by"), paidAt == null ? null : paidAt.toInstant());
	}
}
