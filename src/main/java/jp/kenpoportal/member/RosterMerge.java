package jp.kenpoportal.member;

import java.io.Reader;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jp.kenpoportal.common.BulkCopy;
import jp.kenpoportal.common.StagedRowProblem;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The roster import's set-based half (issue 11): a checked roster file is copied into
 * {@code member_import_staging}, checked across rows, compared with the roster and merged, each
 * a few SQL statements whatever the file's size. A person is matched by the kenpo's person key;
 * a roster row from before the first import (no key yet) is adopted by its 記号・番号・枝番. The
 * account hangs on the member row, so it follows its person through a change of 記号・番号.
 * The roster file is the whole roster: a qualified person missing from it loses the
 * qualification on the file's date; when the file gives their 記号・番号・枝番 to another person
 * (the core system reassigned it), their row also gives up the number ({@code released_by_import}):
 * it keeps its account and data, and forms a household only with the others who gave up the same
 * number in the same import. Callers hold the transaction.
 */
@Component
public class RosterMerge {

	/** The staging columns, in the order the clean file the import writes has them. */
	public static final String COPY_SQL = """
			copy member_import_staging (job_id, kenpo_id, line, person_key, symbol, number, branch, name, name_kana,
			  birth_date, sex, relationship, acquired_on, lost_on, burden_ratio, employer_code, employer_name,
			  postal_code, address, hidden_from_household, qualification_kind) from stdin (format csv)""";

	private static final int PROBLEM_LIMIT = 1000;

	private final JdbcClient jdbc;

	private final BulkCopy copy;

	RosterMerge(JdbcClient jdbc, BulkCopy copy) {
		this.jdbc = jdbc;
		this.copy = copy;
	}

	/** Copies the clean rows in and matches them to the roster; the number of rows copied. */
	public long load(long jobId, Reader cleanCsv) {
		long rows = copy.copyIn(COPY_SQL, cleanCsv);
		jdbc.sql("analyze member_import_staging").update();
		jdbc.sql("""
				update member_import_staging s set member_id = m.id from member m
				where s.job_id = ? and m.kenpo_id = s.kenpo_id and m.person_key = s.person_key""")
			.param(jobId)
			.update();
		// rows from before the first import: the same 記号・番号・枝番, no key yet
		jdbc.sql("""
				update member_import_staging s set member_id = m.id from member m
				where s.job_id = ? and s.member_id is null and m.kenpo_id = s.kenpo_id and m.person_key is null
				  and m.symbol = s.symbol and m.number = s.number and m.branch = s.branch
				  and m.released_by_import is null""")
			.param(jobId)
			.update();
		return rows;
	}

	/** Rows that are wrong only together with others: duplicates, a dependant without an insured. */
	public List<StagedRowProblem> problems(long jobId) {
		List<StagedRowProblem> problems = new ArrayList<>();
		problems.addAll(jdbc.sql("""
				select line, person_key from (select line, person_key,
				  count(*) over (partition by person_key) as n from member_import_staging where job_id = ?) d
				where n > 1 order by line limit ?""")
			.params(jobId, PROBLEM_LIMIT)
			.query((rs, i) -> new StagedRowProblem(rs.getLong(1), "個人番号", "imports.error.duplicatePersonKey",
					rs.getString(2)))
			.list());
		problems.addAll(jdbc.sql("""
				select line, symbol || '-' || number || '-' || branch from (select line, symbol, number, branch,
				  count(*) over (partition by symbol, number, branch) as n from member_import_staging where job_id = ?) d
				where n > 1 order by line limit ?""")
			.params(jobId, PROBLEM_LIMIT)
			.query((rs, i) -> new StagedRowProblem(rs.getLong(1), "枝番", "imports.error.duplicateMemberNumber",
					rs.getString(2)))
			.list());
		problems.addAll(jdbc.sql("""
				select d.line, d.symbol || '-' || d.number from member_import_staging d
				where d.job_id = ? and d.branch <> '00' and not exists (select 1 from member_import_staging i
				  where i.job_id = d.job_id and i.symbol = d.symbol and i.number = d.number and i.branch = '00')
				order by d.line limit ?""")
			.params(jobId, PROBLEM_LIMIT)
			.query((rs, i) -> new StagedRowProblem(rs.getLong(1), "枝番", "imports.error.noInsured", rs.getString(2)))
			.list());
		// a dependant carries the 資格区分 of their insured: the household is 任意継続 or not as a whole
		problems.addAll(jdbc.sql("""
				select d.line, d.symbol || '-' || d.number from member_import_staging d join member_import_staging i
				  on i.job_id = d.job_id and i.symbol = d.symbol and i.number = d.number and i.branch = '00'
				where d.job_id = ? and d.branch <> '00' and d.qualification_kind <> i.qualification_kind
				order by d.line limit ?""")
			.params(jobId, PROBLEM_LIMIT)
			.query((rs, i) -> new StagedRowProblem(rs.getLong(1), "資格区分", "imports.error.qualificationKindOfHousehold",
					rs.getString(2)))
			.list());
		return problems;
	}

	/**
	 * Writes what the file would do into {@code import_roster_change} (for the preview page) and
	 * counts it. Persons missing from the file lose their qualification on {@code fileDate}.
	 */
	public RosterCounts preview(long kenpoId, long jobId, LocalDate fileDate) {
		jdbc.sql("delete from import_roster_change where job_id = ?").param(jobId).update();
		jdbc.sql("""
				insert into import_roster_change (job_id, change, line, person_key, name, before, after, fields)
				select s.job_id, 'NEW', s.line, s.person_key, s.name, null, s.symbol || '-' || s.number || '-' || s.branch, null
				from member_import_staging s where s.job_id = ? and s.member_id is null""")
			.param(jobId)
			.update();
		jdbc.sql("""
				insert into import_roster_change (job_id, change, line, person_key, name, before, after, fields)
				select s.job_id,
				  case when (m.symbol, m.number, m.branch) is distinct from (s.symbol, s.number, s.branch) then 'REKEYED'
				       when m.lost_on is null and s.lost_on is not null then 'LOST' else 'CHANGED' end,
				  s.line, s.person_key, s.name, m.symbol || '-' || m.number || '-' || m.branch,
				  s.symbol || '-' || s.number || '-' || s.branch, array_to_string(array_remove(array[
				    case when m.symbol <> s.symbol or m.number <> s.number or m.branch <> s.branch then 'symbolNumber' end,
				    case when m.name <> s.name then 'name' end,
				    case when m.name_kana <> s.name_kana then 'nameKana' end,
				    case when m.birth_date <> s.birth_date then 'birthDate' end,
				    case when m.sex <> s.sex then 'sex' end,
				    case when m.relationship <> s.relationship then 'relationship' end,
				    case when m.acquired_on <> s.acquired_on then 'acquiredOn' end,
				    case when m.lost_on is distinct from s.lost_on then 'lostOn' end,
				    case when m.burden_ratio is distinct from s.burden_ratio then 'burdenRatio' end,
				    case when m.employer_code is distinct from s.employer_code
				           or m.employer_name is distinct from s.employer_name then 'employer' end,
				    case when m.postal_code is distinct from s.postal_code
				           or m.address is distinct from s.address then 'address' end,
				    case when m.hidden_from_household <> s.hidden_from_household then 'hiddenFromHousehold' end,
				    case when m.qualification_kind <> s.qualification_kind then 'qualificationKind' end,
				    case when m.person_key is null then 'personKey' end], null), ',')
				from member_import_staging s join member m on m.id = s.member_id
				where s.job_id = ? and """ + differs())
			.param(jobId)
			.update();
		// persons missing from the file lose the qualification; those whose 記号・番号 the file gives to
		// someone else also give up the number (see #releaseNumbers), also when they had lost it before
		jdbc.sql("""
				insert into import_roster_change (job_id, change, line, person_key, name, before, after, fields)
				select ?, case when m.lost_on is null or m.lost_on > ? then 'ABSENT' else 'RELEASED' end, null,
				  m.person_key, m.name, m.symbol || '-' || m.number || '-' || m.branch, null,
				  array_to_string(array_remove(array[case when m.lost_on is null or m.lost_on > ? then 'lostOn' end,
				    case when r.id is not null then 'numberReassigned' end], null), ',')
				from member m left join (""" + RELEASED + """
				) r on r.id = m.id
				where m.kenpo_id = ? and m.released_by_import is null and (m.lost_on is null or m.lost_on > ? or r.id is not null)
				  and not exists (select 1 from member_import_staging s where s.job_id = ? and s.member_id = m.id)""")
			.params(jobId, Date.valueOf(fileDate), Date.valueOf(fileDate), kenpoId, jobId, jobId, kenpoId,
					Date.valueOf(fileDate), jobId)
			.update();
		// and the persons of the file who take such a number say so
		jdbc.sql("""
				update import_roster_change c set fields = concat_ws(',', nullif(c.fields, ''), 'formerNumberOfAbsent')
				where c.job_id = ? and c.change in ('NEW', 'CHANGED', 'REKEYED') and c.after in (
				  select m.symbol || '-' || m.number || '-' || m.branch from member m join (""" + RELEASED + """
				  ) r on r.id = m.id)""")
			.params(jobId, kenpoId, jobId, jobId)
			.update();
		return jdbc.sql("""
				select count(*) filter (where change = 'NEW'),
				       count(*) filter (where change in ('CHANGED', 'REKEYED', 'LOST', 'ABSENT', 'RELEASED')),
				       (select count(*) from member_import_staging where job_id = ?)
				         - count(*) filter (where change in ('NEW', 'CHANGED', 'REKEYED', 'LOST')),
				       count(*) filter (where change in ('LOST', 'ABSENT')),
				       count(*) filter (where change = 'REKEYED')
				from import_roster_change where job_id = ?""")
			.params(jobId, jobId)
			.query((rs, i) -> new RosterCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)))
			.single();
	}

	/**
	 * Applies the file: releases the 記号・番号 the file gives away from persons missing from it,
	 * updates the matched persons (keys adopted, 記号・番号 followed), adds the new ones, ends the
	 * qualification of those missing, and empties the staging rows. Returns the
	 * counts of {@link #preview} taken just before, so the result says what was done.
	 */
	public RosterCounts apply(long kenpoId, long jobId, LocalDate fileDate) {
		RosterCounts counts = preview(kenpoId, jobId, fileDate);
		releaseNumbers(kenpoId, jobId);
		jdbc.sql("""
				update member m set released_by_import = null, person_key = s.person_key, symbol = s.symbol,
				  number = s.number, branch = s.branch,
				  name = s.name, name_kana = s.name_kana, birth_date = s.birth_date, sex = s.sex,
				  relationship = s.relationship, acquired_on = s.acquired_on, lost_on = s.lost_on,
				  burden_ratio = s.burden_ratio, employer_code = s.employer_code, employer_name = s.employer_name,
				  postal_code = s.postal_code, address = s.address, hidden_from_household = s.hidden_from_household,
				  qualification_kind = s.qualification_kind
				from member_import_staging s
				where s.job_id = ? and m.id = s.member_id and m.kenpo_id = s.kenpo_id and """ + differs())
			.param(jobId)
			.update();
		jdbc.sql("""
				update member m set lost_on = ? where m.kenpo_id = ? and (m.lost_on is null or m.lost_on > ?)
				  and not exists (select 1 from member_import_staging s where s.job_id = ? and s.member_id = m.id)""")
			.params(Date.valueOf(fileDate), kenpoId, Date.valueOf(fileDate), jobId)
			.update();
		jdbc.sql("""
				insert into member (kenpo_id, person_key, symbol, number, branch, name, name_kana, birth_date, sex,
				  relationship, acquired_on, lost_on, burden_ratio, employer_code, employer_name, postal_code, address,
				  hidden_from_household, qualification_kind)
				select kenpo_id, person_key, symbol, number, branch, name, name_kana, birth_date, sex, relationship,
				  acquired_on, lost_on, burden_ratio, employer_code, employer_name, postal_code, address,
				  hidden_from_household, qualification_kind
				from member_import_staging where job_id = ? and member_id is null""")
			.param(jobId)
			.update();
		discard(jobId);
		return counts;
	}

	/**
	 * The persons missing from the file whose 記号・番号・枝番 the file gives to another person, and
	 * with each the others missing from the file who share that 記号・番号 (their former household):
	 * parameters kenpo, job, job. The core system has reassigned the number; these rows keep their
	 * history and their accounts but no longer hold it.
	 */
	private static final String RELEASED = """
			select m.id from member m where m.kenpo_id = ? and m.released_by_import is null
			  and not exists (select 1 from member_import_staging p where p.job_id = ? and p.member_id = m.id)
			  and (m.symbol, m.number) in (select t.symbol, t.number from member t join member_import_staging s
			    on s.job_id = ? and s.kenpo_id = t.kenpo_id and s.symbol = t.symbol and s.number = t.number
			      and s.branch = t.branch
			    where t.kenpo_id = m.kenpo_id and t.released_by_import is null
			      and not exists (select 1 from member_import_staging q where q.job_id = s.job_id and q.member_id = t.id))""";

	/**
	 * Releases the numbers the file reassigns (see {@link #RELEASED}): before the persons of the
	 * file take their numbers, so the number is held by one row at every statement's end.
	 */
	private void releaseNumbers(long kenpoId, long jobId) {
		jdbc.sql("update member set released_by_import = ? where id in (" + RELEASED + ")")
			.params(jobId, kenpoId, jobId, jobId)
			.update();
	}

	/** Forgets the staging rows of a job (applied, failed or discarded). */
	public void discard(long jobId) {
		jdbc.sql("delete from member_import_staging where job_id = ?").param(jobId).update();
	}

	private static String differs() {
		return """
				(m.person_key is null or m.released_by_import is not null
				  or (m.symbol, m.number, m.branch, m.name, m.name_kana, m.birth_date, m.sex, m.relationship,
				  m.acquired_on, m.lost_on, m.burden_ratio, m.employer_code, m.employer_name, m.postal_code, m.address, m.hidden_from_household, m.qualification_kind)
				  is distinct from (s.symbol, s.number, s.branch, s.name, s.name_kana, s.birth_date, s.sex,
				  s.relationship, s.acquired_on, s.lost_on, s.burden_ratio, s.employer_code, s.employer_name,
				  s.postal_code, s.address, s.hidden_from_household, s.qualification_kind))""";
	}
}
