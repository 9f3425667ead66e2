package jp.kenpoportal.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import jdk.jfr.Configuration;
import jdk.jfr.Recording;

import jp.kenpoportal.KenpoPortalApplication;
import jp.kenpoportal.account.Account;
import jp.kenpoportal.account.Accounts;
import jp.kenpoportal.account.Argon2Candidates;
import jp.kenpoportal.account.PasswordHasher;
import jp.kenpoportal.benefit.BenefitDecisions;
import jp.kenpoportal.bench.BenchmarkProcCpu.ThreadKind;
import jp.kenpoportal.common.SecuritySettings;
import jp.kenpoportal.medical.MedicalExpenses;
import jp.kenpoportal.member.Member;
import jp.kenpoportal.member.MemberDirectory;
import jp.kenpoportal.member.NewMember;
import jp.kenpoportal.member.Sex;
import jp.kenpoportal.operations.JvmOptions;
import jp.kenpoportal.signin.totp.TotpCredentials;
import jp.kenpoportal.signin.totp.TotpSecret;
import jp.kenpoportal.support.ScaledKenpos;
import jp.kenpoportal.tenant.Kenpo;
import jp.kenpoportal.tenant.KenpoDirectory;
import jp.kenpoportal.tenant.Terms;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The portal as the benchmarks run it: the real application ({@link KenpoPortalApplication}, profile
 * {@code demo}, embedded PostgreSQL and SMTP server) in its own JVM, so that its CPU time can be read from
 * {@code /proc}. {@link SignInBenchmark} and {@link PageViewBenchmark} start it ({@link BenchmarkServerProcess})
 * and speak to it over standard input and output:
 *
 * <pre>
 *   → BENCH READY port=… pid=… memoryKib=… iterations=… parallelism=… pgdata=…
 *   ← hashrate &lt;warm-up s&gt; &lt;measure s&gt; &lt;threads&gt;
 *   → BENCH HASHRATE verifications=… seconds=… cpu.HASH=… cpu.GC=… cpu.JIT=… … (CPU milliseconds by thread kind)
 *   ← hashcandidates &lt;warm-up s&gt; &lt;measure s&gt;
 *   → BENCH CANDIDATES &lt;name&gt;.&lt;threads&gt;.rate=… &lt;name&gt;.&lt;threads&gt;.cpu=… … (each Argon2 implementation, 1 and 2 threads)
 *   ← seed &lt;count&gt; &lt;file&gt;
 *   → BENCH SEEDED count=… millis=…
 *   ← quit
 * </pre>
 *
 * and for {@link PageViewBenchmark}:
 *
 * <pre>
 *   ← seedpages &lt;accounts&gt; &lt;households&gt; &lt;file&gt;
 *   → BENCH SEEDEDPAGES accounts=… households=… members=… claims=… decisions=… year=… millis=…
 *   ← seedscale            (after the seeding above, with -Dbench.scale=large)
 *   → BENCH SEEDEDSCALE kenpos=… households=… members=… accounts=… claims=… decisions=… millis=…
 *   ← dbstats
 *   → BENCH DBSTATS xact=… &lt;table&gt;.seq=… &lt;table&gt;.idx=… &lt;table&gt;.ins=… &lt;table&gt;.upd=… … (pg_stat counters)
 *   ← jfrstart &lt;file&gt;   /   jfrstop
 *   → BENCH JFR started=…   /   BENCH JFR stopped=…
 * </pre>
 *
 * Not a test: surefire leaves {@code *Benchmark*} classes out of {@code ./mvnw verify}.
 */
public final class SignInBenchmarkServer {

	/** The kenpo the benchmark's members belong to (every factor allowed). */
	static final String KENPO = "sakura";

	/** Every benchmark account has this password (one shared Argon2 hash, made with the configured cost). */
	static final String PASSWORD = "Bench-Signin-2026";

	private static final PrintStream OUT = System.out;

	private SignInBenchmarkServer() {
	}

	public static void main(String[] args) throws Exception {
		// the JVM options the portal gives itself in production (heap cap, collector): measured as it runs;
		// -Dportal.jvm-options=applied in bench.serverJvmArgs measures the JVM's defaults instead
		JvmOptions.apply(SignInBenchmarkServer.class, args);
		ConfigurableApplicationContext context = new SpringApplicationBuilder(KenpoPortalApplication.class, BenchmarkRenderNothing.class)
			.profiles("demo")
			.run(args);
		SecuritySettings settings = context.getBean(SecuritySettings.class);
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		String dataDir = context.getEnvironment().getProperty("portal.data-dir");
		reply("READY port=%d pid=%d memoryKib=%d iterations=%d parallelism=%d pgdata=%s", port,
				ProcessHandle.current().pid(), settings.argon2MemoryKib(), settings.argon2Iterations(),
				settings.argon2Parallelism(), Path.of(dataDir, "pg").toAbsolutePath());
		BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
		String line;
		try {
			while ((line = in.readLine()) != null) {
				String[] words = line.trim().split("\\s+");
				switch (words[0]) {
					case "hashrate" -> hashRate(context.getBean(PasswordHasher.class), Double.parseDouble(words[1]),
							Double.parseDouble(words[2]), Integer.parseInt(words[3]));
					case "hashcandidates" -> hashCandidates(context.getBean(SecuritySettings.class),
							Double.parseDouble(words[1]), Double.parseDouble(words[2]));
					case "seed" -> seed(context, Integer.parseInt(words[1]), Path.of(words[2]));
					case "seedpages" -> seedPages(context, Integer.parseInt(words[1]), Integer.parseInt(words[2]),
							Path.of(words[3]));
					case "seedscale" -> seedScale(context);
					case "dbstats" -> dbStats(context.getBean(JdbcClient.class));
					case "jfrstart" -> jfrStart(Path.of(words[1]));
					case "jfrstop" -> jfrStop();
					case "quit" -> {
						return;
					}
					default -> reply("ERROR unknown command %s", line);
				}
			}
		}
		finally {
			// standard input closed or quit: the driver is done (or gone); never outlive it
			context.close();
			System.exit(0);
		}
	}

	/**
	 * The raw rate of the configured hash: {@link PasswordHasher#matches} of the application's own bean, in
	 * this JVM (same flags, same JIT), with {@code threads} threads, after a warm-up.
	 */
	private static void hashRate(PasswordHasher hasher, double warmupSeconds, double seconds, int threads)
			throws InterruptedException {
		String hash = hasher.hash(PASSWORD);
		AtomicLong count = new AtomicLong();
		CountDownLatch done = new CountDownLatch(threads);
		CountDownLatch release = new CountDownLatch(1);
		long warmupEnd = System.nanoTime() + (long) (warmupSeconds * 1e9);
		long end = warmupEnd + (long) (seconds * 1e9);
		List<Thread> workers = new ArrayList<>();
		for (int i = 0; i < threads; i++) {
			Thread t = new Thread(() -> {
				while (System.nanoTime() < warmupEnd) {
					check(hasher.matches(PASSWORD, hash));
				}
				long n = 0;
				while (System.nanoTime() < end) {
					check(hasher.matches(PASSWORD, hash));
					n++;
				}
				count.addAndGet(n);
				done.countDown();
				// stay alive until the CPU of this thread has been read
				awaitQuietly(release);
			}, "bench-hash-" + i);
			workers.add(t);
			t.start();
		}
		Thread.sleep(Math.max(0, (warmupEnd - System.nanoTime()) / 1_000_000));
		long pid = ProcessHandle.current().pid();
		Map<ThreadKind, Double> before = BenchmarkProcCpu.threadsMs(pid);
		long measureStart = System.nanoTime();
		done.await();
		// each thread finishes the verification under way at the deadline: count the real span
		double elapsed = (System.nanoTime() - measureStart) / 1e9;
		Map<ThreadKind, Double> after = BenchmarkProcCpu.threadsMs(pid);
		release.countDown();
		for (Thread t : workers) {
			t.join();
		}
		StringBuilder cpu = new StringBuilder();
		for (ThreadKind kind : ThreadKind.values()) {
			cpu.append(String.format(Locale.ROOT, " cpu.%s=%.0f", kind, after.get(kind) - before.get(kind)));
		}
		reply("HASHRATE verifications=%d seconds=%.3f%s", count.get(), elapsed, cpu);
	}

	/**
	 * Every Argon2id implementation the portal can use ({@link Argon2Candidates}: Bouncy Castle, argon2-jvm's
	 * library, libsodium) at the configured cost, in this JVM, one after the other on 1 and 2 threads:
	 * verifications per second and CPU ms per verification in the hashing thread.
	 */
	private static void hashCandidates(SecuritySettings settings, double warmupSeconds, double seconds)
			throws InterruptedException {
		int m = settings.argon2MemoryKib();
		int t = settings.argon2Iterations();
		int p = settings.argon2Parallelism();
		String hash = Argon2Candidates.reference(PASSWORD, m, t, p);
		StringBuilder s = new StringBuilder();
		for (Map.Entry<String, java.util.function.BiPredicate<String, String>> c : Argon2Candidates.load(m, t, p)
			.entrySet()) {
			for (int threads = 1; threads <= 2; threads++) {
				Argon2Candidates.Rate r = Argon2Candidates.rate(c.getValue(), PASSWORD, hash, threads, warmupSeconds,
						seconds);
				s.append(String.format(Locale.ROOT, " %1$s.%2$d.rate=%3$.1f %1$s.%2$d.cpu=%4$.2f", c.getKey(), threads,
						r.perSecond(), r.cpuMsEach()));
			}
		}
		reply("CANDIDATES%s", s);
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private static void check(boolean matched) {
		if (!matched) {
			throw new IllegalStateException("the benchmark password did not verify");
		}
	}

	/**
	 * {@code count} members of {@link #KENPO} who finished their first registration choosing the authenticator
	 * app: roster row, account, authenticator secret (encrypted by the application's own
	 * {@link TotpCredentials}). The accounts share one password hash made by the application's
	 * {@link PasswordHasher} with the configured cost, so seeding costs one hash rather than two per account;
	 * a sign-in verifies it exactly as any other. Writes {@code loginId TAB base32-secret} lines to the file.
	 */
	private static void seed(ConfigurableApplicationContext context, int count, Path file) throws IOException {
		long started = System.nanoTime();
		KenpoDirectory kenpos = context.getBean(KenpoDirectory.class);
		MemberDirectory members = context.getBean(MemberDirectory.class);
		TransactionTemplate tx = context.getBean(TransactionTemplate.class);
		Kenpo kenpo = kenpos.findByCode(KENPO).orElseThrow();
		Integer termsVersion = kenpos.currentTerms(kenpo.id()).map(Terms::version).orElse(null);
		String passwordHash = context.getBean(PasswordHasher.class).hash(PASSWORD);
		Timestamp now = Timestamp.from(Instant.now());
		List<String> lines = new ArrayList<>(count);
		int batch = 200;
		for (int from = 0; from < count; from += batch) {
			int first = from;
			int last = Math.min(count, from + batch);
			tx.executeWithoutResult(status -> {
				for (int i = first; i < last; i++) {
					// 記号 80–89 and a 4-digit 番号 (sakura's format): up to 100,000 members, none of them a demo one
					String symbol = Integer.toString(80 + i / 10_000);
					String number = String.format(Locale.ROOT, "%04d", i % 10_000);
					LocalDate birthDate = LocalDate.of(1960 + i % 40, 1 + i % 12, 1 + i % 28);
					Member member = members.register(kenpo.id(), new NewMember(symbol, number, "00",
							"負荷 試験" + i, "フカ シケン", birthDate, Sex.FEMALE, "本人", LocalDate.of(2020, 4, 1), null));
					String loginId = String.format(Locale.ROOT, "bench%06d", i);
					TotpSecret secret = openTotpAccount(context, kenpo, termsVersion, member, loginId, passwordHash, now);
					lines.add(loginId + "\t" + secret.base32());
				}
			});
		}
		Files.createDirectories(file.toAbsolutePath().getParent());
		Files.write(file, lines, StandardCharsets.UTF_8);
		reply("SEEDED count=%d millis=%d", count, (System.nanoTime() - started) / 1_000_000);
	}

	/**
	 * An account through its first registration, with the authenticator app as its second factor (secret
	 * encrypted by the application's own {@link TotpCredentials}) and the given password hash.
	 */
	private static TotpSecret openTotpAccount(ConfigurableApplicationContext context, Kenpo kenpo,
			Integer termsVersion, Member member, String loginId, String passwordHash, Timestamp now) {
		long accountId = context.getBean(JdbcClient.class).sql("""
				insert into account (kenpo_id, member_id, login_id, password_hash, password_changed_at, email,
				  email_verified_at, birth_date_confirmed_at, terms_version, user_id_confirmed_at, second_factor,
				  second_factor_enrolled_at, onboarded_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'TOTP', ?, ?) returning id""")
			.params(kenpo.id(), member.id(), loginId, passwordHash, now, loginId + "@bench.example.com", now, now,
					termsVersion, now, now, now)
			.query(Long.class)
			.single();
		Account account = context.getBean(Accounts.class).find(kenpo.id(), accountId).orElseThrow();
		TotpSecret secret = TotpSecret.generate();
		context.getBean(TotpCredentials.class).save(account, secret, -1);
		return secret;
	}

	/**
	 * {@code households} households of {@link #KENPO} with their claims and benefits
	 * ({@link BenchmarkHouseholds}); the insured of the first {@code accounts} have finished their first
	 * registration with the authenticator app (one shared password hash, as {@link #seed}). Writes
	 * {@code loginId TAB base32-secret TAB name} lines to the file, one per account. The other households
	 * only give the tables a realistic size.
	 */
	private static void seedPages(ConfigurableApplicationContext context, int accounts, int households, Path file)
			throws IOException {
		long started = System.nanoTime();
		KenpoDirectory kenpos = context.getBean(KenpoDirectory.class);
		TransactionTemplate tx = context.getBean(TransactionTemplate.class);
		Kenpo kenpo = kenpos.findByCode(KENPO).orElseThrow();
		Integer termsVersion = kenpos.currentTerms(kenpo.id()).map(Terms::version).orElse(null);
		String passwordHash = context.getBean(PasswordHasher.class).hash(PASSWORD);
		Timestamp now = Timestamp.from(Instant.now());
		BenchmarkHouseholds data = new BenchmarkHouseholds(context.getBean(MemberDirectory.class),
				context.getBean(MedicalExpenses.class), context.getBean(BenefitDecisions.class), kenpo, now.toInstant());
		List<String> lines = new ArrayList<>(accounts);
		int total = Math.max(accounts, households);
		int[] people = { 0 };
		int batch = 50;
		for (int from = 0; from < total; from += batch) {
			int first = from;
			int last = Math.min(total, from + batch);
			tx.executeWithoutResult(status -> {
				for (int i = first; i < last; i++) {
					List<Member> household = data.create(i);
					people[0] += household.size();
					if (i < accounts) {
						Member insured = household.get(0);
						String loginId = String.format(Locale.ROOT, "page%06d", i);
						TotpSecret secret = openTotpAccount(context, kenpo, termsVersion, insured, loginId, passwordHash,
								now);
						lines.add(loginId + "\t" + secret.base32() + "\t" + insured.name());
					}
				}
			});
		}
		// fresh planner statistics for the tables just filled, as autovacuum would give them soon after
		context.getBean(JdbcClient.class).sql("analyze").update();
		Files.createDirectories(file.toAbsolutePath().getParent());
		Files.write(file, lines, StandardCharsets.UTF_8);
		reply("SEEDEDPAGES accounts=%d households=%d members=%d claims=%d decisions=%d year=%d millis=%d", accounts,
				total, people[0], data.claims, data.decisions, data.viewedYear(),
				(System.nanoTime() - started) / 1_000_000);
	}

	/**
	 * Fills {@link #KENPO} up to 100,000 households whose insured all have an account (the benchmark's own
	 * members among them) and adds nine kenpo of 10,000 households, with claims ({@link ScaledKenpos}, set-based
	 * SQL): the data of issue 14's large run. Accounts share one password hash of the configured cost.
	 */
	private static void seedScale(ConfigurableApplicationContext context) {
		Kenpo kenpo = context.getBean(KenpoDirectory.class).findByCode(KENPO).orElseThrow();
		String passwordHash = context.getBean(PasswordHasher.class).hash(PASSWORD);
		ScaledKenpos.Seeded seeded = new ScaledKenpos(context.getBean(JdbcClient.class),
				context.getBean(KenpoDirectory.class), context.getBean(TransactionTemplate.class))
			.seed(kenpo, ScaledKenpos.Scale.large(passwordHash), Instant.now());
		reply("SEEDEDSCALE %s", seeded);
	}

	/**
	 * PostgreSQL's own counters: committed transactions of the database, and per table of the portal the
	 * sequential and index scans started and the rows inserted, updated and deleted. The driver reads them
	 * before and after a window; backends report their counts at most once a second, so the figures per
	 * request are close, not exact.
	 */
	private static void dbStats(JdbcClient jdbc) {
		StringBuilder s = new StringBuilder();
		s.append("xact=").append(jdbc.sql("select xact_commit + xact_rollback from pg_stat_database "
				+ "where datname = current_database()").query(Long.class).single());
		jdbc.sql("""
				select relname, coalesce(seq_scan, 0), coalesce(idx_scan, 0), n_tup_ins, n_tup_upd, n_tup_del
				from pg_stat_user_tables where schemaname = current_schema() order by relname""")
			.query((rs, n) -> s.append(String.format(Locale.ROOT, " %1$s.seq=%2$d %1$s.idx=%3$d %1$s.ins=%4$d "
					+ "%1$s.upd=%5$d %1$s.del=%6$d", rs.getString(1).toLowerCase(Locale.ROOT), rs.getLong(2),
					rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6))))
			.list();
		reply("DBSTATS %s", s);
	}

	private static Recording recording;

	/** A Flight Recording of this JVM (settings "profile") from now until {@code jfrstop}, into the file. */
	private static void jfrStart(Path file) throws IOException, java.text.ParseException {
		recording = new Recording(Configuration.getConfiguration("profile"));
		recording.setDestination(file);
		recording.setToDisk(true);
		recording.start();
		reply("JFR started=%s", file);
	}

	private static void jfrStop() {
		Path file = recording.getDestination();
		recording.stop();
		recording.close();
		recording = null;
		reply("JFR stopped=%s", file);
	}

	private static void reply(String format, Object... args) {
		synchronized (OUT) {
			OUT.println("BENCH " + String.format(Locale.ROOT, format, args));
			OUT.flush();
		}
	}
}
