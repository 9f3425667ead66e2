package jp.kenpoportal.admin.imports;

import java.io.Reader;
import java.time.LocalDate;
import java.util.List;

import jp.kenpoportal.admin.imports.ImportJobs.Counts;
import jp.kenpoportal.common.StagedRowProblem;
import jp.kenpoportal.account.AccountMigration;
import jp.kenpoportal.tenant.Kenpo;

import org.springframework.stereotype.Component;

@Component
class AccountMigrationr implements Merger {

	private final AccountMigration merge;

	AccountMigrationr(AccountMigration merge) {
		this.merge = merge;
	}

	@Override
	public ImportKind kind() {
		return ImportKind.ACCOUNTS;
	}

	@Override
	public RowFormat format(Kenpo kenpo) {
		return new AccountFormat();
	}

	@Override
	public void load(long jobId, Reader clean) {
		merge.load(jobId, clean);
	}

	@Override
	public List<StagedRowProblem> problems(long jobId) {
		return merge.problems(jobId);
	}

	@Override
	public Counts apply(long kenpoId, long jobId, LocalDate fileDate) {
		long[] c = merge.apply(jobId);
		return new Counts(c[0], 0, c[1], 0, 0);
	}

	@Override
	public void discard(long jobId) {
		merge.discard(jobId);
	}
}
