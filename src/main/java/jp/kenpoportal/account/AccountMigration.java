package jp.kenpoportal.account;

import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jp.kenpoportal.common.BulkCopy;
import jp.kenpoportal.common.StagedMerge;
import jp.kenpoportal.common.StagedRowProblem;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The migration of existing web accounts (issue 11): user ID and mail address per person key,
 * copied into {@code account_import_staging}, checked across rows and against the kenpo's
 * accounts (duplicates and taken IDs are reported, never guessed), and inserted set-based. Each
 * account starts first registration with the initial password of seed 000 (記号 + 番号 + 生年月日),
 * which has to be hashed per account (Argon2): the only per-row step, done in parallel by chunks. The person key is resolved
 * against the roster in SQL (a read of member, to stay set-based). Callers hold the transaction.
 */
@Component
public class AccountMigration implements StagedMerge {

	public static final String COPY_SQL = """
			copy account_import_staging (job_id, kenpo_id, line, person_key, login_id, email) from stdin (format csv)""";

	private static final int PROBLEM_LIMIT = 1000;

	/** Accounts hashed per round trip: a few seconds of Argon2 on two cores, a few hundred KiB of heap. */
	private static final int HASH_CHUNK = 500;

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final BulkCopy copy;

	private final PasswordHasher hasher;

	AccountMigration(JdbcClient jdbc, JdbcTemplate template, BulkCopy copy, PasswordHasher hasher) {
		this.jdbc = jdbc;
		this.template = template;
		this.copy = copy;
		this.hasher = hasher;
	}

	public long load(long jobId, Reader cleanCsv) {
		long rows = copy.copyIn(COPY_SQL, cleanCsv);
		jdbc.sql("""
				update account_import_staging s set member_id = m.id, branch = m.branch from member m
				where s.job_id = ? and m.kenpo_id = s.kenpo_id and m.person_key = s.person_key""")
			.param(jobId)
			.update();
		return rows;
	}

	public List<StagedRowProblem> problems(long jobId) {
		List<StagedRowProblem> problems = new ArrayList<>();
		problems.addAll(list("""
				select line, person_key from account_import_staging where job_id = ? and member_id is null
				order by line limit ?""", jobId, "個人番号", "imports.error.unknownPerson"));
		problems.addAll(list("""
				select line, person_key from account_import_staging where job_id = ? and branch <> '00'
				order by line limit ?""", jobId, "個人番号", "imports.error.notInsured"));
		problems.addAll(list("""
				select line, login_id from (select line, login_id, count(*) over (partition by login_id) as n
				  from account_import_staging where job_id = ?) d where n > 1 order by line limit ?""", jobId, "ユーザID",
				"imports.error.duplicateLoginId"));
		problems.addAll(list("""
				select line, person_key from (select line, person_key, count(*) over (partition by person_key) as n
				  from account_import_staging where job_id = ?) d where n > 1 order by line limit ?""", jobId, "個人番号",
				"imports.error.duplicatePersonKey"));
		problems.addAll(list("""
				select s.line, s.login_id from account_import_staging s
				join account a on a.kenpo_id = s.kenpo_id and a.login_id = s.login_id
				where s.job_id = ? and a.member_id is distinct from s.member_id order by s.line limit ?""", jobId, "ユーザID",
				"imports.error.loginIdTaken"));
		problems.addAll(list("""
				select s.line, a.login_id from account_import_staging s
				join account a on a.kenpo_id = s.kenpo_id and a.member_id = s.member_id
				where s.job_id = ? and a.login_id <> s.login_id order by s.line limit ?""", jobId, "ユーザID",
				"imports.error.hasOtherAccount"));
		return problems;
	}

	/**
	 * Opens the accounts; {inserted, unchanged}. An account already there with the same ID is left
	 * as it is. The accounts go in set-based; their initial passwords are then hashed a chunk at
	 * a time, the chunk's hashes in parallel (Argon2 is the whole cost of a migration: about 9 ms
	 * a hash, one core each), so neither the accounts nor their initial passwords are ever all
	 * in the heap at once, whatever the file's size.
	 */
	public long[] apply(long jobId) {
		long total = jdbc.sql("select count(*) from account_import_staging where job_id = ?")
			.param(jobId)
			.query(Long.class)
			.single();
		long firstNew = jdbc.sql("select coalesce(max(id), 0) from account").query(Long.class).single();
		long opened = jdbc.sql("""
				insert into account (kenpo_id, member_id, login_id, email)
				select s.kenpo_id, s.member_id, s.login_id, s.email from account_import_staging s
				where s.job_id = ? and not exists (select 1 from account a where a.member_id = s.member_id)""")
			.param(jobId)
			.update();
		hashInitialPasswords(jobId, firstNew);
		discard(jobId);
		return new long[] { opened, total - opened };
	}

	/**
	 * The accounts this job opened (after {@code firstNew}, of its staged rows, with no password
	 * yet), by chunks in id order: each chunk's seed 000 initial passwords (記号 + 番号 + 生年月日)
	 * hashed on a pool of one thread per core, then written in one batch. The hasher's own slots
	 * (one per core, fair) keep sign-ins served between the import's hashes.
	 */
	private void hashInitialPasswords(long jobId, long firstNew) {
		int threads = Runtime.getRuntime().availableProcessors();
		ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
			Thread t = new Thread(r, "account-migration-hash");
			t.setDaemon(true);
			return t;
		});
		try {
			long after = firstNew;
			while (true) {
				List<Object[]> chunk = jdbc.sql("""
						select a.id, m.symbol || m.number || to_char(m.birth_date, 'YYYYMMDD')
						from account_import_staging s
						join account a on a.kenpo_id = s.kenpo_id and a.member_id = s.member_id and a.login_id = s.login_id
						join member m on m.id = s.member_id
						where s.job_id = ? and a.id > ? and a.initial_password_hash is null and a.password_hash is null
						order by a.id limit ?""")
					.params(jobId, after, HASH_CHUNK)
					.query((rs, i) -> new Object[] { rs.getLong(1), rs.getString(2) })
					.list();
				if (chunk.isEmpty()) {
					return;
				}
				List<Future<Object[]>> hashed = new ArrayList<>(chunk.size());
				for (Object[] row : chunk) {
					hashed.add(pool.submit(() -> new Object[] { hasher.hash((String) row[1]), row[0] }));
				}
				List<Object[]> updates = new ArrayList<>(chunk.size());
				for (Future<Object[]> f : hashed) {
					updates.add(f.get());
				}
				template.batchUpdate("update account set initial_password_hash = ? where id = ?", updates);
				after = (Long) chunk.get(chunk.size() - 1)[0];
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("account migration interrupted while hashing", e);
		}
		catch (ExecutionException e) {
			throw new IllegalStateException("hashing an initial password failed", e.getCause());
		}
		finally {
			pool.shutdownNow();
		}
	}

	public void discard(long jobId) {
		jdbc.sql("delete from account_import_staging where job_id = ?").param(jobId).update();
	}

	private List<StagedRowProblem> list(String sql, long jobId, String column, String reason) {
		return jdbc.sql(sql)
			.params(jobId, PROBLEM_LIMIT)
			.query((rs, i) -> new StagedRowProblem(rs.getLong(1), column, reason, rs.getString(2)))
			.list();
	}
}
