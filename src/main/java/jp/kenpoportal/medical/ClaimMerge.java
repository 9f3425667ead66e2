package jp.kenpoportal.medical;

import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

import jp.kenpoportal.common.BulkCopy;
import jp.kenpoportal.common.StagedMerge;
import jp.kenpoportal.common.StagedRowProblem;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

	private static final Logger log = LoggerFactory.getLogger(ClaimMerge.class);

	private static final int PROBLEM_LIMIT = 1000;

	/** For this transaction's sorts (a million lines of staging sort in about 150 MB). */
	private static final String WORK_MEM = "192MB";

	private final JdbcClient jdbc;

	private final BulkCopy copy;

	ClaimMerge(JdbcClient jdbc, BulkCopy copy) {
		this.jdbc = jdbc;
		this.copy = copy;
	}

	/** Copies the clean rows in and resolves their persons; the number of rows copied. */
	public long load(long jobId, Reader cleanCsv) {
		long t = System.nanoTime();
		// the checks across rows and the merge sort a whole file's lines: in memory, not on disk
		jdbc.sql("set local work_mem = '" + WORK_MEM + "'").update();
		long rows = copy.copyIn(COPY_SQL, cleanCsv);
		t = lap("copy", t);
		// persons are resolved by joins in the checks and the merge: an update of every staged row
		// to store member_id would write each row twice
		jdbc.sql("analyze medical_claim_import_staging").update();
		lap("analyze", t);
		return rows;
	}

	/**
	 * Lines of a person not on the roster, and lines that repeat another's key. Equal keys are
	 * equal bytes, so the sort that finds them compares bytes ("C"), not by the locale's rules:
	 * a fifth of the check's time on a million lines.
	 */
	public List<StagedRowProblem> problems(long jobId) {
		long t = System.nanoTime();
		List<StagedRowProblem> problems = new ArrayList<>();
		problems.addAll(jdbc.sql("""
				select s.line, s.person_key from medical_claim_import_staging s where s.job_id = ? and not exists
				  (select 1 from member m where m.kenpo_id = s.kenpo_id and m.person_key = s.person_key)
				order by s.line limit ?""")
			.params(jobId, PROBLEM_LIMIT)
			.query((rs, i) -> new StagedRowProblem(rs.getLong(1), "個人番号", "imports.error.unknownPerson",
					rs.getString(2)))
			.list());
		t = lap("unknown persons", t);
		problems.addAll(jdbc.sql("""
				select line, person_key from (select line, person_key, count(*) over (partition by person_key collate "C",
				  service_month, category collate "C", provider_name collate "C") as n
				  from medical_claim_import_staging where job_id = ?) d
				where n > 1 order by line limit ?""")
			.params(jobId, PROBLEM_LIMIT)
			.query((rs, i) -> new StagedRowProblem(rs.getLong(1), "医療機関名", "imports.error.duplicateClaim",
					rs.getString(2)))
			.list());
		lap("duplicates", t);
		return problems;
	}

	/**
	 * Merges the staged lines; {inserted, updated, unchanged}. New lines go in in the order of
	 * the unique key (member, month, 区分, provider): each index page and the member row the
	 * foreign key locks are then touched once for a run of lines instead of once per line in a
	 * file's order, and a household's claims lie together in the table for its pages. Lines
	 * already there are skipped by an anti-join rather than ON CONFLICT, whose speculative
	 * insertion costs an extra index probe and WAL record per line (a million lines: 65 s
	 * against 54 s); claims imports of a kenpo are serialised by the runner's advisory lock, and
	 * should another writer race one in, the unique constraint refuses the whole file.
	 */
	public long[] apply(long jobId) {
		long t = System.nanoTime();
		long total = jdbc.sql("select count(*) from medical_claim_import_staging where job_id = ?")
			.param(jobId)
			.query(Long.class)
			.single();
		t = lap("count", t);
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
		t = lap("update", t);
		long inserted = jdbc.sql("""
				insert into medical_claim (kenpo_id, member_id, service_month, category, provider_name, days, total_cost,
				  insurer_paid, public_paid, patient_paid, published_at)
				select s.kenpo_id, m.id, s.service_month, s.category, s.provider_name, s.days, s.total_cost,
				  s.insurer_paid, s.public_paid, s.patient_paid, s.published_at
				from medical_claim_import_staging s join member m on m.kenpo_id = s.kenpo_id and m.person_key = s.person_key
				where s.job_id = ? and not exists (select 1 from medical_claim c where c.kenpo_id = s.kenpo_id
				  and c.member_id = m.id and c.service_month = s.service_month and c.category = s.category
				  and c.provider_name = s.provider_name)
				order by m.id, s.service_month, s.category, s.provider_name""")
			.param(jobId)
			.update();
		t = lap("insert", t);
		discard(jobId);
		lap("discard", t);
		return new long[] { inserted, updated, total - inserted - updated };
	}

	private static long lap(String step, long since) {
		long now = System.nanoTime();
		log.debug("claim merge {}: {} ms", step, (now - since) / 1_000_000);
		return now;
	}

	public void discard(long jobId) {
		jdbc.sql("delete from medical_claim_import_staging where job_id = ?").param(jobId).update();
	}
}
