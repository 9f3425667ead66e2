package jp.kenpoportal.admin.imports;

import java.io.Reader;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import jp.kenpoportal.account.AccountMigration;
import jp.kenpoportal.admin.imports.ImportJobs.Counts;
import jp.kenpoportal.benefit.DecisionMerge;
import jp.kenpoportal.common.StagedMerge;
import jp.kenpoportal.common.StagedRowProblem;
import jp.kenpoportal.medical.ClaimMerge;
import jp.kenpoportal.tenant.Kenpo;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A kind of file that goes straight from staging into its module's tables, without a preview:
 * 医療費, 給付 decisions, the old system's web accounts. The roster, which is previewed, has its
 * own {@link RosterMerger}.
 */
final class StagedMerger implements Merger {

	private final ImportKind kind;

	private final Supplier<RowFormat> format;

	private final StagedMerge merge;

	private final Function<long[], Counts> counts;

	StagedMerger(ImportKind kind, Supplier<RowFormat> format, StagedMerge merge, Function<long[], Counts> counts) {
		this.kind = kind;
		this.format = format;
		this.merge = merge;
		this.counts = counts;
	}

	@Override
	public ImportKind kind() {
		return kind;
	}

	@Override
	public RowFormat format(Kenpo kenpo) {
		return format.get();
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
		return counts.apply(merge.apply(jobId));
	}

	@Override
	public void discard(long jobId) {
		merge.discard(jobId);
	}

	/** The kinds without a preview, each with what its module's merge answers. */
	@Configuration(proxyBeanMethods = false)
	static class Kinds {

		@Bean
		Merger claimMerger(ClaimMerge merge) {
			// {inserted, updated, unchanged}
			return new StagedMerger(ImportKind.CLAIMS, ClaimFormat::new, merge, c -> new Counts(c[0], c[1], c[2], 0, 0));
		}

		@Bean
		Merger decisionMerger(DecisionMerge merge) {
			return new StagedMerger(ImportKind.DECISIONS, DecisionFormat::new, merge,
					c -> new Counts(c[0], c[1], c[2], 0, 0));
		}

		@Bean
		Merger accountMerger(AccountMigration merge) {
			// {inserted, unchanged}
			return new StagedMerger(ImportKind.ACCOUNTS, AccountFormat::new, merge, c -> new Counts(c[0], 0, c[1], 0, 0));
		}
	}
}
