package jp.kenpoportal.benefit;

import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

import jp.kenpoportal.common.BulkCopy;
import jp.kenpoportal.common.StagedMerge;
import jp.kenpoportal.common.StagedRowProblem;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The 給付 decisions import's set-based half (issue 11): checked decisions are copied into
 * {@code benefit_decision_import_staging}, their persons resolved by the kenpo's person key, and
 * merged by 決定番号 (updated when different, else inserted); the persons a 世帯合算 decision
 * covers are replaced by the file's. Members see a decision from its 公開日 on. Callers hold the
 * transaction.
 */
@Component
public class DecisionMerge implements StagedMerge {

	public static final String COPY_SQL = """
			copy benefit_decision_import_staging (job_id, kenpo_id, line, decision_number, person_key, kind,
			  service_month, period_from, period_to, provider_name, decided_on, paid_on, amount, direct_payment, cost,
			  payee, bank_name, account_last_digits, covered_person_keys, published_at) from stdin (format csv)""";

	private static final int PROBLEM_LIMIT = 1000;

	private final JdbcClient jdbc;

	private final BulkCopy copy;

	DecisionMerge(JdbcClient jdbc, BulkCopy copy) {
		this.jdbc = jdbc;
		this.copy = copy;
	}

	public long load(long jobId, Reader cleanCsv) {
		long rows = copy.copyIn(COPY_SQL, cleanCsv);
		jdbc.sql("analyze benefit_decision_import_staging").update();
		jdbc.sql("""
				update benefit_decision_import_staging s set member_id = m.id from member m
				where s.job_id = ? and m.kenpo_id = s.kenpo_id and m.person_key = s.person_key""")
			.param(jobId)
			.update();
		return rows;
	}

	public List<StagedRowProblem> problems(long jobId) {
		List<StagedRowProblem> problems = new ArrayList<>();
		problems.addAll(jdbc.sql("""
				select line, person_key from benefit_decision_import_staging where job_id = ? and member_id is null
				order by line limit ?""")
			.params(jobId, PROBLEM_LIMIT)
			.query((rs, i) -> new StagedRowProblem(rs.getLong(1), "個人番号", "imports.error.unknownPerson",
					rs.getString(2)))
			.list());
		problems.addAll(jdbc.sql("""
				select s.line, k.key from benefit_decision_import_staging s
				cross join lateral unnest(string_to_array(s.covered_person_keys, ' ')) as k(key)
				where s.job_id = ? and not exists (select 1 from member m where m.kenpo_id = s.kenpo_id and m.person_key = k.key)
				order by s.line limit ?""")
			.params(jobId, PROBLEM_LIMIT)
			.query((rs, i) -> new StagedRowProblem(rs.getLong(1), "対象者個人番号", "imports.error.unknownPerson",
					rs.getString(2)))
			.list());
		problems.addAll(jdbc.sql("""
				select line, decision_number from (select line, decision_number,
				  count(*) over (partition by decision_number) as n from benefit_decision_import_staging where job_id = ?) d
				where n > 1 order by line limit ?""")
			.params(jobId, PROBLEM_LIMIT)
			.query((rs, i) -> new StagedRowProblem(rs.getLong(1), "決定番号", "imports.error.duplicateDecision",
					rs.getString(2)))
			.list());
		return problems;
	}

	/** Merges the staged decisions; {inserted, updated, unchanged}. */
	public long[] apply(long jobId) {
		long total = jdbc.sql("select count(*) from benefit_decision_import_staging where job_id = ?")
			.param(jobId)
			.query(Long.class)
			.single();
		long updated = jdbc.sql("""
				update benefit_decision d set member_id = s.member_id, kind = s.kind, service_month = s.service_month,
				  period_from = s.period_from, period_to = s.period_to, provider_name = s.provider_name,
				  decided_on = s.decided_on, paid_on = s.paid_on, amount = s.amount, direct_payment = s.direct_payment,
				  cost = s.cost, payee = s.payee, bank_name = s.bank_name, account_last_digits = s.account_last_digits,
				  published_at = s.published_at
				from benefit_decision_import_staging s
				where s.job_id = ? and d.kenpo_id = s.kenpo_id and d.decision_number = s.decision_number
				  and (d.member_id, d.kind, d.service_month, d.period_from, d.period_to, d.provider_name, d.decided_on,
				       d.paid_on, d.amount, d.direct_payment, d.cost, d.payee, d.bank_name, d.account_last_digits,
				       d.published_at)
				  is distinct from (s.member_id, s.kind, s.service_month, s.period_from, s.period_to, s.provider_name,
				       s.decided_on, s.paid_on, s.amount, s.direct_payment, s.cost, s.payee, s.bank_name,
				       s.account_last_digits, s.published_at)""")
			.param(jobId)
			.update();
		long inserted = jdbc.sql("""
				insert into benefit_decision (kenpo_id, member_id, decision_number, kind, service_month, period_from,
				  period_to, provider_name, decided_on, paid_on, amount, direct_payment, cost, payee, bank_name,
				  account_last_digits, published_at)
				select kenpo_id, member_id, decision_number, kind, service_month, period_from, period_to, provider_name,
				  decided_on, paid_on, amount, direct_payment, cost, payee, bank_name, account_last_digits, published_at
				from benefit_decision_import_staging where job_id = ?
				on conflict (kenpo_id, decision_number) do nothing""")
			.param(jobId)
			.update();
		// the persons a decision covers: the file's list replaces the stored one
		jdbc.sql("""
				delete from benefit_decision_coverage c using benefit_decision d, benefit_decision_import_staging s
				where c.decision_id = d.id and d.kenpo_id = s.kenpo_id and d.decision_number = s.decision_number
				  and s.job_id = ?""")
			.param(jobId)
			.update();
		jdbc.sql("""
				insert into benefit_decision_coverage (kenpo_id, decision_id, member_id)
				select distinct d.kenpo_id, d.id, m.id from benefit_decision_import_staging s
				join benefit_decision d on d.kenpo_id = s.kenpo_id and d.decision_number = s.decision_number
				cross join lateral unnest(string_to_array(s.covered_person_keys, ' ')) as k(key)
				join member m on m.kenpo_id = s.kenpo_id and m.person_key = k.key
				where s.job_id = ?""")
			.param(jobId)
			.update();
		discard(jobId);
		return new long[] { inserted, updated, total - inserted - updated };
	}

	public void discard(long jobId) {
		jdbc.sql("delete from benefit_decision_import_staging where job_id = ?").param(jobId).update();
	}
}
