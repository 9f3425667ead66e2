package jp.kenpoportal.admin.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;

import jp.kenpoportal.tenant.Kenpo;

import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;

/**
 * The imports for the system itself (the demo seeder): the same files, checks, staging and
 * merges as an upload, run on the calling thread, a roster applied at once as if confirmed. No
 * staff member and no API client: the audit entries name neither. A file that does not import
 * cleanly is an error of the caller, thrown with the job's first row errors.
 */
@Service
@NamedInterface("imports")
public class SystemImports {

	private final Imports imports;

	private final ImportErrors errors;

	SystemImports(Imports imports, ImportErrors errors) {
		this.imports = imports;
		this.errors = errors;
	}

	/** A roster file (the whole roster of the kenpo), applied. */
	public void roster(Kenpo kenpo, String csv, YearMonth month, LocalDate created) {
		load(kenpo, ImportKind.ROSTER, "roster.csv", csv, month, created);
	}

	/** A 医療費 file. */
	public void claims(Kenpo kenpo, String csv, YearMonth month, LocalDate created) {
		load(kenpo, ImportKind.CLAIMS, "claims.csv", csv, month, created);
	}

	/** A 給付 decisions file. */
	public void decisions(Kenpo kenpo, String csv, YearMonth month, LocalDate created) {
		load(kenpo, ImportKind.DECISIONS, "decisions.csv", csv, month, created);
	}

	/** The web accounts of the old system (initial password of seed 000). */
	public void accounts(Kenpo kenpo, String csv, YearMonth month, LocalDate created) {
		load(kenpo, ImportKind.ACCOUNTS, "accounts.csv", csv, month, created);
	}

	private void load(Kenpo kenpo, ImportKind kind, String name, String csv, YearMonth month, LocalDate created) {
		ImportJob job;
		try {
			job = imports.loadHere(kenpo, kind, name, new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
					month, created);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		if (job.state() != ImportState.APPLIED && job.state() != ImportState.UNCHANGED) {
			throw new IllegalStateException("%s import of %s ended %s (%s %s): %s".formatted(kind, kenpo.code(),
					job.state(), job.failure(), job.failureArg(), errors.first(job.id(), 5)));
		}
	}
}
