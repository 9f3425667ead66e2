package jp.kenpoportal.admin.imports;

import java.io.Reader;
import java.time.LocalDate;
import java.util.List;

import jp.kenpoportal.admin.imports.ImportJobs.Counts;
import jp.kenpoportal.benefit.DecisionMerge;
import jp.kenpoportal.common.StagedRowProblem;
import jp.kenpoportal.tenant.Kenpo;

import org.springframework.stereotype.Component;

@Component
class DecisionMerger implements Merger {

	private final DecisionMerge merge;

	DecisionMerger(DecisionMerge merge) {
		this.merge = merge;
	}

	@Override
	public ImportKind kind() {
		return ImportKind.DECISIONS;
	}

	@Override
	public RowFormat format(Kenpo kenpo) {
		return new DecisionFormat();
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
		return new Counts(c[0], c[1], c[2], 0, 0);
	}

	@Override
	public void discard(long jobId) {
		merge.discard(jobId);
	}
}
