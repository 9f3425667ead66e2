package jp.kenpoportal.flu;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jp.kenpoportal.audit.AuditTrail;
import jp.kenpoportal.audit.AuditType;
import jp.kenpoportal.benefit.Payee;
import jp.kenpoportal.member.Household;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applications and their state machine. Every read names the kenpo, and a member's reads the
 * household (its insured's roster ID) too, so an ID from a URL reaches nothing else. Each change of
 * state is one conditional update: two clicks, or a member and a 担当者 at once, cannot both win.
 */
@Service
public class FluApplications {

	private static final String COLUMNS = """
			id, kenpo_id, season_id, insured_member_id, account_id, state, clinic, payee, bank_code, bank_name,
			branch_code, branch_name, account_type, account_number, account_holder, employer_code, employer_name,
			submitted_at, staff_reason, decided_by, checked_by, batch_id""";

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Clock clock;

	FluApplications(JdbcClient jdbc, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	// --- member side ------------------------------------------------------------------------

	/** The household's draft of the season, made when missing: one at a time keeps receipts together. */
	@Transactional
	public long draft(Household household, long accountId, FluSeason season) {
		Optional<Long> existing = jdbc.sql("""
				select id from flu_application where kenpo_id = ? and insured_member_id = ? and season_id = ?
				  and state = 'DRAFT' order by id limit 1""")
			.params(household.kenpoId(), household.insured().id(), season.id())
			.query(Long.class)
			.optional();
		if (existing.isPresent()) {
			return existing.get();
		}
		Instant now = clock.instant();
		return jdbc.sql("""
				insert into flu_application (kenpo_id, season_id, insured_member_id, account_id, state, payee,
				  employer_code, employer_name, created_at, updated_at)
				values (?, ?, ?, ?, 'DRAFT', ?, ?, ?, ?, ?) returning id""")
			.params(household.kenpoId(), season.id(), household.insured().id(), accountId,
					season.payeeFor(household.insured()).name(),
					household.insured().employerCode(), household.insured().employerName(), Timestamp.from(now),
					Timestamp.from(now))
			.query(Long.class)
			.single();
	}

	/** One application of the household; empty for any other household's or kenpo's ID. */
	public Optional<FluApplication> ofHousehold(Household household, long id) {
		return load("kenpo_id = ? and insured_member_id = ? and id = ?", household.kenpoId(),
				household.insured().id(), id).stream().findFirst();
	}

	/** The household's applications, newest first (withdrawn ones too, drafts too). */
	public List<FluApplication> ofHousehold(Household household) {
		return load("kenpo_id = ? and insured_member_id = ? order by id desc", household.kenpoId(),
				household.insured().id());
	}

	/**
	 * Writes the member's details to a draft or sent-back application; false if it is neither any
	 * more. A checked form has an account exactly when the household is paid to it, so the account
	 * also settles the payee (the 資格区分 may have changed since the draft was made).
	 */
	@Transactional
	public boolean saveDetails(FluApplication app, String clinic, BankAccount account, List<FluLine> lines) {
		int updated = jdbc.sql("""
				update flu_application set payee = ?, clinic = ?, bank_code = ?, bank_name = ?, branch_code = ?,
				  branch_name = ?, account_type = ?, account_number = ?, account_holder = ?, updated_at = ?
				where kenpo_id = ? and id = ? and state in ('DRAFT', 'SENT_BACK')""")
			.params((account == null ? Payee.EMPLOYER : Payee.MEMBER_ACCOUNT).name(), clinic,
					account == null ? null : account.bankCode(), account == null ? null : account.bankName(),
					account == null ? null : account.branchCode(), account == null ? null : account.branchName(),
					account == null ? null : account.accountType(), account == null ? null : account.accountNumber(),
					account == null ? null : account.holder(), Timestamp.from(clock.instant()), app.kenpoId(), app.id())
			.update();
		if (updated == 0) {
			return false;
		}
		jdbc.sql("delete from flu_application_person where kenpo_id = ? and application_id = ?")
			.params(app.kenpoId(), app.id())
			.update();
		for (FluLine l : lines) {
			jdbc.sql("""
					insert into flu_application_person (kenpo_id, application_id, member_id, vaccinated_on, cost, doses,
					  subsidy) values (?, ?, ?, ?, ?, ?, ?)""")
				.params(app.kenpoId(), app.id(), l.memberId(), Date.valueOf(l.vaccinatedOn()), l.cost(), l.doses(),
						l.subsidy())
				.update();
		}
		return true;
	}

	/** 申請: a draft or a corrected application goes (back) into the queue, in order of this arrival. */
	@Transactional
	public boolean submit(FluApplication app) {
		boolean moved = move(app, List.of(FluState.DRAFT, FluState.SENT_BACK), FluState.SUBMITTED, null, null,
				", submitted_at = now_()");
		if (moved) {
			audit.record(app.kenpoId(), app.accountId(), AuditType.FLU_APPLICATION_SUBMITTED,
					"application " + app.id() + ": " + app.lines().size() + "名 " + app.requested() + "円");
		}
		return moved;
	}

	@Transactional
	public boolean withdraw(FluApplication app) {
		boolean moved = move(app, List.of(FluState.DRAFT, FluState.SUBMITTED, FluState.SENT_BACK), FluState.WITHDRAWN,
				null, null, "");
		if (moved) {
			audit.record(app.kenpoId(), app.accountId(), AuditType.FLU_APPLICATION_WITHDRAWN, "application " + app.id());
		}
		return moved;
	}

	/**
	 * Persons of the household already in another active application of the season (per-person
	 * rule), or the household's other active application (per-household rule).
	 */
	public List<Long> claimedElsewhere(long kenpoId, long seasonId, long exceptApplication, Collection<Long> memberIds) {
		return jdbc.sql("""
				select distinct p.member_id from flu_application_person p join flu_application a
				  on a.kenpo_id = p.kenpo_id and a.id = p.application_id
				where p.kenpo_id = ? and a.season_id = ? and a.id <> ? and p.member_id = any(?)
				  and a.state not in ('REJECTED', 'WITHDRAWN', 'DRAFT')""")
			.params(kenpoId, seasonId, exceptApplication, memberIds.toArray(Long[]::new))
			.query(Long.class)
			.list();
	}

	public boolean householdHasOther(long kenpoId, long seasonId, long insuredMemberId, long exceptApplication) {
		return jdbc.sql("""
				select count(*) from flu_application where kenpo_id = ? and season_id = ? and insured_member_id = ?
				  and id <> ? and state not in ('REJECTED', 'WITHDRAWN', 'DRAFT')""")
			.params(kenpoId, seasonId, insuredMemberId, exceptApplication)
			.query(Long.class)
			.single() > 0;
	}

	// --- staff side -------------------------------------------------------------------------

	public Optional<FluApplication> ofKenpo(long kenpoId, long id) {
		return load("kenpo_id = ? and id = ? and state <> 'DRAFT'", kenpoId, id).stream().findFirst();
	}

	/** The review queue: sent and in-review applications in order of arrival. */
	public List<FluApplication> queue(long kenpoId) {
		return load("kenpo_id = ? and state in ('SUBMITTED', 'IN_REVIEW') order by submitted_at, id", kenpoId);
	}

	/** Applications in one of the states, oldest decision first. */
	public List<FluApplication> inState(long kenpoId, FluState state) {
		return load("kenpo_id = ? and state = ? order by submitted_at, id", kenpoId, state.name());
	}

	public List<FluApplication> ofBatch(long kenpoId, long batchId) {
		return load("kenpo_id = ? and batch_id = ? order by employer_code nulls first, id", kenpoId, batchId);
	}

	/** 審査開始: from now on the member can no longer withdraw or change it. */
	@Transactional
	public boolean startReview(FluApplication app, long staffId) {
		boolean moved = move(app, List.of(FluState.SUBMITTED), FluState.IN_REVIEW, staffId, null, ", reviewed_by = " + staffId);
		if (moved) {
			audit.recordStaff(app.kenpoId(), app.accountId(), staffId, AuditType.FLU_REVIEW_STARTED,
					"application " + app.id());
		}
		return moved;
	}

	/**
	 * 承認, each person's amount the rules' or lower (a lower amount needs the reason); the second
	 * check, when the kenpo asks for one, comes later from another staff member.
	 */
	@Transactional
	public boolean approve(FluApplication app, long staffId, java.util.Map<Long, Integer> amounts, String reason) {
		if (!move(app, List.of(FluState.IN_REVIEW), FluState.APPROVED, staffId, reason,
				", decided_by = " + staffId + ", decided_at = now_()")) {
			return false;
		}
		for (FluLine l : app.lines()) {
			jdbc.sql("update flu_application_person set approved = ? where kenpo_id = ? and application_id = ? and member_id = ?")
				.params(amounts.getOrDefault(l.memberId(), l.subsidy()), app.kenpoId(), app.id(), l.memberId())
				.update();
		}
		int total = app.lines().stream().mapToInt(l -> amounts.getOrDefault(l.memberId(), l.subsidy())).sum();
		audit.recordStaff(app.kenpoId(), app.accountId(), staffId, AuditType.FLU_APPROVED, "application " + app.id()
				+ ": " + app.requested() + "円 → " + total + "円" + (reason == null ? "" : " 理由: " + reason));
		return true;
	}

	@Transactional
	public boolean reject(FluApplication app, long staffId, String reason) {
		boolean moved = move(app, List.of(FluState.IN_REVIEW), FluState.REJECTED, staffId, reason,
				", decided_by = " + staffId + ", decided_at = now_()");
		if (moved) {
			audit.recordStaff(app.kenpoId(), app.accountId(), staffId, AuditType.FLU_REJECTED,
					"application " + app.id() + " 理由: " + reason);
		}
		return moved;
	}

	/** 修正依頼: back to the member with the reason; it re-enters the queue when sent again. */
	@Transactional
	public boolean sendBack(FluApplication app, long staffId, String reason) {
		boolean moved = move(app, List.of(FluState.IN_REVIEW), FluState.SENT_BACK, staffId, reason, "");
		if (moved) {
			audit.recordStaff(app.kenpoId(), app.accountId(), staffId, AuditType.FLU_SENT_BACK,
					"application " + app.id() + " 理由: " + reason);
		}
		return moved;
	}

	/** The second check (four eyes): by anyone but the staff member who approved. */
	@Transactional
	public boolean check(FluApplication app, long staffId) {
		int updated = jdbc.sql("""
				update flu_application set checked_by = ?, checked_at = now(), updated_at = now()
				where kenpo_id = ? and id = ? and state = 'APPROVED' and checked_by is null and decided_by <> ?""")
			.params(staffId, app.kenpoId(), app.id(), staffId)
			.update();
		if (updated == 1) {
			audit.recordStaff(app.kenpoId(), app.accountId(), staffId, AuditType.FLU_CHECKED, "application " + app.id());
		}
		return updated == 1;
	}

	/** The reasons and states so far, oldest first. */
	public List<FluEvent> history(long kenpoId, long applicationId) {
		return jdbc.sql("""
				select at, staff_id, state, reason from flu_application_event where kenpo_id = ? and application_id = ?
				order by id""")
			.params(kenpoId, applicationId)
			.query((rs, n) -> new FluEvent(rs.getTimestamp("at").toInstant(), (Long) rs.getObject("staff_id"),
					FluState.valueOf(rs.getString("state")), rs.getString("reason")))
			.list();
	}

	/**
	 * Other applications with the same person and vaccination date, or a receipt with the same
	 * SHA-256: what a reviewer must look at twice.
	 */
	public List<Long> duplicates(FluApplication app) {
		return jdbc.sql("""
				select distinct a.id from flu_application a
				where a.kenpo_id = ? and a.id <> ? and a.state not in ('DRAFT', 'WITHDRAWN') and (
				  exists (select 1 from flu_application_person p join flu_application_person q
				          on q.kenpo_id = p.kenpo_id and q.member_id = p.member_id and q.vaccinated_on = p.vaccinated_on
				          where p.kenpo_id = a.kenpo_id and p.application_id = a.id and q.application_id = ?)
				  or exists (select 1 from flu_receipt r join flu_receipt s on s.kenpo_id = r.kenpo_id and s.sha256 = r.sha256
				          where r.kenpo_id = a.kenpo_id and r.application_id = a.id and s.application_id = ?))
				order by a.id""")
			.params(app.kenpoId(), app.id(), app.id(), app.id())
			.query(Long.class)
			.list();
	}

	private boolean move(FluApplication app, List<FluState> from, FluState to, Long staffId, String reason,
			String extra) {
		Instant now = clock.instant();
		String set = extra.replace("now_()", "?");
		List<Object> params = new java.util.ArrayList<>();
		params.add(to.name());
		params.add(reason);
		params.add(Timestamp.from(now));
		for (int i = 0; i < countOf(extra, "now_()"); i++) {
			params.add(Timestamp.from(now));
		}
		params.add(app.kenpoId());
		params.add(app.id());
		params.add(from.stream().map(Enum::name).toArray(String[]::new));
		int updated = jdbc.sql("update flu_application set state = ?, staff_reason = ?, updated_at = ?" + set
				+ " where kenpo_id = ? and id = ? and state = any(?)")
			.params(params)
			.update();
		if (updated == 0) {
			return false;
		}
		jdbc.sql("insert into flu_application_event (kenpo_id, application_id, at, staff_id, state, reason) values (?, ?, ?, ?, ?, ?)")
			.params(app.kenpoId(), app.id(), Timestamp.from(now), staffId, to.name(), reason)
			.update();
		return true;
	}

	private static int countOf(String text, String part) {
		return text.isEmpty() ? 0 : text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
	}

	private List<FluApplication> load(String where, Object... params) {
		List<FluApplication> apps = jdbc.sql("select " + COLUMNS + " from flu_application where " + where)
			.params(params)
			.query(FluApplications::map)
			.list();
		if (apps.isEmpty()) {
			return apps;
		}
		Long[] ids = apps.stream().map(FluApplication::id).toArray(Long[]::new);
		long kenpoId = apps.get(0).kenpoId();
		java.util.Map<Long, List<FluLine>> lines = new java.util.HashMap<>();
		jdbc.sql("""
				select application_id, member_id, vaccinated_on, cost, doses, subsidy, approved from flu_application_person
				where kenpo_id = ? and application_id = any(?) order by id""")
			.params(kenpoId, ids)
			.query((rs, n) -> {
				lines.computeIfAbsent(rs.getLong("application_id"), k -> new java.util.ArrayList<>())
					.add(new FluLine(rs.getLong("member_id"), rs.getDate("vaccinated_on").toLocalDate(), rs.getInt("cost"),
							rs.getInt("doses"), rs.getInt("subsidy"), (Integer) rs.getObject("approved")));
				return null;
			})
			.list();
		java.util.Map<Long, List<ReceiptInfo>> receipts = new java.util.HashMap<>();
		jdbc.sql("""
				select id, application_id, file_type, file_name, size, sha256 from flu_receipt
				where kenpo_id = ? and application_id = any(?) order by id""")
			.params(kenpoId, ids)
			.query((rs, n) -> {
				receipts.computeIfAbsent(rs.getLong("application_id"), k -> new java.util.ArrayList<>())
					.add(FluReceipts.info(rs));
				return null;
			})
			.list();
		return apps.stream()
			.map(a -> new FluApplication(a.id(), a.kenpoId(), a.seasonId(), a.insuredMemberId(), a.accountId(), a.state(),
					a.clinic(), a.payee(), a.account(), a.employerCode(), a.employerName(), a.submittedAt(),
					a.staffReason(), a.decidedBy(), a.checkedBy(), a.batchId(), lines.getOrDefault(a.id(), List.of()),
					receipts.getOrDefault(a.id(), List.of())))
			.toList();
	}

	private static FluApplication map(ResultSet rs, int row) throws SQLException {
		BankAccount account = rs.getString("bank_code") == null ? null
				: new BankAccount(rs.getString("bank_code"), rs.getString("bank_name"), rs.getString("branch_code"),
						rs.getString("branch_name"), rs.getString("account_type"), rs.getString("account_number"),
						rs.getString("account_holder"));
		Timestamp submitted = rs.getTimestamp("submitted_at");
		return new FluApplication(rs.getLong("id"), rs.getLong("kenpo_id"), rs.getLong("season_id"),
				rs.getLong("insured_member_id"), rs.getLong("account_id"), FluState.valueOf(rs.getString("state")),
				rs.getString("clinic"), Payee.valueOf(rs.getString("payee")), account, rs.getString("employer_code"),
				rs.getString("employer_name"), submitted == null ? null : submitted.toInstant(),
				rs.getString("staff_reason"), (Long) rs.getObject("decided_by"), (Long) rs.getObject("checked_by"),
				(Long) rs.getObject("batch_id"), List.of(), List.of());
	}
}
