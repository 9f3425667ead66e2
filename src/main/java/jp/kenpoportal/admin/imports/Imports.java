package jp.kenpoportal.admin.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;

import jp.kenpoportal.admin.imports.ImportJobs.Counts;
import jp.kenpoportal.tenant.Kenpo;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Receiving a file, for the console and the API alike: spooled to a temporary file as it
 * arrives (SHA-256 on the way), a job row, the audit entry, then the background check. The same
 * file applied before is answered at once as "no change".
 */
@Service
class Imports {

	private final ImportJobs jobs;

	private final ImportRunner runner;

	private final ImportAudit audit;

	private final TransactionTemplate transactions;

	private final java.util.List<Merger> mergers;

	private final Clock clock;

	private final Path spool;

	Imports(ImportJobs jobs, ImportRunner runner, ImportAudit audit, TransactionTemplate transactions,
			java.util.List<Merger> mergers, Clock clock, @Value("${portal.imports.spool-dir:}") String spoolDir)
			throws IOException {
		this.jobs = jobs;
		this.runner = runner;
		this.audit = audit;
		this.transactions = transactions;
		this.mergers = mergers;
		this.clock = clock;
		this.spool = spoolDir.isBlank() ? Path.of(System.getProperty("java.io.tmpdir"), "kenpo-imports")
				: Path.of(spoolDir);
		Files.createDirectories(spool);
	}

	boolean supports(ImportKind kind) {
		return runner.supports(kind);
	}

	/** Receives a file; the job, already finished when the same file was applied before. */
	ImportJob submit(Kenpo kenpo, ImportKind kind, String fileName, InputStream in, YearMonth month,
			LocalDate created, Long staffId, Long clientId) throws IOException {
		SpooledFile file = SpooledFile.spool(in, spool);
		long id = jobs.create(kenpo.id(), kind, cleanName(fileName), file, month.atDay(1), created, staffId, clientId,
				clock.instant());
		ImportJob job = jobs.find(kenpo.id(), id).orElseThrow();
		audit.received(job);
		if (jobs.appliedWithSameContent(kenpo.id(), kind, file.sha256()).isPresent()) {
			file.delete();
			jobs.finish(id, ImportState.UNCHANGED, Counts.NONE, "imports.result.sameFile", null, 0, clock.instant());
			ImportJob unchanged = jobs.find(kenpo.id(), id).orElseThrow();
			audit.finished(unchanged);
			return unchanged;
		}
		runner.check(kenpo, id, file);
		return job;
	}

	/**
	 * Receives a file from the system itself (no staff member, no API client) and runs it on the
	 * calling thread: checked, merged, and a roster applied at once (the system confirms its own
	 * file). Returns the finished job.
	 */
	ImportJob loadHere(Kenpo kenpo, ImportKind kind, String fileName, InputStream in, YearMonth month,
			LocalDate created) throws IOException {
		SpooledFile file = SpooledFile.spool(in, spool);
		long id = jobs.create(kenpo.id(), kind, cleanName(fileName), file, month.atDay(1), created, null, null,
				clock.instant());
		audit.received(jobs.find(kenpo.id(), id).orElseThrow());
		if (jobs.appliedWithSameContent(kenpo.id(), kind, file.sha256()).isPresent()) {
			file.delete();
			jobs.finish(id, ImportState.UNCHANGED, Counts.NONE, "imports.result.sameFile", null, 0, clock.instant());
			ImportJob unchanged = jobs.find(kenpo.id(), id).orElseThrow();
			audit.finished(unchanged);
			return unchanged;
		}
		runner.checkHere(kenpo, id, file);
		if (jobs.transition(kenpo.id(), id, ImportState.PREVIEW, ImportState.APPLYING)) {
			runner.applyNow(kenpo, id);
		}
		return jobs.find(kenpo.id(), id).orElseThrow();
	}

	/** Applies a previewed roster; false when it is no longer waiting for confirmation. */
	boolean confirm(Kenpo kenpo, ImportJob job, long staffId) {
		if (!jobs.transition(kenpo.id(), job.id(), ImportState.PREVIEW, ImportState.APPLYING)) {
			return false;
		}
		audit.confirmed(job, staffId);
		runner.apply(kenpo, job.id());
		return true;
	}

	/** Drops a previewed roster; nothing of it was applied. */
	boolean discard(Kenpo kenpo, ImportJob job, long staffId) {
		Boolean done = transactions.execute(status -> {
			if (!jobs.transition(kenpo.id(), job.id(), ImportState.PREVIEW, ImportState.DISCARDED)) {
				return false;
			}
			mergers.stream().filter(m -> m.kind() == job.kind()).findFirst().ifPresent(m -> m.discard(job.id()));
			return true;
		});
		if (Boolean.TRUE.equals(done)) {
			audit.discarded(job, staffId);
		}
		return Boolean.TRUE.equals(done);
	}

	Optional<ImportJob> find(Kenpo kenpo, long id) {
		return jobs.find(kenpo.id(), id);
	}

	/** The name alone (no folders), without control characters, at most 255 characters. */
	static String cleanName(String name) {
		String n = name == null ? "" : name.replace('\\', '/');
		n = n.substring(n.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").strip();
		if (n.isEmpty()) {
			n = "upload.csv";
		}
		return n.codePointCount(0, n.length()) > 255 ? n.substring(0, n.offsetByCodePoints(0, 255)) : n;
	}
}
