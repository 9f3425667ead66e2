package jp.kenpoportal.admin.imports;

import java.io.Reader;
import java.time.LocalDate;
import java.util.List;

import jp.kenpoportal.admin.imports.ImportJobs.Counts;
import jp.kenpoportal.common.StagedRowProblem;
import jp.kenpoportal.member.RosterCounts;
import jp.kenpoportal.member.RosterMerge;
import jp.kenpoportal.tenant.Kenpo;

import org.springframework.stereotype.Component;

@Component
class RosterMerger implements Merger {

	private final RosterMerge merge;

	RosterMerger(RosterMerge merge) {
		this.merge = merge;
	}

	@Override
	public ImportKind kind() {
		return ImportKind.ROSTER;
	}

	@Override
	public RowFormat format(Kenpo kenpo) {
		return new RosterFormat(kenpo);
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
	public Counts preview(long kenpoId, long jobId, LocalDate fileDate) {
		return counts(merge.preview(kenpoId, jobId, fileDate));
	}

	@Override
	public Counts apply(long kenpoId, long jobId, LocalDate fileDate) {
		return counts(merge.apply(kenpoId, jobId, fileDate));
	}

	@Override
	public void discard(long jobId) {
		merge.discard(jobId);
	}

	private static Counts counts(RosterCounts c) {
		return new Counts(c.inserted(), c.updated(), c.unchanged(), c.lost(), c.rekeyed());
	}
}
