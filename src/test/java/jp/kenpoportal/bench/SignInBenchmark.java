package jp.kenpoportal.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jp.kenpoportal.bench.BenchmarkProcCpu.ThreadKind;
import jp.kenpoportal.signin.totp.Base32;
import jp.kenpoportal.signin.totp.TotpAlgorithm;

import static jp.kenpoportal.bench.BenchmarkSupport.deleteTree;
import static jp.kenpoportal.bench.BenchmarkSupport.list;
import static jp.kenpoportal.bench.BenchmarkSupport.percentile;
import static jp.kenpoportal.bench.BenchmarkSupport.say;
import static jp.kenpoportal.bench.BenchmarkSupport.sleep;
import static jp.kenpoportal.bench.BenchmarkSupport.snapshotClasspath;

/**
 * The sign-in benchmark (README, "Benchmarks"). For each password-hash cost it starts the portal in its own
 * JVM on 127.0.0.1 with the embedded PostgreSQL ({@link SignInBenchmarkServer}), measures the raw rate of the
 * configured hash in that JVM, seeds members who use the authenticator app, and then drives complete sign-ins
 * over HTTP — sign-in page, password, a TOTP code computed here, home page — at each concurrency for a fixed
 * time. It prints sign-ins per second, latency percentiles, CPU per sign-in of the server JVM and of its
 * PostgreSQL (read from {@code /proc}), and sign-ins as a share of the raw hash rate.
 *
 * <p>Settings (system properties): {@code bench.hashes} (comma-separated, each {@code default} or
 * {@code memoryKib:iterations:parallelism}), {@code bench.concurrency}, {@code bench.seconds},
 * {@code bench.warmupMin}, {@code bench.warmup} (sign-in warm-up, seconds), {@code bench.settle}, {@code bench.hashSeconds}, {@code bench.hashWarmup},
 * {@code bench.accounts} (0 = enough for the measured hash rate), {@code bench.jfr}, {@code bench.serverJvmArgs},
 * {@code bench.dir}, {@code bench.keep}.
 */
public final class SignInBenchmark {

	private static final String HOST = "sakura.localhost";

	private final List<String> hashes = list(System.getProperty("bench.hashes", "default,7168:5:1"));

	private final int[] concurrencies = list(System.getProperty("bench.concurrency", "2,4,8")).stream()
		.filter(c -> !c.isBlank() && !c.equals("0"))
		.mapToInt(Integer::parseInt)
		.toArray();

	private final double seconds = Double.parseDouble(System.getProperty("bench.seconds", "15"));

	private final double warmupSeconds = Double.parseDouble(System.getProperty("bench.warmup", "45"));

	private final double warmupMinSeconds = Double.parseDouble(System.getProperty("bench.warmupMin", "15"));

	private final double settleSeconds = Double.parseDouble(System.getProperty("bench.settle", "2"));

	private final double hashSeconds = Double.parseDouble(System.getProperty("bench.hashSeconds", "8"));

	private final double hashWarmupSeconds = Double.parseDouble(System.getProperty("bench.hashWarmup", "3"));

	private final int accountsWanted = Integer.parseInt(System.getProperty("bench.accounts", "0"));

	private final boolean jfr = Boolean.parseBoolean(System.getProperty("bench.jfr", "false"));

	private final String serverJvmArgs = System.getProperty("bench.serverJvmArgs", "");

	private final boolean keep = Boolean.parseBoolean(System.getProperty("bench.keep", "false"));

	/** Whether to measure every Argon2id implementation's raw rate too (1 and 2 threads). */
	private final boolean hashCandidates = Boolean.parseBoolean(System.getProperty("bench.hashCandidates", "true"));

	/** Requests of each kind measured alone (0: no per-kind measurement). */
	private final int kindRequests = Integer.parseInt(System.getProperty("bench.kindRequests", "1000"));

	private final int kindConcurrency = Integer.parseInt(System.getProperty("bench.kindConcurrency", "4"));
	/** {@code small}: the benchmark's members only; {@code large}: among 100,000 households of 10 kenpo (issue 14). */
	private final boolean large = "large".equals(System.getProperty("bench.scale", "small"));

	private final Path runDir = Path.of(System.getProperty("bench.dir", "target/bench"),
			LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))).toAbsolutePath();

	private final int cores = Runtime.getRuntime().availableProcessors();

	private String serverClasspath;

	public static void main(String[] args) throws Exception {
		// load every class of the driver now: a build running meanwhile may rewrite target/test-classes
		for (Class<?> c : SignInBenchmark.class.getDeclaredClasses()) {
			Class.forName(c.getName(), true, SignInBenchmark.class.getClassLoader());
		}
		for (Class<?> c : List.of(BenchmarkHttpConnection.Response.class, BenchmarkProcCpu.class,
				BenchmarkCpuMeter.Sample.class, BenchmarkServerProcess.class, BenchmarkBrowser.class,
				BenchmarkSupport.class)) {
			Class.forName(c.getName(), true, SignInBenchmark.class.getClassLoader());
		}
		new SignInBenchmark().run();
	}

	private void run() throws Exception {
		Files.createDirectories(runDir);
		serverClasspath = snapshotClasspath(runDir);
		long started = System.nanoTime();
		say("Sign-in benchmark: %d cores (%s), %s %s; results and logs in %s", cores, BenchmarkSupport.cpuModel(),
				System.getProperty("java.vm.name"), System.getProperty("java.version"), runDir);
		say("hash costs %s, concurrencies %s, %.0f s each (+%.0f s settle), sign-in warm-up %.0f–%.0f s", hashes,
				Arrays.toString(concurrencies), seconds, settleSeconds, warmupMinSeconds, warmupSeconds);
		List<CostResult> results = new ArrayList<>();
		for (String hash : hashes) {
			results.add(runCost(hash));
		}
		StringBuilder report = new StringBuilder();
		for (CostResult result : results) {
			report.append(result.table());
		}
		report.append(legend());
		System.out.println();
		System.out.print(report);
		Files.writeString(runDir.resolve("results.txt"), report);
		say("done in %.0f s", (System.nanoTime() - started) / 1e9);
		if (!keep) {
			deleteTree(runDir, Path.of("results.txt"), Path.of("jfr"), Path.of("logs"));
		}
	}

	private CostResult runCost(String hash) throws Exception {
		String label = hash.equals("default") ? "default" : "m" + hash.replace(':', '-');
		Path dir = runDir.resolve(label);
		Path jfrFile = null;
		if (jfr) {
			Files.createDirectories(runDir.resolve("jfr"));
			jfrFile = runDir.resolve("jfr").resolve(label + ".jfr");
		}
		List<String> costArgs = new ArrayList<>();
		if (!hash.equals("default")) {
			String[] mtp = hash.split(":");
			costArgs.add("--portal.security.argon2-memory-kib=" + mtp[0]);
			costArgs.add("--portal.security.argon2-iterations=" + mtp[1]);
			costArgs.add("--portal.security.argon2-parallelism=" + mtp[2]);
		}
		List<String> command = BenchmarkServerProcess.command(serverClasspath, dir.resolve("data"), jfrFile,
				serverJvmArgs, costArgs);
		Files.createDirectories(runDir.resolve("logs"));
		Path log = runDir.resolve("logs").resolve("server-" + label + ".log");
		say("[%s] starting the portal (log %s)", label, log);
		try (BenchmarkServerProcess server = BenchmarkServerProcess.start(command, log)) {
			Map<String, String> ready = server.await("READY", 900);
			int port = Integer.parseInt(ready.get("port"));
			String cost = "argon2id m=%s KiB, t=%s, p=%s".formatted(ready.get("memoryKib"), ready.get("iterations"),
					ready.get("parallelism"));
			say("[%s] portal up on 127.0.0.1:%d (pid %s), %s", label, port, ready.get("pid"), cost);
			Path pgData = Path.of(ready.get("pgdata"));

			server.send("hashrate %s %s %d".formatted(hashWarmupSeconds, hashSeconds, cores));
			Map<String, String> rate = server.await("HASHRATE", 600);
			long verifications = Long.parseLong(rate.get("verifications"));
			Raw raw = new Raw(verifications / Double.parseDouble(rate.get("seconds")),
					Double.parseDouble(rate.get("cpu.HASH")) / verifications,
					Arrays.stream(ThreadKind.values())
						.mapToDouble(k -> Double.parseDouble(rate.get("cpu." + k)))
						.sum() / verifications);
			double rawRate = raw.rate;
			say("[%s] raw hash rate %.1f verifications/s on %d threads; CPU ms per verification: %.1f in the "
					+ "hashing thread, %.1f for the whole JVM (GC included)", label, rawRate, cores, raw.threadCpuMs,
					raw.jvmCpuMs);

			Map<String, String> candidates = Map.of();
			if (hashCandidates) {
				candidates = server.ask("hashcandidates %s %s".formatted(hashWarmupSeconds, hashSeconds), "CANDIDATES",
						600);
				say("[%s] Argon2id implementations: %s", label, candidates);
			}

			int maxConcurrency = Arrays.stream(concurrencies).max().orElse(1);
			// one sign-in per account and 30-s TOTP step: enough accounts for 1.5 times the raw hash rate
			int accounts = accountsWanted > 0 ? accountsWanted
					: Math.max(300, (int) Math.ceil(rawRate * TotpAlgorithm.STEP_SECONDS * 1.5) + 2 * maxConcurrency);
			Path accountsFile = dir.resolve("accounts.tsv");
			server.send("seed %d %s".formatted(accounts, accountsFile));
			Map<String, String> seeded = server.await("SEEDED", 600);
			say("[%s] seeded %s members with the authenticator app in %s ms", label, seeded.get("count"),
					seeded.get("millis"));
			if (large) {
				Map<String, String> scaled = server.ask("seedscale", "SEEDEDSCALE", 3600);
				say("[%s] scale large: %s", label, scaled);
			}
			AccountPool pool = AccountPool.read(accountsFile);

			BenchmarkCpuMeter cpu = new BenchmarkCpuMeter(server.pid(), pgData);
			warmUp(label, port, pool, maxConcurrency, cpu);

			List<Row> rows = new ArrayList<>();
			for (int c : concurrencies) {
				Row row = window(port, pool, c, cpu);
				rows.add(row);
				say("[%s] concurrency %d: %.1f sign-ins/s, p50 %.0f ms, p99 %.0f ms, server %.1f CPU ms/sign-in, "
						+ "%d errors, %d account waits", label, c, row.rate, row.p50, row.p99,
						row.jvm() + row.pgMs, row.errors, row.accountWaits);
			}
			List<KindRow> kinds = new ArrayList<>();
			if (kindRequests > 0) {
				for (Kind kind : Kind.values()) {
					KindRow k = new KindMeasurement(port, pool, kind, kindRequests, kindConcurrency, cpu).run();
					kinds.add(k);
					say("[%s] %s alone: %d requests, %.2f CPU ms each in the JVM + %.2f in PostgreSQL", label,
							kind.request, k.requests, k.jvm(), k.pgMs);
				}
			}
			server.send("quit");
			server.awaitExit(60);
			return new CostResult(cost, raw, accounts, rows, kinds, candidates);
		}
		finally {
			if (!keep) {
				// the PostgreSQL cluster of this cost (tens of MB), also when the run failed
				deleteTree(dir);
			}
		}
	}

	/**
	 * Sign-ins at the highest concurrency until the JIT compilers have (nearly) settled: in slices of 5 s, at
	 * least {@code bench.warmupMin} s and at most {@code bench.warmup} s, stopping once the compiler threads
	 * used less than 3 % of the portal JVM's CPU in a slice. Compilation otherwise lands in the first windows.
	 */
	private void warmUp(String label, int port, AccountPool pool, int concurrency, BenchmarkCpuMeter cpu) throws Exception {
		Load load = new Load(port, pool, concurrency);
		load.startWorkers();
		long started = System.nanoTime();
		double jitShare = Double.NaN;
		BenchmarkCpuMeter.Sample last = cpu.sample();
		while (true) {
			sleep(5);
			BenchmarkCpuMeter.Sample now = cpu.sample();
			double jvm = now.jvmTotal() - last.jvmTotal();
			jitShare = jvm <= 0 ? 0 : (now.jvm().get(ThreadKind.JIT) - last.jvm().get(ThreadKind.JIT)) / jvm;
			last = now;
			double elapsed = (System.nanoTime() - started) / 1e9;
			if (elapsed >= warmupSeconds || elapsed >= warmupMinSeconds && jitShare < 0.03) {
				break;
			}
		}
		load.stop();
		say("[%s] warm-up: %d sign-ins at concurrency %d in %.0f s, %d errors; JIT compilers at %.0f %% of the "
				+ "JVM's CPU in the last 5 s", label, load.completedTotal(), concurrency,
				(System.nanoTime() - started) / 1e9, load.errors.get(), 100 * jitShare);
	}

	/** One measured window: workers started, a settle time, then counters read before and after. */
	private Row window(int port, AccountPool pool, int concurrency, BenchmarkCpuMeter cpu) throws Exception {
		Load load = new Load(port, pool, concurrency);
		load.startWorkers();
		sleep(settleSeconds);
		int waitsBefore = pool.waits.get();
		int errorsBefore = load.errors.get();
		BenchmarkCpuMeter.Sample before = cpu.sample();
		long start = System.nanoTime();
		sleep(seconds);
		long end = System.nanoTime();
		BenchmarkCpuMeter.Sample after = cpu.sample();
		int errors = load.errors.get() - errorsBefore;
		int waits = pool.waits.get() - waitsBefore;
		load.stop();
		long[] latencies = load.latenciesCompletedBetween(start, end);
		int n = latencies.length;
		double per = n == 0 ? Double.NaN : 1.0 / n;
		Map<ThreadKind, Double> jvm = new EnumMap<>(ThreadKind.class);
		for (ThreadKind k : ThreadKind.values()) {
			jvm.put(k, (after.jvm().get(k) - before.jvm().get(k)) * per);
		}
		double jvmKernel = (after.jvmKernelMs() - before.jvmKernelMs()) * per;
		double pg = (after.pgMs() - before.pgMs()) * per;
		double driver = (after.driverMs() - before.driverMs()) * per;
		double machineTotal = after.machineTotalMs() - before.machineTotalMs();
		double machineBusy = after.machineBusyMs() - before.machineBusyMs();
		double ours = (after.jvmTotal() - before.jvmTotal()) + (after.pgMs() - before.pgMs())
				+ (after.driverMs() - before.driverMs());
		return new Row(concurrency, n, n / ((end - start) / 1e9), percentile(latencies, 50),
				percentile(latencies, 95), percentile(latencies, 99), jvm, jvmKernel, pg, driver,
				100 * machineBusy / machineTotal, 100 * Math.max(0, machineBusy - ours) / machineTotal, errors, waits);
	}

	private String legend() {
		return """

				sign-in/s   complete sign-ins finished in the window: GET /login, POST /login (password), GET
				            /mfa/totp, POST /mfa/totp (TOTP code computed by the driver), GET / (home), with redirects
				p50/95/99   latency of one complete sign-in, first request to home page received
				server ms   CPU ms per sign-in of the portal's JVM plus its embedded PostgreSQL (/proc, utime+stime)
				raw /s      password-hash verifications per second of the configured hash, PasswordHasher.matches
				            in the portal's own JVM on %d threads, measured just before the sign-ins
				%% of raw    sign-in/s ÷ raw /s (target: at least 85 %%)
				CPU-based   the same share from CPU time alone: raw JVM CPU ms per verification ÷ CPU ms per
				            sign-in of portal JVM + PostgreSQL + driver; what %% of raw would be on a machine
				            doing nothing else
				CPU busy    whole machine over the window (%d cores); others = CPU used by other processes
				JVM all     the portal JVM's CPU per sign-in, by thread: requests (Tomcat threads, the password
				            hash included), GC, JIT (C1/C2 compilers), other; kernel = the part of JVM all spent in
				            the kernel (system calls: sockets to the browser and to PostgreSQL)
				PG, driver  the embedded PostgreSQL (postmaster and backends); this driver's JVM
				per kind    each request of a sign-in measured alone: browsers are prepared (unmeasured) up to
				            the step before it, then only that request is sent, once per prepared browser,
				            %d at a time; CPU ms of the portal JVM (all threads) and PostgreSQL ÷ requests.
				            "the hash" is the raw verification above (its thread's CPU); "path" = all five
				            requests less one hash: what a sign-in costs besides Argon2
				""".formatted(cores, cores, kindConcurrency);
	}

	// ---------------------------------------------------------------------------------------------- the load

	/** {@code concurrency} simulated browsers signing in one after another, each from its own address. */
	private static final class Load {

		private final int port;

		private final AccountPool pool;

		private final int concurrency;

		private final AtomicBoolean stopping = new AtomicBoolean();

		private final AtomicInteger errors = new AtomicInteger();

		private final List<Thread> threads = new ArrayList<>();

		private final List<long[][]> records = new ArrayList<>();

		private final AtomicInteger loggedErrors = new AtomicInteger();

		private static final AtomicInteger ADDRESSES = new AtomicInteger();

		Load(int port, AccountPool pool, int concurrency) {
			this.port = port;
			this.pool = pool;
			this.concurrency = concurrency;
		}

		void startWorkers() {
			for (int i = 0; i < concurrency; i++) {
				int a = ADDRESSES.incrementAndGet();
				// TEST-NET addresses in X-Forwarded-For only (the portal trusts it from 127.0.0.1): one per browser
				String address = "192.0.2." + (1 + a % 254);
				long[][] mine = { new long[4096], new long[4096], { 0 } };
				records.add(mine);
				Thread t = new Thread(() -> work(address, mine), "bench-browser-" + i);
				t.setDaemon(true);
				threads.add(t);
				t.start();
			}
		}

		private void work(String address, long[][] mine) {
			try (BenchmarkHttpConnection http = new BenchmarkHttpConnection(port, HOST, address)) {
				BenchmarkBrowser browser = new BenchmarkBrowser(http);
				while (!stopping.get()) {
					AccountPool.Account account = pool.take(stopping);
					if (account == null) {
						return;
					}
					long begin = System.nanoTime();
					try {
						long step = TotpAlgorithm.stepAt(Instant.now());
						if (step <= account.lastStep) {
							throw new IllegalStateException("account used twice in one TOTP step");
						}
						account.lastStep = step;
						browser.signIn(account.loginId, SignInBenchmarkServer.PASSWORD, account.key, step);
						long end = System.nanoTime();
						record(mine, end, end - begin);
					}
					catch (Exception e) {
						errors.incrementAndGet();
						http.close();
						if (loggedErrors.incrementAndGet() <= 5) {
							say("sign-in of %s failed: %s", account.loginId, e.getMessage());
						}
						sleep(0.05);
					}
					finally {
						pool.give(account);
					}
				}
			}
		}

		private static void record(long[][] mine, long end, long latency) {
			int n = (int) mine[2][0];
			if (n == mine[0].length) {
				mine[0] = Arrays.copyOf(mine[0], n * 2);
				mine[1] = Arrays.copyOf(mine[1], n * 2);
			}
			mine[0][n] = end;
			mine[1][n] = latency;
			mine[2][0] = n + 1;
		}

		void stop() throws InterruptedException {
			stopping.set(true);
			pool.wakeUp();
			for (Thread t : threads) {
				t.join(120_000);
			}
		}

		long completedTotal() {
			return BenchmarkSupport.completedTotal(records);
		}

		/** Sorted latencies (ns) of what finished between the two instants; call after stop. */
		long[] latenciesCompletedBetween(long start, long end) {
			return BenchmarkSupport.latenciesCompletedBetween(records, start, end);
		}
	}

	/**
	 * The seeded accounts, least recently used first. A TOTP code is accepted once per account, so an account
	 * signs in at most once per 30-s step; if every account has been used in this step, a browser waits.
	 */
	private static final class AccountPool {

		private final ArrayDeque<Account> idle = new ArrayDeque<>();

		private final AtomicInteger waits = new AtomicInteger();

		static AccountPool read(Path file) throws IOException {
			AccountPool pool = new AccountPool();
			for (String line : Files.readAllLines(file)) {
				String[] parts = line.split("\t");
				pool.idle.add(new Account(parts[0], Base32.decode(parts[1])));
			}
			return pool;
		}

		synchronized Account take(AtomicBoolean stopping) {
			boolean waited = false;
			while (!stopping.get()) {
				long step = TotpAlgorithm.stepAt(Instant.now());
				Account head = idle.peekFirst();
				if (head != null && head.lastStep < step) {
					return idle.pollFirst();
				}
				if (!waited) {
					waits.incrementAndGet();
					waited = true;
				}
				try {
					wait(200);
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					return null;
				}
			}
			return null;
		}

		synchronized void give(Account account) {
			idle.addLast(account);
			notifyAll();
		}

		synchronized void wakeUp() {
			notifyAll();
		}

		static final class Account {

			final String loginId;

			final byte[] key;

			volatile long lastStep = -1;

			Account(String loginId, byte[] key) {
				this.loginId = loginId;
				this.key = key;
			}
		}
	}

	// ------------------------------------------------------------------------------- CPU per request kind

	/** The five requests of a sign-in, in order. */
	enum Kind {
		LOGIN_PAGE("GET /login (page)"), PASSWORD("POST /login (password)"), TOTP_PAGE("GET /mfa/totp (page)"),
		CODE("POST /mfa/totp (code)"), HOME("GET / (home)");

		final String request;

		Kind(String request) {
			this.request = request;
		}
	}

	/** One kind measured alone: requests, and CPU ms per request (JVM by thread kind, PostgreSQL). */
	private record KindRow(Kind kind, int requests, Map<ThreadKind, Double> jvmMs, double pgMs) {

		double jvm() {
			return jvmMs.values().stream().mapToDouble(Double::doubleValue).sum();
		}
	}

	/**
	 * One request kind alone. In batches: {@code concurrency} threads prepare browsers up to the step before
	 * the kind (not measured), the CPU counters are read, the same threads send that one request from each
	 * prepared browser over their own connection, and the counters are read again. Every browser is used
	 * once, as in a real sign-in (a fresh CSRF token, a session just changed by the step before).
	 */
	private static final class KindMeasurement {

		private static final int BATCH = 200;

		private final int port;

		private final AccountPool pool;

		private final Kind kind;

		private final int requests;

		private final int concurrency;

		private final BenchmarkCpuMeter cpu;

		private final AtomicBoolean stopping = new AtomicBoolean();

		KindMeasurement(int port, AccountPool pool, Kind kind, int requests, int concurrency, BenchmarkCpuMeter cpu) {
			this.port = port;
			this.pool = pool;
			this.kind = kind;
			this.requests = requests;
			this.concurrency = concurrency;
			this.cpu = cpu;
		}

		/** One keep-alive connection per thread, the same for preparing and measuring (one client address). */
		private final List<BenchmarkHttpConnection> connections = new ArrayList<>();

		KindRow run() throws Exception {
			for (int i = 0; i < concurrency; i++) {
				connections.add(new BenchmarkHttpConnection(port, HOST, "192.0.2." + (200 + i)));
			}
			Map<ThreadKind, Double> jvm = new EnumMap<>(ThreadKind.class);
			for (ThreadKind k : ThreadKind.values()) {
				jvm.put(k, 0.0);
			}
			double pg = 0;
			int done = 0;
			try {
				while (done < requests) {
					int n = Math.min(BATCH, requests - done);
					Prepared[] browsers = new Prepared[n];
					inParallel(n, (i, http) -> browsers[i] = prepare(http));
					sleep(0.3);
					BenchmarkCpuMeter.Sample before = cpu.sample();
					inParallel(n, (i, http) -> measured(browsers[i], http));
					BenchmarkCpuMeter.Sample after = cpu.sample();
					for (ThreadKind k : ThreadKind.values()) {
						jvm.merge(k, after.jvm().get(k) - before.jvm().get(k), Double::sum);
					}
					pg += after.pgMs() - before.pgMs();
					done += n;
				}
			}
			finally {
				connections.forEach(BenchmarkHttpConnection::close);
			}
			int count = done;
			jvm.replaceAll((k, ms) -> ms / count);
			return new KindRow(kind, count, jvm, pg / count);
		}

		/** Browser i prepared (or measured) by thread i % concurrency over that thread's connection. */
		private void inParallel(int n, Step step) throws Exception {
			List<Thread> threads = new ArrayList<>();
			List<Exception> failures = java.util.Collections.synchronizedList(new ArrayList<>());
			for (int t = 0; t < concurrency; t++) {
				int first = t;
				Thread thread = new Thread(() -> {
					try {
						for (int i = first; i < n; i += concurrency) {
							step.run(i, connections.get(first));
						}
					}
					catch (Exception e) {
						failures.add(e);
					}
				}, "bench-kind-" + t);
				threads.add(thread);
				thread.start();
			}
			for (Thread thread : threads) {
				thread.join();
			}
			if (!failures.isEmpty()) {
				throw new IllegalStateException(kind.request + ": " + failures.get(0).getMessage(), failures.get(0));
			}
		}

		/** A browser whose next request is the measured kind. */
		private Prepared prepare(BenchmarkHttpConnection http) throws Exception {
			BenchmarkBrowser browser = new BenchmarkBrowser(http);
			AccountPool.Account account = null;
			if (kind.ordinal() > Kind.LOGIN_PAGE.ordinal()) {
				browser.stepLoginPage();
				account = pool.take(stopping);
			}
			if (kind.ordinal() > Kind.PASSWORD.ordinal()) {
				browser.stepPassword(account.loginId, SignInBenchmarkServer.PASSWORD);
			}
			if (kind.ordinal() > Kind.TOTP_PAGE.ordinal()) {
				browser.stepTotpPage();
			}
			if (kind.ordinal() > Kind.CODE.ordinal()) {
				browser.stepCode(account.key, useStep(account));
			}
			if (account != null && kind != Kind.CODE) {
				pool.give(account);
			}
			return new Prepared(browser, account);
		}

		private void measured(Prepared p, BenchmarkHttpConnection http) throws Exception {
			BenchmarkBrowser browser = p.browser.on(http);
			switch (kind) {
				case LOGIN_PAGE -> browser.stepLoginPage();
				case PASSWORD -> browser.stepPassword(p.account.loginId, SignInBenchmarkServer.PASSWORD);
				case TOTP_PAGE -> browser.stepTotpPage();
				case CODE -> {
					try {
						browser.stepCode(p.account.key, useStep(p.account));
					}
					finally {
						pool.give(p.account);
					}
				}
				case HOME -> browser.stepHome();
			}
		}

		/** The current TOTP step, which this account has not used yet (the pool handed out a fresh one). */
		private static long useStep(AccountPool.Account account) {
			long step = TotpAlgorithm.stepAt(Instant.now());
			if (step <= account.lastStep) {
				throw new IllegalStateException("account used twice in one TOTP step");
			}
			account.lastStep = step;
			return step;
		}

		private interface Step {
			void run(int index, BenchmarkHttpConnection http) throws Exception;
		}

		private record Prepared(BenchmarkBrowser browser, AccountPool.Account account) {
		}
	}

	// ---------------------------------------------------------------------------------------- the results

	/** The raw hash: verifications per second, CPU ms per verification in its thread and in the whole JVM. */
	private record Raw(double rate, double threadCpuMs, double jvmCpuMs) {
	}

	/** One window; CPU figures are milliseconds per sign-in. */
	private record Row(int concurrency, int signIns, double rate, double p50, double p95, double p99,
			Map<ThreadKind, Double> jvmMs, double jvmKernelMs, double pgMs, double driverMs, double busyPercent,
			double othersPercent,
			int errors, int accountWaits) {

		double jvm() {
			return jvmMs.values().stream().mapToDouble(Double::doubleValue).sum();
		}
	}

	private record CostResult(String cost, Raw raw, int accounts, List<Row> rows, List<KindRow> kinds,
			Map<String, String> candidates) {

		String table() {
			StringBuilder s = new StringBuilder();
			s.append(signInTable());
			if (!candidates.isEmpty()) {
				s.append(candidateTable());
			}
			if (!kinds.isEmpty()) {
				s.append(kindTable());
			}
			return s.toString();
		}

		private String candidateTable() {
			StringBuilder s = new StringBuilder();
			s.append(String.format(Locale.ROOT, "%nArgon2id implementations, raw verifications (same JVM, one after the other)%n"));
			s.append(String.format(Locale.ROOT, "%-14s %10s %10s %12s %12s%n", "", "1 thread/s", "2 threads/s",
					"CPU ms (1)", "CPU ms (2)"));
			candidates.keySet().stream().map(k -> k.substring(0, k.indexOf('.'))).distinct().forEach(name -> s.append(
					String.format(Locale.ROOT, "%-14s %10s %10s %12s %12s%n", name, candidates.get(name + ".1.rate"),
							candidates.get(name + ".2.rate"), candidates.get(name + ".1.cpu"),
							candidates.get(name + ".2.cpu"))));
			return s.toString();
		}

		private String kindTable() {
			StringBuilder s = new StringBuilder();
			s.append(String.format(Locale.ROOT, "%nCPU ms per request kind (each alone, prepared browsers)%n"));
			s.append(String.format(Locale.ROOT, "%-26s %6s %8s %8s %7s %7s %8s %8s%n", "request", "n", "JVM all",
					"requests", "GC", "JIT", "PG", "server"));
			double jvm = 0;
			double pg = 0;
			for (KindRow k : kinds) {
				s.append(String.format(Locale.ROOT, "%-26s %6d %8.2f %8.2f %7.2f %7.2f %8.2f %8.2f%n", k.kind.request,
						k.requests, k.jvm(), k.jvmMs.get(ThreadKind.REQUESTS), k.jvmMs.get(ThreadKind.GC),
						k.jvmMs.get(ThreadKind.JIT), k.pgMs, k.jvm() + k.pgMs));
				jvm += k.jvm();
				pg += k.pgMs;
			}
			s.append(String.format(Locale.ROOT, "%-26s %6s %8.2f %8s %7s %7s %8.2f %8.2f%n", "sum of the five", "", jvm,
					"", "", "", pg, jvm + pg));
			s.append(String.format(Locale.ROOT, "%-26s %6s %8.2f %8s %7s %7s %8s %8.2f%n", "the hash (raw, thread)", "",
					raw.threadCpuMs, "", "", "", "", raw.threadCpuMs));
			s.append(String.format(Locale.ROOT, "%-26s %6s %8.2f %8s %7s %7s %8.2f %8.2f%n", "path (sum less hash)", "",
					jvm - raw.threadCpuMs, "", "", "", pg, jvm + pg - raw.threadCpuMs));
			return s.toString();
		}

		private String signInTable() {
			StringBuilder s = new StringBuilder();
			s.append(String.format(Locale.ROOT, "%n%s — raw hash: %.1f verifications/s, %.1f CPU ms each "
					+ "(%.1f with the JVM's GC); %d accounts%n", cost, raw.rate, raw.threadCpuMs, raw.jvmCpuMs,
					accounts));
			s.append(String.format(Locale.ROOT, "%5s %10s %7s %7s %7s %9s %9s %8s %9s %8s %6s %6s%n", "conc",
					"sign-in/s", "p50 ms", "p95 ms", "p99 ms", "server ms", "raw /s", "% of raw", "CPU-based",
					"CPU busy", "others", "errors"));
			for (Row r : rows) {
				double server = r.jvm() + r.pgMs;
				s.append(String.format(Locale.ROOT,
						"%5d %10.1f %7.0f %7.0f %7.0f %9.1f %9.1f %7.0f%% %8.0f%% %7.0f%% %5.0f%% %6d%n",
						r.concurrency, r.rate, r.p50, r.p95, r.p99, server, raw.rate, 100 * r.rate / raw.rate,
						100 * raw.jvmCpuMs / (server + r.driverMs), r.busyPercent, r.othersPercent, r.errors));
			}
			s.append(String.format(Locale.ROOT, "%5s  CPU ms per sign-in: %8s %8s %6s %6s %6s %7s %6s %7s%n", "conc",
					"JVM all", "requests", "GC", "JIT", "other", "kernel", "PG", "driver"));
			for (Row r : rows) {
				s.append(String.format(Locale.ROOT, "%5d  %19s %8.1f %8.1f %6.1f %6.1f %6.1f %7.1f %6.1f %7.1f%n",
						r.concurrency, "", r.jvm(), r.jvmMs.get(ThreadKind.REQUESTS), r.jvmMs.get(ThreadKind.GC),
						r.jvmMs.get(ThreadKind.JIT), r.jvmMs.get(ThreadKind.OTHER) + r.jvmMs.get(ThreadKind.HASH),
						r.jvmKernelMs, r.pgMs, r.driverMs));
			}
			rows.stream().max(Comparator.comparingDouble(Row::rate)).ifPresent(best -> s.append(String.format(
					Locale.ROOT, "best: %.1f sign-ins/s at concurrency %d = %.0f %% of the raw hash rate (target 85 %%)%n",
					best.rate, best.concurrency, 100 * best.rate / raw.rate)));
			return s.toString();
		}
	}
}
