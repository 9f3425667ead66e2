package jp.kenpoportal.medical;

import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

import jp.kenpoportal.common.BulkCopy;
import jp.kenpoportal.common.StagedMerge;
import jp.kenpoportal.common.StagedRowProblem;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The 医療費 import's set-based half (issue 11): checked claim lines are copied into
 * {@code medical_claim_import_staging}, their persons resolved by the kenpo's person key, and
 * merged: a line already there (person, month, 区分, provider) is updated when it differs, a new
 * one inserted. Members see a line from its 公開日 on; publication mails follow from that time as
 * for any claim. Callers hold the transaction.
 */
@Component
public class ClaimMerge implements StagedMerge {

	public static final String COPY_SQL = """
			copy medical_claim_import_staging (job_id, kenpo_id, line, person_key, service_month, category,
			  provider_name, days, total_cost, insurer_paid, public_paid, patient_paid, published_at) from stdin (format csv)""";

	private static final int PROBLEM_LIMIT = 1000;

	private final JdbcClient jdbc;

	private final BulkCopy copy;

	ClaimMerge(JdbcClient jdbc, BulkCopy copy) {
		this.jdbc = jdbc;
		this.copy = copy;
	}

	/** Copies the clean rows in and resolves their persons; the number of rows copied. */
	public long load(long jobId, Reader cleanCsv) {
		long rows = copy.copyIn(COPY_SQL, cleanCsv);
		// persons are resolved by joins in the checks and the merge: an update of every staged row
		// to store member_id would write each row twice
		jdbc.sql("analyze medical_claim_import_staging").update();
		return rows;
	}

	/** Lines of a person not on the roster, and lines that repeat another's key. */
	public List<StagedRowProblem> problems(long jobId) {
		List<StagedRowProblem> problems = new ArrayList<>();
		problems.addAll(jdbc.sql("""
				select s.line, s.person_key from medical_claim_import_staging s where s.job_id = ? and not exists
				  (select 1 from member m where m.kenpo_id = s.kenpo_id and m.person_key = s.person_key)
				order by s.line limit ?""")
			.params(jobId, PROBLEM_LIMIT)
			.query((rs, i) -> new StagedRowProblem(rs.getLong(1), "個人番号", "imports.error.unknownPerson",
					rs.getString(2)))
			.list());
		problems.addAll(jdbc.sql("""
				select line, person_key from (select line, person_key, count(*) over (partition by person_key,
				  service_month, category, provider_name) as n from medical_claim_import_staging where job_id = ?) d
				where n > 1 order by line limit ?""")
			.params(jobId, PROBLEM_LIMIT)
			.query((rs, i) -> new StagedRowProblem(rs.getLong(1), "医療機関名", "imports.error.duplicateClaim",
					rs.getString(2)))
			.list());
		return problems;
	}

	/** Merges the staged lines; {inserted, updated, unchanged}. */
	public long[] apply(long jobId) {
		long total = jdbc.sql("select count(*) from medical_claim_import_staging where job_id = ?")
			.param(jobId)
			.query(Long.class)
			.single();
		long updated = jdbc.sql("""
				update medical_claim c set days = s.days, total_cost = s.total_cost, insurer_paid = s.insurer_paid,
				  public_paid = s.public_paid, patient_paid = s.patient_paid, published_at = s.published_at
				from medical_claim_import_staging s join member m on m.kenpo_id = s.kenpo_id and m.person_key = s.person_key
				where s.job_id = ? and c.kenpo_id = s.kenpo_id and c.member_id = m.id
				  and c.service_month = s.service_month and c.category = s.category and c.provider_name = s.provider_name
				  and (c.days, c.total_cost, c.insurer_paid, c.public_paid, c.patient_paid, c.published_at)
				      is distinct from (s.days, s.total_cost, s.insurer_paid, s.public_paid, s.patient_paid, s.published_at)""")
			.param(jobId)
			.update();
		long inserted = jdbc.sql("""
				insert into medical_claim (kenpo_id, member_id, service_month, category, provider_name, days, total_cost,
				  insurer_paid, public_paid, patient_paid, published_at)
				select s.kenpo_id, m.id, s.service_month, s.category, s.provider_name, s.days, s.total_cost,
				  s.insurer_paid, s.public_paid, s.patient_paid, s.published_at
				from medical_claim_import_staging s join member m on m.kenpo_id = s.kenpo_id and m.person_key = s.person_key
				where s.job_id = ?
				on conflict (kenpo_id, member_id, service_month, category, provider_name) do nothing""")
			.param(jobId)
			.update();
		discard(jobId);
		return new long[] { inserted, updated, total - inserted - updated };
	}

	public void discard(long jobId) {
		jdbc.sql("delete from medical_claim_import_staging where job_id = ?").param(jobId).update();
	}
}
