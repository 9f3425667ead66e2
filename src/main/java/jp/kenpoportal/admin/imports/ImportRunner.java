package jp.kenpoportal.admin.imports;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;

import jp.kenpoportal.admin.imports.ImportJobs.Counts;
import jp.kenpoportal.common.StagedRowProblem;
import jp.kenpoportal.tenant.Kenpo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs import jobs in the background, so a job goes on when the browser closes: the streaming
 * check of the file on one thread feeds, through a {@link CopyPipe}, the COPY into staging that
 * runs at the same time in the job's transaction on another (so the COPY's time hides behind the
 * check's and no clean copy of the file is written); then, in the same transaction, the checks
 * across rows and the merge (or, for the roster, the preview; its apply is a second job step
 * once staff confirm). A file with any bad row writes nothing: the transaction rolls back. One job at a time per node: imports are
 * bulk work that should not starve the pages; a kenpo's jobs of one kind are serialised across
 * nodes by an advisory lock in the merge transaction.
 */
@Component
class ImportRunner {

	private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);

	static final java.time.Duration ABANDONED_AFTER = java.time.Duration.ofMinutes(5);

	private final ImportJobs jobs;

	private final ImportErrors errors;

	private final ImportAudit audit;

	private final TransactionTemplate transactions;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Map<ImportKind, Merger> mergers = new EnumMap<>(ImportKind.class);

	/** Jobs queued or running on this node: their heartbeat says the node is alive. */
	private final Set<Long> held = ConcurrentHashMap.newKeySet();

	private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
		Thread t = new Thread(r, "import-runner");
		t.setDaemon(true);
		return t;
	});

	ImportRunner(ImportJobs jobs, ImportErrors errors, ImportAudit audit, TransactionTemplate transactions,
			JdbcClient jdbc, Clock clock, List<Merger> mergers) {
		this.jobs = jobs;
		this.errors = errors;
		this.audit = audit;
		this.transactions = transactions;
		this.jdbc = jdbc;
		this.clock = clock;
		mergers.forEach(m -> this.mergers.put(m.kind(), m));
	}

	boolean supports(ImportKind kind) {
		return mergers.containsKey(kind);
	}

	/** Checks (and unless previewed, applies) the spooled file in the background; the file is deleted after. */
	void check(Kenpo kenpo, long jobId, SpooledFile file) {
		held.add(jobId);
		executor.execute(() -> {
			try {
				checkNow(kenpo, jobId, file);
			}
			catch (RuntimeException | IOException e) {
				log.error("import job {} failed", jobId, e);
				finish(kenpo, jobId, ImportState.FAILED, Counts.NONE, "imports.error.internal", null, 0);
			}
			finally {
				file.delete();
				held.remove(jobId);
			}
		});
	}

	/** Applies a previewed roster in the background. */
	void apply(Kenpo kenpo, long jobId) {
		held.add(jobId);
		executor.execute(() -> {
			try {
				applyNow(kenpo, jobId);
			}
			finally {
				held.remove(jobId);
			}
		});
	}

	/**
	 * Checks and merges (a roster: previews) the spooled file on the calling thread, for a
	 * caller that needs the data in place when it returns (the demo seeder); the file is deleted.
	 */
	void checkHere(Kenpo kenpo, long jobId, SpooledFile file) {
		try {
			checkNow(kenpo, jobId, file);
		}
		catch (RuntimeException | IOException e) {
			log.error("import job {} failed", jobId, e);
			finish(kenpo, jobId, ImportState.FAILED, Counts.NONE, "imports.error.internal", null, 0);
		}
		finally {
			file.delete();
		}
	}

	/** Applies a previewed roster on the calling thread. */
	void applyNow(Kenpo kenpo, long jobId) {
		try {
			ImportJob job = jobs.find(kenpo.id(), jobId).orElseThrow();
			Merger merger = mergers.get(job.kind());
			ImportPhases phases = new ImportPhases();
			Outcome outcome = merge(kenpo, job, merger, null, phases);
			finish(kenpo, jobId, outcome.state, outcome.counts, outcome.failure, outcome.failureArg,
					outcome.errorCount);
			phases.end("finish");
			log.info("import job {} ({}) {}: {}", jobId, job.kind(), outcome.state, phases);
			if (outcome.state == ImportState.FAILED) {
				transactions.executeWithoutResult(s -> merger.discard(jobId));
			}
		}
		catch (RuntimeException e) {
			log.error("import job {} failed to apply", jobId, e);
			finish(kenpo, jobId, ImportState.FAILED, Counts.NONE, "imports.error.internal", null, 0);
		}
	}

	/**
	 * Every 30 s: the jobs this node holds are alive; and any job that no node has held for 5
	 * minutes is failed (its node died with its spooled file), so it does not show "running" for
	 * ever. Any node may fail it; the update is the same on each.
	 */
	@Scheduled(fixedDelayString = "PT30S", initialDelayString = "PT30S")
	void heartbeat() {
		java.time.Instant now = clock.instant();
		try {
			if (!held.isEmpty()) {
				jobs.heartbeat(List.copyOf(held), now);
			}
			for (long[] lost : jobs.failAbandoned(now.minus(ABANDONED_AFTER), now)) {
				log.warn("import job {} failed: no node has held it for {}", lost[0], ABANDONED_AFTER);
				jobs.find(lost[1], lost[0]).ifPresent(audit::finished);
			}
		}
		catch (DataAccessException e) {
			log.warn("import heartbeat skipped: {}", e.getClass().getName());
		}
	}

	/**
	 * The check runs on the check thread and feeds the COPY through a {@link CopyPipe}, while this
	 * thread holds the transaction that COPYs (see {@link #merge}); the spooled file is deleted by
	 * the caller only once the check has ended.
	 */
	private void checkNow(Kenpo kenpo, long jobId, SpooledFile file) throws IOException {
		ImportJob job = jobs.find(kenpo.id(), jobId).orElseThrow();
		Merger merger = mergers.get(job.kind());
		jobs.start(jobId, clock.instant());
		ImportPhases phases = new ImportPhases();
		CopyPipe pipe = new CopyPipe();
		CompletableFuture<Checked> checked = new CompletableFuture<>();
		Thread checking = new Thread(() -> {
			try {
				checked.complete(checkFile(kenpo, job, merger, file, pipe));
			}
			catch (Throwable e) {
				checked.completeExceptionally(e);
			}
		}, "import-check-" + jobId);
		checking.setDaemon(true);
		checking.start();
		Outcome outcome;
		try {
			outcome = merge(kenpo, job, merger, new Feed(pipe, checked), phases);
		}
		finally {
			// normally the check has ended; when the transaction failed first, stop it (an interrupt
			// ends its reads and its waits on the pipe) and let it end before its file is deleted
			pipe.abandon();
			if (!checked.isDone()) {
				checking.interrupt();
			}
			joinQuietly(checking);
		}
		finish(kenpo, jobId, outcome.state, outcome.counts, outcome.failure, outcome.failureArg, outcome.errorCount);
		phases.end("finish");
		log.info("import job {} ({}) {}: {}", jobId, job.kind(), outcome.state, phases);
	}

	/**
	 * The check thread's pass over the file: rows to the pipe, errors to the report (both outside
	 * the import's transaction, so the report stays when the file is refused), progress for the bar.
	 */
	private Checked checkFile(Kenpo kenpo, ImportJob job, Merger merger, SpooledFile file, CopyPipe pipe)
			throws IOException {
		long start = System.nanoTime();
		FileCheck.Outcome outcome;
		long errorCount;
		try (ImportErrors.Sink sink = errors.sink(job.id())) {
			outcome = FileCheck.run(file, merger.format(kenpo), job.id(), kenpo.id(), pipe.writer(), sink,
					(bytes, rows) -> jobs.progress(job.id(), bytes, rows));
			errorCount = sink.count();
		}
		finally {
			// the end of the COPY's input, also when the check ended before its first row
			pipe.writer().close();
		}
		long end = System.nanoTime();
		if (outcome.encoding() != null) {
			jobs.encoding(job.id(), outcome.encoding());
		}
		if (outcome.failure() == null && errorCount == 0) {
			jobs.state(job.id(), job.kind().previewed() ? ImportState.VALIDATING : ImportState.APPLYING);
		}
		return new Checked(outcome, errorCount, end - start, pipe.writerWaitedNanos(), end);
	}

	/**
	 * The transaction: lock, refuse an older file, COPY what the check feeds (when there is a
	 * feed), wait for the check's verdict, check across rows, then preview or merge. A bad row or
	 * any other problem rolls it all back; problems go to the error report.
	 */
	private Outcome merge(Kenpo kenpo, ImportJob job, Merger merger, Feed feed, ImportPhases phases) {
		Outcome outcome;
		try {
			outcome = transactions.execute(status -> {
				jdbc.sql("select pg_advisory_xact_lock(?, ?)")
					.params((int) kenpo.id(), 1100 + job.kind().ordinal())
					.query()
					.singleRow();
				phases.end("lock");
				Optional<LocalDate> newer = jobs.newerApplied(kenpo.id(), job.kind(), job.targetMonth(),
						job.fileCreatedOn());
				if (feed != null) {
					Outcome refused = copy(job, merger, feed, newer.isPresent(), phases);
					if (refused != null) {
						status.setRollbackOnly();
						return refused;
					}
				}
				if (newer.isPresent()) {
					status.setRollbackOnly();
					return Outcome.failed("imports.error.olderFile", newer.get().toString());
				}
				if (feed != null) {
					List<StagedRowProblem> problems = merger.problems(job.id());
					phases.end("checks");
					if (!problems.isEmpty()) {
						status.setRollbackOnly();
						return new Outcome(ImportState.FAILED, Counts.NONE, "imports.error.rows",
								String.valueOf(problems.size()), problems, problems.size());
					}
				}
				if (feed != null && job.kind().previewed()) {
					Counts preview = merger.preview(kenpo.id(), job.id(), job.fileCreatedOn());
					phases.end("preview");
					return new Outcome(ImportState.PREVIEW, preview, null, null, List.of(), 0);
				}
				Counts applied = merger.apply(kenpo.id(), job.id(), job.fileCreatedOn());
				phases.end("merge");
				return new Outcome(ImportState.APPLIED, applied, null, null, List.of(), 0);
			});
			phases.end("commit");
		}
		catch (DataAccessException e) {
			// a constraint of the tables refused the merge
			log.warn("import job {} refused by the database: {}", job.id(), e.getMostSpecificCause().getMessage());
			outcome = Outcome.failed("imports.error.mergeRefused", null);
		}
		if (!outcome.problems.isEmpty()) {
			try (ImportErrors.Sink sink = errors.sink(job.id())) {
				outcome.problems.forEach(p -> sink.accept(RowError.of(p.line(), p.column(), p.reason(), p.reasonArg(),
						null)));
			}
		}
		return outcome;
	}

	/**
	 * COPYs what the check feeds into staging (nothing when the file is older than one applied:
	 * the check still runs to its end for the report), then waits for the check's verdict: the
	 * file's refusal when it found anything, else null. The COPY ends when the check closes the
	 * pipe, at its end or at the first bad row.
	 */
	private Outcome copy(ImportJob job, Merger merger, Feed feed, boolean older, ImportPhases phases) {
		long copied = System.nanoTime();
		if (older) {
			feed.pipe.abandon();
		}
		else {
			merger.load(job.id(), feed.pipe.reader());
			copied = System.nanoTime();
		}
		Checked checked = feed.verdict();
		phases.end("check and copy", "check " + checked.nanos / 1_000_000 + " ms, of it waiting for the COPY "
				+ checked.waitedNanos / 1_000_000 + " ms; the load's tail after the check "
				+ Math.max(0, copied - checked.endedAt) / 1_000_000 + " ms");
		FileCheck.Outcome outcome = checked.outcome;
		if (outcome.failure() != null) {
			return new Outcome(ImportState.FAILED, Counts.NONE, outcome.failure(), outcome.failureArg(), List.of(),
					checked.errorCount);
		}
		if (checked.errorCount > 0) {
			return new Outcome(ImportState.FAILED, Counts.NONE, "imports.error.rows",
					String.valueOf(checked.errorCount), List.of(), checked.errorCount);
		}
		return null;
	}

	private static void joinQuietly(Thread checking) {
		try {
			checking.join();
		}
		catch (InterruptedException e) {
			// the node is stopping: the check thread was interrupted too
			Thread.currentThread().interrupt();
		}
	}

	private void finish(Kenpo kenpo, long jobId, ImportState state, Counts counts, String failure, String failureArg,
			long errorCount) {
		jobs.finish(jobId, state, counts, failure, failureArg, errorCount, clock.instant());
		jobs.find(kenpo.id(), jobId).ifPresent(audit::finished);
	}

	@PreDestroy
	void stop() {
		executor.shutdownNow();
	}

	/** What a job came to; {@code errorCount} is the number of rows in its error report. */
	private record Outcome(ImportState state, Counts counts, String failure, String failureArg,
			List<StagedRowProblem> problems, long errorCount) {

		static Outcome failed(String failure, String arg) {
			return new Outcome(ImportState.FAILED, Counts.NONE, failure, arg, List.of(), 0);
		}
	}

	/**
	 * The check's result: the pass's outcome, the errors it reported, its time, the part of it
	 * spent waiting for the COPY, and when it ended ({@link System#nanoTime()}).
	 */
	private record Checked(FileCheck.Outcome outcome, long errorCount, long nanos, long waitedNanos, long endedAt) {
	}

	/** The running check as the transaction sees it: its pipe and, once it ends, its result. */
	private record Feed(CopyPipe pipe, CompletableFuture<Checked> checked) {

		Checked verdict() {
			try {
				return checked.join();
			}
			catch (java.util.concurrent.CompletionException e) {
				// not a DataAccessException, which would read as the merge's refusal: an internal failure
				throw new IllegalStateException("import check failed", e.getCause());
			}
		}
	}
}
