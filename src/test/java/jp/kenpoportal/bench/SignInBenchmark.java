package jp.kenpoportal.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import jp.kenpoportal.bench.BenchmarkProcCpu.ThreadKind;
import jp.kenpoportal.signin.totp.Base32;
import jp.kenpoportal.signin.totp.TotpAlgorithm;

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

	private static final String ARGON2_INLINE =
			"-XX:CompileCommand=inline,org.bouncycastle.crypto.generators.Argon2BytesGenerator*::*";

	private static final String HOST = "sakura.localhost";

	private final List<String> hashes = list(System.getProperty("bench.hashes", "default,7168:5:1"));

	private final int[] concurrencies = list(System.getProperty("bench.concurrency", "2,4,8")).stream()
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

	private final Path runDir = Path.of(System.getProperty("bench.dir", "target/bench"),
			LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))).toAbsolutePath();

	private final int cores = Runtime.getRuntime().availableProcessors();

	private String serverClasspath;

	public static void main(String[] args) throws Exception {
		// load every class of the driver now: a build running meanwhile may rewrite target/test-classes
		for (Class<?> c : SignInBenchmark.class.getDeclaredClasses()) {
			Class.forName(c.getName(), true, SignInBenchmark.class.getClassLoader());
		}
		Class.forName(BenchmarkHttpConnection.Response.class.getName());
		Class.forName(BenchmarkProcCpu.class.getName());
		new SignInBenchmark().run();
	}

	private void run() throws Exception {
		Files.createDirectories(runDir);
		serverClasspath = snapshotClasspath();
		long started = System.nanoTime();
		say("Sign-in benchmark: %d cores (%s), %s %s; results and logs in %s", cores, cpuModel(),
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
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-XX:CompileCommand=quiet");
		command.add(ARGON2_INLINE);
		if (jfr) {
			Files.createDirectories(runDir.resolve("jfr"));
			command.add("-XX:StartFlightRecording=filename=" + runDir.resolve("jfr").resolve(label + ".jfr")
					+ ",settings=profile,dumponexit=true");
		}
		Arrays.stream(serverJvmArgs.trim().split("\\s+")).filter(a -> !a.isEmpty()).forEach(command::add);
		command.add("-cp");
		command.add(serverClasspath);
		command.add(SignInBenchmarkServer.class.getName());
		command.add("--server.address=127.0.0.1");
		command.add("--server.port=0");
		command.add("--portal.data-dir=" + dir.resolve("data"));
		if (!hash.equals("default")) {
			String[] mtp = hash.split(":");
			command.add("--portal.security.argon2-memory-kib=" + mtp[0]);
			command.add("--portal.security.argon2-iterations=" + mtp[1]);
			command.add("--portal.security.argon2-parallelism=" + mtp[2]);
		}
		Files.createDirectories(runDir.resolve("logs"));
		Path log = runDir.resolve("logs").resolve("server-" + label + ".log");
		say("[%s] starting the portal (log %s)", label, log);
		try (Server server = Server.start(command, log)) {
			Map<String, String> ready = server.await("READY", 180);
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

			int maxConcurrency = Arrays.stream(concurrencies).max().orElse(1);
			// one sign-in per account and 30-s TOTP step: enough accounts for 1.5 times the raw hash rate
			int accounts = accountsWanted > 0 ? accountsWanted
					: Math.max(300, (int) Math.ceil(rawRate * TotpAlgorithm.STEP_SECONDS * 1.5) + 2 * maxConcurrency);
			Path accountsFile = dir.resolve("accounts.tsv");
			server.send("seed %d %s".formatted(accounts, accountsFile));
			Map<String, String> seeded = server.await("SEEDED", 600);
			say("[%s] seeded %s members with the authenticator app in %s ms", label, seeded.get("count"),
					seeded.get("millis"));
			AccountPool pool = AccountPool.read(accountsFile);

			CpuMeter cpu = new CpuMeter(server.pid(), pgData);
			warmUp(label, port, pool, maxConcurrency, cpu);

			List<Row> rows = new ArrayList<>();
			for (int c : concurrencies) {
				Row row = window(port, pool, c, cpu);
				rows.add(row);
				say("[%s] concurrency %d: %.1f sign-ins/s, p50 %.0f ms, p99 %.0f ms, server %.1f CPU ms/sign-in, "
						+ "%d errors, %d account waits", label, c, row.rate, row.p50, row.p99,
						row.jvm() + row.pgMs, row.errors, row.accountWaits);
			}
			server.send("quit");
			server.awaitExit(60);
			return new CostResult(cost, raw, accounts, rows);
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
	private void warmUp(String label, int port, AccountPool pool, int concurrency, CpuMeter cpu) throws Exception {
		Load load = new Load(port, pool, concurrency);
		load.startWorkers();
		long started = System.nanoTime();
		double jitShare = Double.NaN;
		CpuMeter.Sample last = cpu.sample();
		while (true) {
			sleep(5);
			CpuMeter.Sample now = cpu.sample();
			double jvm = now.jvmTotal() - last.jvmTotal();
			jitShare = jvm <= 0 ? 0 : (now.jvm.get(ThreadKind.JIT) - last.jvm.get(ThreadKind.JIT)) / jvm;
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
	private Row window(int port, AccountPool pool, int concurrency, CpuMeter cpu) throws Exception {
		Load load = new Load(port, pool, concurrency);
		load.startWorkers();
		sleep(settleSeconds);
		int waitsBefore = pool.waits.get();
		int errorsBefore = load.errors.get();
		CpuMeter.Sample before = cpu.sample();
		long start = System.nanoTime();
		sleep(seconds);
		long end = System.nanoTime();
		CpuMeter.Sample after = cpu.sample();
		int errors = load.errors.get() - errorsBefore;
		int waits = pool.waits.get() - waitsBefore;
		load.stop();
		long[] latencies = load.latenciesCompletedBetween(start, end);
		int n = latencies.length;
		double per = n == 0 ? Double.NaN : 1.0 / n;
		Map<ThreadKind, Double> jvm = new EnumMap<>(ThreadKind.class);
		for (ThreadKind k : ThreadKind.values()) {
			jvm.put(k, (after.jvm.get(k) - before.jvm.get(k)) * per);
		}
		double jvmKernel = (after.jvmKernelMs - before.jvmKernelMs) * per;
		double pg = (after.pgMs - before.pgMs) * per;
		double driver = (after.driverMs - before.driverMs) * per;
		double machineTotal = after.machineTotalMs - before.machineTotalMs;
		double machineBusy = after.machineBusyMs - before.machineBusyMs;
		double ours = (after.jvmTotal() - before.jvmTotal()) + (after.pgMs - before.pgMs)
				+ (after.driverMs - before.driverMs);
		return new Row(concurrency, n, n / ((end - start) / 1e9), percentile(latencies, 50),
				percentile(latencies, 95), percentile(latencies, 99), jvm, jvmKernel, pg, driver,
				100 * machineBusy / machineTotal, 100 * Math.max(0, machineBusy - ours) / machineTotal, errors, waits);
	}

	private static double percentile(long[] sortedNanos, int p) {
		if (sortedNanos.length == 0) {
			return Double.NaN;
		}
		int index = (int) Math.ceil(p / 100.0 * sortedNanos.length) - 1;
		return sortedNanos[Math.max(0, Math.min(index, sortedNanos.length - 1))] / 1e6;
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
				""".formatted(cores, cores);
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
				Browser browser = new Browser(http);
				while (!stopping.get()) {
					AccountPool.Account account = pool.take(stopping);
					if (account == null) {
						return;
					}
					long begin = System.nanoTime();
					try {
						browser.signIn(account);
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
			return records.stream().mapToLong(r -> r[2][0]).sum();
		}

		/** Sorted latencies (ns) of sign-ins that finished between the two instants; call after stop. */
		long[] latenciesCompletedBetween(long start, long end) {
			long[] out = new long[(int) completedTotal()];
			int k = 0;
			for (long[][] r : records) {
				for (int i = 0; i < r[2][0]; i++) {
					if (r[0][i] >= start && r[0][i] < end) {
						out[k++] = r[1][i];
					}
				}
			}
			long[] sorted = Arrays.copyOf(out, k);
			Arrays.sort(sorted);
			return sorted;
		}
	}

	/** What a browser does to sign in: pages, cookies, forms with their CSRF token, redirects. */
	private static final class Browser {

		private final BenchmarkHttpConnection http;

		private final Map<String, String> cookies = new LinkedHashMap<>();

		private String path;

		Browser(BenchmarkHttpConnection http) {
			this.http = http;
		}

		void signIn(AccountPool.Account account) throws IOException {
			cookies.clear();
			String page = get("/login");
			expect(page, "/login", "action=\"/login\"");
			page = post("/login", "userId=" + enc(account.loginId) + "&password="
					+ enc(SignInBenchmarkServer.PASSWORD) + "&_csrf=" + enc(csrf(page, "/login")));
			expect(page, "/mfa/totp", "action=\"/mfa/totp\"");
			String csrf = csrf(page, "/mfa/totp");
			long step = TotpAlgorithm.stepAt(Instant.now());
			if (step <= account.lastStep) {
				throw new IllegalStateException("account used twice in one TOTP step");
			}
			account.lastStep = step;
			page = post("/mfa/totp", "code=" + TotpAlgorithm.code(account.key, step) + "&_csrf=" + enc(csrf));
			expect(page, "/", "class=\"greeting\"");
		}

		private String get(String target) throws IOException {
			return follow(http.get(target, cookieHeader()), target);
		}

		private String post(String target, String form) throws IOException {
			return follow(http.post(target, cookieHeader(), form), target);
		}

		private String follow(BenchmarkHttpConnection.Response response, String target) throws IOException {
			path = target;
			for (int hops = 0;; hops++) {
				store(response.all("set-cookie"));
				if (response.status() / 100 != 3) {
					if (response.status() != 200) {
						throw new IllegalStateException("HTTP " + response.status() + " at " + path);
					}
					return response.body();
				}
				if (hops == 10) {
					throw new IllegalStateException("too many redirects at " + path);
				}
				URI location = URI.create(response.header("location"));
				path = location.getRawPath() + (location.getRawQuery() == null ? "" : "?" + location.getRawQuery());
				response = http.get(path, cookieHeader());
			}
		}

		private void expect(String body, String pathPrefix, String marker) {
			boolean pathOk = pathPrefix.equals("/") ? path.equals("/") || path.startsWith("/?")
					: path.startsWith(pathPrefix);
			if (!pathOk || !body.contains(marker)) {
				throw new IllegalStateException("expected " + pathPrefix + " but got " + path + ": "
						+ body.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip());
			}
		}

		private static String csrf(String html, String action) {
			int form = html.indexOf("action=\"" + action + "\"");
			int input = html.indexOf("name=\"_csrf\"", form);
			int value = html.indexOf("value=\"", input) + 7;
			if (form < 0 || input < 0 || value < 7) {
				throw new IllegalStateException("no CSRF token in the form of " + action);
			}
			return html.substring(value, html.indexOf('"', value));
		}

		private void store(List<String> setCookies) {
			for (String header : setCookies) {
				String pair = header.split(";", 2)[0];
				int eq = pair.indexOf('=');
				String name = pair.substring(0, eq).trim();
				String value = pair.substring(eq + 1).trim();
				if (value.isEmpty() || header.toLowerCase(Locale.ROOT).contains("max-age=0")) {
					cookies.remove(name);
				}
				else {
					cookies.put(name, value);
				}
			}
		}

		private String cookieHeader() {
			if (cookies.isEmpty()) {
				return null;
			}
			StringBuilder s = new StringBuilder();
			cookies.forEach((k, v) -> s.append(s.length() == 0 ? "" : "; ").append(k).append('=').append(v));
			return s.toString();
		}

		private static String enc(String s) {
			return URLEncoder.encode(s, StandardCharsets.UTF_8);
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

	// ------------------------------------------------------------------------------------- CPU from /proc

	/** CPU time of the portal's JVM by thread kind, of its PostgreSQL cluster, of this driver, of the machine. */
	private static final class CpuMeter {

		private final long serverPid;

		private final Path pgData;

		CpuMeter(long serverPid, Path pgData) {
			this.serverPid = serverPid;
			this.pgData = pgData;
		}

		Sample sample() throws IOException {
			double[] machine = BenchmarkProcCpu.machineMs();
			Map<ThreadKind, Double> jvm = BenchmarkProcCpu.threadsMs(serverPid);
			double pg = BenchmarkProcCpu.postgresMs(pgData);
			double driver = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
				.getProcessCpuTime() / 1e6;
			return new Sample(jvm, BenchmarkProcCpu.processKernelMs(serverPid), pg, driver, machine[0], machine[1]);
		}

		record Sample(Map<ThreadKind, Double> jvm, double jvmKernelMs, double pgMs, double driverMs,
				double machineBusyMs, double machineTotalMs) {

			double jvmTotal() {
				return jvm.values().stream().mapToDouble(Double::doubleValue).sum();
			}
		}
	}

	// ------------------------------------------------------------------------------ the portal's process

	/** The portal's JVM: commands on its standard input, {@code BENCH} lines back, everything else to a log. */
	private static final class Server implements AutoCloseable {

		private final Process process;

		private final PrintWriter commands;

		private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();

		private Server(Process process, Path log) throws IOException {
			this.process = process;
			this.commands = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
			Writer logWriter = Files.newBufferedWriter(log);
			Thread pump = new Thread(() -> {
				try (BufferedReader out = new BufferedReader(
						new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)); logWriter) {
					String line;
					while ((line = out.readLine()) != null) {
						if (line.startsWith("BENCH ")) {
							replies.add(line.substring(6));
						}
						logWriter.write(line);
						logWriter.write('\n');
						logWriter.flush();
					}
				}
				catch (IOException e) {
					// the process is gone
				}
				replies.add("EXITED");
			}, "bench-server-output");
			pump.setDaemon(true);
			pump.start();
		}

		static Server start(List<String> command, Path log) throws IOException {
			return new Server(new ProcessBuilder(command).redirectErrorStream(true).start(), log);
		}

		long pid() {
			return process.pid();
		}

		void send(String command) {
			commands.println(command);
		}

		/** Waits for the reply that starts with {@code word}; returns its key=value pairs. */
		Map<String, String> await(String word, int timeoutSeconds) throws InterruptedException {
			String reply = replies.poll(timeoutSeconds, TimeUnit.SECONDS);
			if (reply == null || !reply.startsWith(word + " ")) {
				throw new IllegalStateException("the portal did not answer " + word + " but: " + reply
						+ " (see its log)");
			}
			Map<String, String> values = new LinkedHashMap<>();
			for (String pair : reply.substring(word.length() + 1).split(" ")) {
				int eq = pair.indexOf('=');
				values.put(pair.substring(0, eq), pair.substring(eq + 1));
			}
			return values;
		}

		void awaitExit(int timeoutSeconds) throws InterruptedException {
			if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
				process.destroy();
			}
		}

		@Override
		public void close() throws InterruptedException {
			commands.close();
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroy();
				if (!process.waitFor(20, TimeUnit.SECONDS)) {
					process.destroyForcibly();
				}
			}
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

	private record CostResult(String cost, Raw raw, int accounts, List<Row> rows) {

		String table() {
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

	// ------------------------------------------------------------------------------------------- helpers

	private static List<String> list(String csv) {
		return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
	}

	private static void say(String format, Object... args) {
		System.out.printf(Locale.ROOT, "%tT  %s%n", System.currentTimeMillis(),
				String.format(Locale.ROOT, format, args));
		System.out.flush();
	}

	private static void sleep(double seconds) {
		try {
			Thread.sleep((long) (seconds * 1000));
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private static String cpuModel() {
		try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
			return lines.filter(l -> l.startsWith("model name"))
				.map(l -> l.substring(l.indexOf(':') + 1).trim())
				.findFirst()
				.orElse("unknown CPU");
		}
		catch (IOException e) {
			return "unknown CPU";
		}
	}

	/**
	 * The class path for the portal's JVMs, with the project's class folders ({@code target/classes},
	 * {@code target/test-classes}) copied into the run folder first, so that a build started meanwhile in the
	 * same tree cannot pull classes from under a running portal.
	 */
	private String snapshotClasspath() throws IOException {
		List<String> entries = new ArrayList<>();
		int n = 0;
		for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
			Path path = Path.of(entry);
			if (Files.isDirectory(path)) {
				Path copy = runDir.resolve("classpath").resolve(n++ + "-" + path.getFileName());
				try (Stream<Path> walk = Files.walk(path)) {
					for (Path p : (Iterable<Path>) walk::iterator) {
						Path target = copy.resolve(path.relativize(p).toString());
						if (Files.isDirectory(p)) {
							Files.createDirectories(target);
						}
						else {
							Files.copy(p, target);
						}
					}
				}
				entries.add(copy.toString());
			}
			else {
				entries.add(entry);
			}
		}
		return String.join(java.io.File.pathSeparator, entries);
	}

	/** Deletes a tree, keeping the named entries directly below it. */
	private static void deleteTree(Path root, Path... keep) throws IOException {
		if (!Files.exists(root)) {
			return;
		}
		try (Stream<Path> walk = Files.walk(root)) {
			walk.sorted(Comparator.reverseOrder())
				.filter(p -> keep.length == 0 || !p.equals(root))
				.filter(p -> Arrays.stream(keep).noneMatch(k -> root.relativize(p).startsWith(k)))
				.forEach(p -> {
					try {
						Files.delete(p);
					}
					catch (IOException e) {
						// left behind, e.g. a file still open
					}
				});
		}
	}
}
