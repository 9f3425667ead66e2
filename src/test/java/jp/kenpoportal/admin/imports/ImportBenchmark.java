package jp.kenpoportal.admin.imports;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.Writer;
import java.sql.Connection;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;

import javax.sql.DataSource;

import jp.kenpoportal.KenpoPortalApplication;
import jp.kenpoportal.common.BulkCopy;
import jp.kenpoportal.tenant.Kenpo;
import jp.kenpoportal.tenant.KenpoDirectory;
import jp.kenpoportal.tenant.NewKenpo;
import jp.kenpoportal.tenant.PasswordRules;
import jp.kenpoportal.tenant.SecondFactor;

import org.postgresql.PGConnection;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The import benchmark (README, "Benchmarks"; issue 11), not a test:
 * {@code ./mvnw -q -Pbench-imports test-compile exec:exec} (-Dbench.persons=100000 -Dbench.claims=1000000).
 * <p>
 * Starts the portal in this JVM on a fresh embedded PostgreSQL, generates a roster of N persons
 * and M claim lines reproducibly (fixed seed), imports both through the import code (spool,
 * streaming check, COPY into staging, set-based merge, commit; the roster through its preview and
 * confirmation), then COPYs the same rows raw into {@code medical_claim} itself in the same run
 * (the issue's baseline; the file's text into an unlogged table as a second reference), and
 * reports rows per second of each, the heap after a full GC at the start and the end, and the
 * process's peak RSS (VmHWM). Optionally an account migration ({@code bench.accounts}).
 * <p>
 * The file is the whole import here, not HTTP: {@code Imports.submit} spools the stream as an
 * upload would.
 */
public final class ImportBenchmark {

	private ImportBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int persons = Integer.getInteger("bench.persons", 100_000);
		int claims = Integer.getInteger("bench.claims", 1_000_000);
		Path dir = Path.of(System.getProperty("bench.dir", "target/bench-imports"), String.valueOf(System.currentTimeMillis()));
		Files.createDirectories(dir);
		ConfigurableApplicationContext app = new SpringApplicationBuilder(KenpoPortalApplication.class)
			.run("--server.port=0", "--management.server.port=0", "--server.address=127.0.0.1", "--portal.data-dir=" + dir.resolve("data"),
					"--portal.imports.spool-dir=" + dir.resolve("spool"), "--logging.level.root=WARN",
					// each job's steps and the claim merge's statements, with their times
					"--logging.level.jp.kenpoportal.admin.imports.ImportRunner=INFO",
					"--logging.level.jp.kenpoportal.medical.ClaimMerge=DEBUG");
		try {
			run(app, dir, persons, claims);
		}
		finally {
			app.close();
		}
	}

	private static void run(ConfigurableApplicationContext app, Path dir, int persons, int claims) throws Exception {
		Imports imports = app.getBean(Imports.class);
		ImportJobs jobs = app.getBean(ImportJobs.class);
		JdbcClient jdbc = app.getBean(JdbcClient.class);
		Kenpo kenpo = kenpo(app.getBean(KenpoDirectory.class));
		Path roster = dir.resolve("roster.csv");
		Path claimFile = dir.resolve("claims.csv");
		long t0 = System.nanoTime();
		generate(roster, claimFile, persons, claims);
		System.out.printf("generated %,d persons (%,d bytes) and %,d claim lines (%,d bytes) in %.1f s%n", persons,
				Files.size(roster), claims, Files.size(claimFile), (System.nanoTime() - t0) / 1e9);
		long heapStart = heapAfterGc();

		long start = System.nanoTime();
		ImportJob r = submit(imports, kenpo, ImportKind.ROSTER, roster, "2026-11");
		await(jobs, kenpo, r.id(), ImportState.PREVIEW);
		imports.confirm(kenpo, jobs.find(kenpo.id(), r.id()).orElseThrow(), staffId(jdbc));
		ImportJob rosterDone = await(jobs, kenpo, r.id(), ImportState.APPLIED);
		double rosterSeconds = (System.nanoTime() - start) / 1e9;
		System.out.printf("roster: %,d persons in %.1f s = %,.0f rows/s (inserted %,d)%n", persons, rosterSeconds,
				persons / rosterSeconds, rosterDone.inserted());

		start = System.nanoTime();
		ImportJob c = submit(imports, kenpo, ImportKind.CLAIMS, claimFile, "2026-09");
		ImportJob claimsDone = await(jobs, kenpo, c.id(), ImportState.APPLIED);
		double claimSeconds = (System.nanoTime() - start) / 1e9;
		System.out.printf("claims: %,d lines in %.1f s = %,.0f rows/s (inserted %,d)%n", claims, claimSeconds,
				claims / claimSeconds, claimsDone.inserted());

		if (Boolean.parseBoolean(System.getProperty("bench.raw", "true"))) {
			double tableSeconds = rawCopyIntoTable(app, jdbc, kenpo, dir);
			System.out.printf("raw COPY of the same rows into medical_claim (indexes, constraints, commit): %.1f s = %,.0f rows/s%n",
					tableSeconds, claims / tableSeconds);
			System.out.printf("claims import / raw COPY into medical_claim: %.0f %%%n", 100 * tableSeconds / claimSeconds);
			double rawSeconds = rawCopy(app, jdbc, claimFile);
			System.out.printf("(second reference) raw COPY of the file's text into an unlogged table without indexes: %.1f s = %,.0f rows/s%n",
					rawSeconds, claims / rawSeconds);
			System.out.printf("(second reference) claims import / raw COPY into the unlogged text table: %.0f %%%n",
					100 * rawSeconds / claimSeconds);
		}
		int accounts = Integer.getInteger("bench.accounts", 0);
		if (accounts > 0) {
			accountMigration(app, imports, jobs, jdbc, kenpo, dir, accounts);
		}
		long heapEnd = heapAfterGc();
		System.out.printf("heap after GC: start %,d MiB, end %,d MiB (difference %+d MiB)%n", heapStart >> 20,
				heapEnd >> 20, (heapEnd - heapStart) >> 20);
		System.out.println("peak RSS (VmHWM): " + peakRss());
	}

	/**
	 * The old system's web accounts of the first N 本人 (branch 00), whose import hashes each
	 * one's initial password (Argon2), timed against the same number of hashes one after the
	 * other on this thread, measured on a sample of 200 in the same run.
	 */
	private static void accountMigration(ConfigurableApplicationContext app, Imports imports, ImportJobs jobs,
			JdbcClient jdbc, Kenpo kenpo, Path dir, int accounts) throws IOException {
		Path file = dir.resolve("accounts.csv");
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write(String.join(",", AccountFormat.HEADERS) + "\r\n");
			for (String key : jdbc.sql("select person_key from member where kenpo_id = ? and branch = '00' order by id limit ?")
				.params(kenpo.id(), accounts)
				.query(String.class)
				.list()) {
				out.write(key + ",old." + key.toLowerCase(java.util.Locale.ROOT) + "," + key + "@example.com\r\n");
			}
		}
		long start = System.nanoTime();
		ImportJob a = submit(imports, kenpo, ImportKind.ACCOUNTS, file, "2026-11");
		ImportJob done = await(jobs, kenpo, a.id(), ImportState.APPLIED);
		double seconds = (System.nanoTime() - start) / 1e9;
		System.out.printf("accounts: %,d in %.1f s = %,.0f accounts/s (opened %,d)%n", accounts, seconds,
				accounts / seconds, done.inserted());
		jp.kenpoportal.account.PasswordHasher hasher = app.getBean(jp.kenpoportal.account.PasswordHasher.class);
		long sampleStart = System.nanoTime();
		for (int i = 0; i < 200; i++) {
			hasher.hash("1000001" + i + "19800101");
		}
		double perHash = (System.nanoTime() - sampleStart) / 1e9 / 200;
		System.out.printf("accounts: one hash after another would take %.1f s (%.1f ms a hash, %d cores)%n",
				perHash * accounts, perHash * 1000, Runtime.getRuntime().availableProcessors());
	}

	/**
	 * The issue's baseline: a raw COPY of the same rows into the same table. The rows the import
	 * applied are COPYed out (kenpo and member resolved, as COPY needs them), deleted and the
	 * table vacuumed, so it is as it was before the import (an own-deleted row left in the
	 * unique index would slow the COPY down); then COPYed back into {@code medical_claim} with
	 * its indexes, foreign key and checks, timed up to its commit as the import is.
	 */
	private static double rawCopyIntoTable(ConfigurableApplicationContext app, JdbcClient jdbc, Kenpo kenpo, Path dir)
			throws Exception {
		String columns = "kenpo_id, member_id, service_month, category, provider_name, days, total_cost, insurer_paid,"
				+ " public_paid, patient_paid, published_at";
		Path rows = dir.resolve("medical_claim.csv");
		DataSource dataSource = app.getBean(DataSource.class);
		try (Connection c = dataSource.getConnection();
				Writer out = Files.newBufferedWriter(rows, StandardCharsets.UTF_8)) {
			c.unwrap(PGConnection.class).getCopyAPI().copyOut("copy (select " + columns
					+ " from medical_claim where kenpo_id = " + kenpo.id() + " order by id) to stdout (format csv)", out);
		}
		long before = jdbc.sql("select count(*) from medical_claim where kenpo_id = ?").param(kenpo.id())
			.query(Long.class).single();
		jdbc.sql("delete from medical_claim where kenpo_id = ?").param(kenpo.id()).update();
		jdbc.sql("vacuum (analyze) medical_claim").update();
		BulkCopy copy = app.getBean(BulkCopy.class);
		long start = System.nanoTime();
		app.getBean(TransactionTemplate.class).executeWithoutResult(s -> {
			try (Reader in = Files.newBufferedReader(rows, StandardCharsets.UTF_8)) {
				copy.copyIn("copy medical_claim (" + columns + ") from stdin (format csv)", in);
			}
			catch (IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
		});
		double seconds = (System.nanoTime() - start) / 1e9;
		long after = jdbc.sql("select count(*) from medical_claim where kenpo_id = ?").param(kenpo.id())
			.query(Long.class).single();
		if (after != before) {
			throw new IllegalStateException("raw COPY put back " + after + " rows of " + before);
		}
		Files.delete(rows);
		return seconds;
	}

	/** The same lines into a table of the same columns, the text as it is in the file: COPY alone. */
	private static double rawCopy(ConfigurableApplicationContext app, JdbcClient jdbc, Path file) throws IOException {
		jdbc.sql("""
				create unlogged table if not exists bench_raw_claim (person_key text, service_month text, category text,
				  provider_name text, days int, total_cost int, insurer_paid int, public_paid int, patient_paid int,
				  published_at date)""").update();
		BulkCopy copy = app.getBean(BulkCopy.class);
		long start = System.nanoTime();
		app.getBean(TransactionTemplate.class).executeWithoutResult(s -> {
			try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
				copy.copyIn("copy bench_raw_claim from stdin (format csv, header true)", in);
			}
			catch (IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
		});
		return (System.nanoTime() - start) / 1e9;
	}

	private static ImportJob submit(Imports imports, Kenpo kenpo, ImportKind kind, Path file, String month)
			throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			return imports.submit(kenpo, kind, file.getFileName().toString(), in, YearMonth.parse(month),
					LocalDate.of(2026, 12, 1), null, null);
		}
	}

	private static ImportJob await(ImportJobs jobs, Kenpo kenpo, long id, ImportState wanted) {
		long lastReport = System.nanoTime();
		while (true) {
			ImportJob job = jobs.find(kenpo.id(), id).orElseThrow();
			if (job.state() == wanted) {
				return job;
			}
			if (!job.running() && job.state() != ImportState.PREVIEW) {
				throw new IllegalStateException("job " + id + " ended " + job.state() + " " + job.failure() + " "
						+ job.failureArg());
			}
			if (System.nanoTime() - lastReport > 5_000_000_000L) {
				System.out.printf("  job %d %s %d%% %,d rows%n", id, job.state(), job.percent(), job.rowsRead());
				lastReport = System.nanoTime();
			}
			LockSupport.parkNanos(50_000_000L);
		}
	}

	/** Households of 1–4 persons, 記号 2 digits, 番号 5 digits; claims spread over the persons (seed 11). */
	private static void generate(Path roster, Path claims, int persons, int claimLines) throws IOException {
		Random random = new Random(11);
		String[] categories = { "外来", "調剤", "歯科", "入院", "訪問看護" };
		try (BufferedWriter out = Files.newBufferedWriter(roster, StandardCharsets.UTF_8)) {
			out.write(String.join(",", RosterFormat.HEADERS) + "\r\n");
			int household = 0;
			int written = 0;
			while (written < persons) {
				household++;
				int size = Math.min(persons - written, 1 + random.nextInt(4));
				String symbol = String.format("%02d", 10 + household / 100_000);
				String number = String.format("%05d", household % 100_000);
				for (int b = 0; b < size; b++) {
					written++;
					out.write("B%07d,%s,%s,%02d,試験 太郎%d,シケン タロウ,%d-%02d-%02d,%s,%s,2010-04-01,,3,E%03d,事業所%d,100-0001,東京都千代田区%d,,\r\n"
						.formatted(written, symbol, number, b, written, 1950 + random.nextInt(50), 1 + random.nextInt(12),
								1 + random.nextInt(28), b == 1 ? "女" : "男", b == 0 ? "本人" : b == 1 ? "妻" : "子",
								household % 50, household % 50, written));
				}
			}
		}
		try (BufferedWriter out = Files.newBufferedWriter(claims, StandardCharsets.UTF_8)) {
			out.write(String.join(",", ClaimFormat.HEADERS) + "\r\n");
			for (int i = 0; i < claimLines; i++) {
				int person = 1 + (i % persons);
				int month = 1 + (i / persons) % 12;
				int total = 1000 + random.nextInt(200_000);
				int patient = total * 3 / 10;
				out.write("B%07d,2025-%02d,%s,医療機関%d,%d,%d,%d,0,%d,2025-%02d-20\r\n".formatted(person, month,
						categories[(i / persons / 12) % categories.length], i / (persons * 60), 1 + random.nextInt(10),
						total, total - patient, patient, month));
			}
		}
	}

	private static Kenpo kenpo(KenpoDirectory kenpos) {
		String code = "bench" + System.nanoTime() % 100_000;
		return kenpos.create(new NewKenpo(code, code + ".localhost", "ベンチ健康保険組合", "06130454", "kenpo@" + code + ".example",
				null, 2, 5, Instant.now().plusSeconds(86_400), EnumSet.allOf(SecondFactor.class), SecondFactor.EMAIL_CODE,
				new PasswordRules(8, 64, "-_!", Set.of()), List.of("medical")));
	}

	/** A staff account to confirm the roster as (the import needs one, as in the console). */
	private static long staffId(JdbcClient jdbc) {
		return jdbc.sql("""
				insert into staff_account (kenpo_id, login_id, name, email, role, created_at)
				values (null, 'bench.operator' || (extract(epoch from now())::bigint), 'ベンチ', 'bench@example.com', 'OPERATOR', now())
				returning id""").query(Long.class).single();
	}

	private static long heapAfterGc() {
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	private static String peakRss() throws IOException {
		return Files.readAllLines(Path.of("/proc/self/status")).stream()
			.filter(l -> l.startsWith("VmHWM"))
			.findFirst()
			.map(l -> l.substring(6).strip())
			.orElse("unknown");
	}
}
