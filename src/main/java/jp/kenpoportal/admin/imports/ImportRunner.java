package jp.kenpoportal.admin.imports;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
 * check of the file, then in one transaction the COPY into staging, the checks across rows and
 * the merge (or, for the roster, the preview; its apply is a second job step once staff
 * confirm). A file with any bad row writes nothing. One job at a time per node: imports are
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
					outcome.problems.size());
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

	private void checkNow(Kenpo kenpo, long jobId, SpooledFile file) throws IOException {
		ImportJob job = jobs.find(kenpo.id(), jobId).orElseThrow();
		Merger merger = mergers.get(job.kind());
		jobs.start(jobId, clock.instant());
		ImportPhases phases = new ImportPhases();
		Path clean = Files.createTempFile(file.path().getParent(), "import-clean-", ".csv");
		try {
			FileCheck.Outcome checked;
			long errorCount;
			try (ImportErrors.Sink sink = errors.sink(jobId)) {
				checked = FileCheck.run(file, merger.format(kenpo), jobId, kenpo.id(), clean, sink,
						(bytes, rows) -> jobs.progress(jobId, bytes, rows));
				errorCount = sink.count();
			}
			phases.end("check");
			if (checked.encoding() != null) {
				jobs.encoding(jobId, checked.encoding());
			}
			if (checked.failure() != null || errorCount > 0) {
				finish(kenpo, jobId, ImportState.FAILED, Counts.NONE,
						checked.failure() != null ? checked.failure() : "imports.error.rows",
						checked.failure() != null ? checked.failureArg() : String.valueOf(errorCount), errorCount);
				return;
			}
			jobs.state(jobId, job.kind().previewed() ? ImportState.VALIDATING : ImportState.APPLYING);
			Outcome outcome = merge(kenpo, job, merger, clean, phases);
			finish(kenpo, jobId, outcome.state, outcome.counts, outcome.failure, outcome.failureArg,
					outcome.problems.size());
			phases.end("finish");
			log.info("import job {} ({}) {}: {}", jobId, job.kind(), outcome.state, phases);
		}
		finally {
			Files.deleteIfExists(clean);
		}
	}

	/**
	 * The transaction: lock, refuse an older file, COPY (when a clean file is given), check
	 * across rows, then preview or merge. Problems roll it all back and go to the error report.
	 */
	private Outcome merge(Kenpo kenpo, ImportJob job, Merger merger, Path clean, ImportPhases phases) {
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
				if (newer.isPresent()) {
					status.setRollbackOnly();
					return Outcome.failed("imports.error.olderFile", newer.get().toString());
				}
				if (clean != null) {
					try (Reader reader = Files.newBufferedReader(clean, StandardCharsets.UTF_8)) {
						merger.load(job.id(), reader);
					}
					catch (IOException e) {
						throw new java.io.UncheckedIOException(e);
					}
					phases.end("copy");
					List<StagedRowProblem> problems = merger.problems(job.id());
					phases.end("checks");
					if (!problems.isEmpty()) {
						status.setRollbackOnly();
						return new Outcome(ImportState.FAILED, Counts.NONE, "imports.error.rows",
								String.valueOf(problems.size()), problems);
					}
				}
				if (clean != null && job.kind().previewed()) {
					Counts preview = merger.preview(kenpo.id(), job.id(), job.fileCreatedOn());
					phases.end("preview");
					return new Outcome(ImportState.PREVIEW, preview, null, null, List.of());
				}
				Counts applied = merger.apply(kenpo.id(), job.id(), job.fileCreatedOn());
				phases.end("merge");
				return new Outcome(ImportState.APPLIED, applied, null, null, List.of());
			});
			phases.end("commit");
		}
		catch (DataAccessException e) {
			// a constraint of the tables refused the merge (e.g. a file giving a person the 記号・番号・枝番 of
			// one who is missing from it and so stays on the roster with it)
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

	private void finish(Kenpo kenpo, long jobId, ImportState state, Counts counts, String failure, String failureArg,
			long errorCount) {
		jobs.finish(jobId, state, counts, failure, failureArg, errorCount, clock.instant());
		jobs.find(kenpo.id(), jobId).ifPresent(audit::finished);
	}

	@PreDestroy
	void stop() {
		executor.shutdownNow();
	}

	private record Outcome(ImportState state, Counts counts, String failure, String failureArg,
			List<StagedRowProblem> problems) {

		static Outcome failed(String failure, String arg) {
			return new Outcome(ImportState.FAILED, Counts.NONE, failure, arg, List.of());
		}
	}
}
