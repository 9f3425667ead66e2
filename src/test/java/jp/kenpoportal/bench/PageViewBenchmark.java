package jp.kenpoportal.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 * The page-view benchmark (README, "Benchmarks"; issue 5, "Benchmark"): signed-in page views per second and
 * their latency, next to a static file of the same server measured in the same run. It starts the portal in
 * its own JVM on 127.0.0.1 with the embedded PostgreSQL ({@link SignInBenchmarkServer}), seeds households with
 * about two years of claims ({@link BenchmarkHouseholds}), signs each simulated member in once over HTTP
 * (password and a TOTP code computed here), warms the JVM up, and then, at each concurrency, drives each
 * scenario for a fixed time after a warm-up of its own — every simulated browser one member with its own
 * session and keep-alive connection, one request after another:
 *
 * <ul>
 * <li>{@code static}: {@code GET /css/portal.css} with the member's session cookie, as a browser sends it;
 * <li>{@code home}: {@code GET /} (ホーム), 200 with the member's name;
 * <li>{@code year}: {@code GET /medical/<year>} (医療費のお知らせ of a year with twelve months of claims);
 * <li>{@code mix}: home and year alternately;
 * <li>{@code homefloor}, {@code yearfloor}: the same requests with {@code ?benchRender=none}: everything but the
 * template ({@link BenchmarkRenderNothing}), the floor that no template engine can go below (issue 14).
 * </ul>
 *
 * It prints requests per second, p50/p95/p99, CPU per request of the portal's JVM, of its PostgreSQL and of
 * this driver (from {@code /proc}), PostgreSQL's own counters per request (index and sequential scans, rows
 * written, by table), and each page scenario's rate as a share of the static one against the target: at least
 * 0.5 with p99 under 50 ms and no errors.
 *
 * <p>Settings (system properties): {@code bench.concurrency} (comma-separated), {@code bench.seconds},
 * {@code bench.warmup} (per scenario, seconds), {@code bench.jitWarmupMin}, {@code bench.jitWarmupMax},
 * {@code bench.scenarios}, {@code bench.households}, {@code bench.jfr} (a Flight Recording per measured window
 * and a summary of where the time went), {@code bench.serverJvmArgs}, {@code bench.serverArgs},
 * {@code bench.dir}, {@code bench.keep}, {@code bench.rounds} (windows per scenario, added up).
 *
 * <p>A/B on a busy machine: with {@code bench.compareArgs} (other portal settings) or {@code bench.compareTree}
 * (another checkout of the project, built, whose class folders to run) a second portal B starts beside A, and
 * every window runs on A and on B one right after the other (in turn AB, BA, … over the rounds), so that what
 * the rest of the machine does falls on both alike; the results end with B against A.
 */
public final class PageViewBenchmark {

	private static final String HOST = "sakura.localhost";

	/** p99 of a page view must stay below this (issue 5). */
	static final double TARGET_P99_MS = 50;

	/** A page scenario must reach at least this share of the static endpoint's rate (issue 5). */
	static final double TARGET_RATIO = 0.5;

	/** The portal JVM's resident memory, idle after start and under this benchmark's load (issue 14). */
	static final long TARGET_RSS_IDLE_MIB = 300;

	static final long TARGET_RSS_LOADED_MIB = 400;

	private final int[] concurrencies = list(System.getProperty("bench.concurrency", "32")).stream()
		.mapToInt(Integer::parseInt)
		.toArray();

	private final double seconds = Double.parseDouble(System.getProperty("bench.seconds", "20"));

	private final double warmupSeconds = Double.parseDouble(System.getProperty("bench.warmup", "5"));

	private final double jitWarmupMin = Double.parseDouble(System.getProperty("bench.jitWarmupMin", "20"));

	private final double jitWarmupMax = Double.parseDouble(System.getProperty("bench.jitWarmupMax", "90"));

	private final List<Scenario> scenarios = list(System.getProperty("bench.scenarios", "static,home,year,mix"))
		.stream()
		.map(s -> Scenario.valueOf(s.toUpperCase(Locale.ROOT)))
		.toList();

	private final int households = Integer.parseInt(System.getProperty("bench.households", "1000"));

	private final boolean jfr = Boolean.parseBoolean(System.getProperty("bench.jfr", "false"));

	private final String serverJvmArgs = System.getProperty("bench.serverJvmArgs", "");

	private final String serverArgs = System.getProperty("bench.serverArgs", "");

	private final boolean keep = Boolean.parseBoolean(System.getProperty("bench.keep", "false"));

	/** {@code small}: the households above only; {@code large}: among 100,000 households of 10 kenpo (issue 14). */
	private final boolean large = "large".equals(System.getProperty("bench.scale", "small"));

	private final int rounds = Integer.parseInt(System.getProperty("bench.rounds", "1"));

	private final String compareArgs = System.getProperty("bench.compareArgs", "").trim();

	private final String compareTree = System.getProperty("bench.compareTree", "").trim();

	/** B's JVM flags instead of {@code bench.serverJvmArgs} (README, "Memory and start"). */
	private final String compareJvmArgs = System.getProperty("bench.compareJvmArgs", "").trim();

	private final boolean comparing = !compareArgs.isEmpty() || !compareTree.isEmpty() || !compareJvmArgs.isEmpty();

	private final Path runDir = Path.of(System.getProperty("bench.dir", "target/bench"),
			LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-pages").toAbsolutePath();

	private final int cores = Runtime.getRuntime().availableProcessors();

	/** What a simulated browser asks for. */
	enum Scenario {

		STATIC("GET /css/portal.css (static file, with the session cookie)"),
		HOME("GET / (ホーム)"),
		YEAR("GET /medical/<year> (医療費のお知らせ, one year)"),
		MIX("GET / and GET /medical/<year> alternately"),
		HOMEFLOOR("GET /?benchRender=none (home without its template)"),
		YEARFLOOR("GET /medical/<year>?benchRender=none (the year page without its template)");

		final String what;

		Scenario(String what) {
			this.what = what;
		}

		String label() {
			return name().toLowerCase(Locale.ROOT);
		}

		boolean page() {
			return this != STATIC;
		}
	}

	public static void main(String[] args) throws Exception {
		// load every class of the driver now: a build running meanwhile may rewrite target/test-classes
		for (Class<?> c : PageViewBenchmark.class.getDeclaredClasses()) {
			Class.forName(c.getName(), true, PageViewBenchmark.class.getClassLoader());
		}
		for (Class<?> c : List.of(BenchmarkHttpConnection.class, BenchmarkHttpConnection.Response.class,
				BenchmarkProcCpu.class, BenchmarkProcCpu.ThreadKind.class, BenchmarkCpuMeter.class,
				BenchmarkCpuMeter.Sample.class, BenchmarkServerProcess.class, BenchmarkBrowser.class,
				BenchmarkSupport.class, BenchmarkProfile.class, TotpAlgorithm.class, Base32.class)) {
			Class.forName(c.getName(), true, PageViewBenchmark.class.getClassLoader());
		}
		new PageViewBenchmark().run();
	}

	private void run() throws Exception {
		Files.createDirectories(runDir.resolve("logs"));
		long started = System.nanoTime();
		String machine = String.format(Locale.ROOT, "%d cores (%s), load average %s at the start",
				cores, BenchmarkSupport.cpuModel(), BenchmarkSupport.loadAverage());
		say("Page-view benchmark: %s; %s %s; results and logs in %s", machine, System.getProperty("java.vm.name"),
				System.getProperty("java.version"), runDir);
		int members = Arrays.stream(concurrencies).max().orElse(32);
		say("concurrency %s, scenarios %s, %.0f s each after a %.0f s warm-up%s; %d signed-in members, %d households",
				Arrays.toString(concurrencies), scenarios.stream().map(Scenario::label).toList(), seconds,
				warmupSeconds, rounds > 1 ? ", " + rounds + " rounds" : "", members, Math.max(members, households));
		List<Portal> portals = new ArrayList<>();
		portals.add(new Portal("A", "this tree" + (serverArgs.isBlank() ? "" : " with " + serverArgs.trim())
				+ (serverJvmArgs.isBlank() ? "" : ", JVM " + serverJvmArgs.trim()),
				snapshotClasspath(runDir.resolve("classpath-A"), null), serverArgs, serverJvmArgs));
		if (comparing) {
			String jvmB = compareJvmArgs.isEmpty() ? serverJvmArgs : compareJvmArgs;
			String what = (compareTree.isEmpty() ? "this tree" : compareTree)
					+ (compareArgs.isEmpty() ? "" : " with " + compareArgs)
					+ (jvmB.isBlank() ? "" : ", JVM " + jvmB.trim());
			portals.add(new Portal("B", what, snapshotClasspath(runDir.resolve("classpath-B"),
					compareTree.isEmpty() ? null : Path.of(compareTree).toAbsolutePath()), compareArgs, jvmB));
			say("comparing A (%s) with B (%s): each window runs on both, one after the other", portals.get(0).what,
					what);
		}
		StringBuilder report = new StringBuilder();
		boolean met = true;
		try {
			for (Portal portal : portals) {
				portal.start(members);
			}
			jitWarmUp(portals);
			Portal first = portals.get(0);
			report.append(String.format(Locale.ROOT, "%nPage-view benchmark — %s%n%s; year page /medical/%d; "
					+ "%.0f s per scenario after %.0f s warm-up%s%n", machine, first.data, first.year, seconds,
					warmupSeconds, rounds > 1 ? ", " + rounds + " rounds" : ""));
			for (int c : concurrencies) {
				Map<Portal, List<Row>> rows = new LinkedHashMap<>();
				portals.forEach(p -> rows.put(p, new ArrayList<>()));
				for (Scenario scenario : scenarios) {
					Map<Portal, List<Sample>> samples = new LinkedHashMap<>();
					portals.forEach(p -> samples.put(p, new ArrayList<>()));
					for (int r = 0; r < rounds; r++) {
						List<Portal> order = new ArrayList<>(portals);
						if (r % 2 == 1) {
							java.util.Collections.reverse(order);
						}
						for (Portal portal : order) {
							Sample sample = window(portal, scenario, c, r);
							samples.get(portal).add(sample);
							Row one = Row.of(scenario, List.of(sample));
							say("[%sc=%d %s%s] %.0f req/s, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, server %.2f CPU ms/req, "
									+ "%d errors%s", comparing ? portal.label + " " : "", c, scenario.label(),
									rounds > 1 ? " round " + (r + 1) : "",
									one.rate, one.p50, one.p95, one.p99, one.serverMs(), one.errorCount(),
									one.othersPercent > 10 ? String.format(Locale.ROOT,
											" (other processes took %.0f %% of the CPU)", one.othersPercent) : "");
							long[] rss = BenchmarkProcCpu.residentKib(portal.server.pid());
							portal.rssLoadedKib = Math.max(portal.rssLoadedKib, rss[0]);
							portal.rssPeakKib = Math.max(portal.rssPeakKib, rss[1]);
							say("%sportal JVM resident memory after the window: %d MiB (peak so far %d MiB)",
									portal.tag(), rss[0] / 1024, rss[1] / 1024);
						}
					}
					portals.forEach(p -> rows.get(p).add(Row.of(scenario, samples.get(p))));
				}
				for (Portal portal : portals) {
					Table table = new Table(c, rows.get(portal));
					report.append(table.render(portals.size() > 1 ? portal.label + " = " + portal.what : null));
					met &= portal != first || table.met();
				}
				if (portals.size() > 1) {
					report.append(comparison(c, rows.get(portals.get(0)), rows.get(portals.get(1))));
				}
			}
			report.append(memory(portals));
			for (Portal portal : portals) {
				portal.server.send("quit");
				portal.server.awaitExit(60);
			}
		}
		finally {
			for (Portal portal : portals) {
				portal.close();
			}
			if (!keep) {
				for (Portal portal : portals) {
					deleteTree(portal.dataDir());
				}
			}
		}
		report.append(legend());
		report.append(String.format(Locale.ROOT, "%nload average at the end: %s%n", BenchmarkSupport.loadAverage()));
		System.out.println();
		System.out.print(report);
		Files.writeString(runDir.resolve("results.txt"), report);
		say("done in %.0f s; results in %s", (System.nanoTime() - started) / 1e9, runDir.resolve("results.txt"));
		if (!keep) {
			deleteTree(runDir, Path.of("results.txt"), Path.of("jfr"), Path.of("logs"));
		}
		if (!met) {
			say("target not met (see the verdict lines above)");
		}
	}

	/** One portal under test: its JVM with its own embedded PostgreSQL, data and signed-in members. */
	private final class Portal implements AutoCloseable {

		final String label;

		final String what;

		final String classpath;

		final String args;

		final String jvm;

		BenchmarkServerProcess server;

		long rssIdleKib;

		long rssLoadedKib;

		long rssPeakKib;

		List<Member> members;

		BenchmarkCpuMeter cpu;

		String data;

		int year;

		Portal(String label, String what, String classpath, String args, String jvm) {
			this.label = label;
			this.what = what;
			this.classpath = classpath;
			this.args = args;
			this.jvm = jvm;
		}

		Path dataDir() {
			return runDir.resolve("data-" + label);
		}

		/** The portal's name in console lines, when there are two. */
		String tag() {
			return comparing ? "[" + label + "] " : "";
		}

		void start(int accounts) throws Exception {
			// deep stacks in the per-window recordings, so that a sample still shows the filters it ran under
			String jvmArgs = jfr ? jvm + " -XX:FlightRecorderOptions=stackdepth=512" : jvm;
			List<String> command = BenchmarkServerProcess.command(classpath, dataDir(), null, jvmArgs,
					Arrays.stream(args.split("\\s+")).filter(a -> !a.isEmpty()).toList());
			Path log = runDir.resolve("logs").resolve("server-" + label + ".log");
			say("%sstarting the portal (log %s)", tag(), log);
			server = BenchmarkServerProcess.start(command, log);
			// generous: on a machine shared with other builds a start (with the demo seeding) can take minutes
			Map<String, String> ready = server.await("READY", 900);
			int port = Integer.parseInt(ready.get("port"));
			// idle after start: READY comes once the portal is ready, after its own collection (HeapFootprint)
			long[] rss = BenchmarkProcCpu.residentKib(server.pid());
			rssIdleKib = rss[0];
			say("%sportal up on 127.0.0.1:%d (pid %s), resident memory idle after start %d MiB", tag(), port,
					ready.get("pid"), rss[0] / 1024);
			Path membersFile = runDir.resolve("members-" + label + ".tsv");
			Map<String, String> seeded = server.ask("seedpages %d %d %s".formatted(accounts, households, membersFile),
					"SEEDEDPAGES", 3600);
			year = Integer.parseInt(seeded.get("year"));
			data = "%s households, %s people, %s claim lines, %s benefit decisions".formatted(seeded.get("households"),
					seeded.get("members"), seeded.get("claims"), seeded.get("decisions"));
			say("%sseeded %s in %.0f s; the year page shows %d", tag(), data,
					Long.parseLong(seeded.get("millis")) / 1e3, year);
			if (large) {
				Map<String, String> scaled = server.ask("seedscale", "SEEDEDSCALE", 3600);
				data += "; scale large: " + scaled;
				say("%sscale large: %s", tag(), scaled);
			}
			members = signIn(tag(), port, membersFile, year);
			cpu = new BenchmarkCpuMeter(server.pid(), Path.of(ready.get("pgdata")));
		}

		@Override
		public void close() throws InterruptedException {
			if (server != null) {
				server.close();
			}
		}
	}

	/** B against A, scenario by scenario. */
	/**
	 * The portal JVM's resident memory (README, "Memory and start"; issue 14: at most 300 MiB idle after start,
	 * 400 MiB under the page-view load): idle after start, the most after a measured window, the peak ever.
	 */
	private static String memory(List<Portal> portals) {
		StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
				"%nPortal JVM resident memory (VmRSS; target idle ≤ %d MiB, under load ≤ %d MiB)%n",
				TARGET_RSS_IDLE_MIB, TARGET_RSS_LOADED_MIB));
		for (Portal portal : portals) {
			long idle = portal.rssIdleKib / 1024;
			long loaded = portal.rssLoadedKib / 1024;
			s.append(String.format(Locale.ROOT,
					"%s idle after start %d MiB %s, after the windows at most %d MiB %s, peak (VmHWM) %d MiB%n",
					portals.size() > 1 ? portal.label + ":" : "portal:", idle,
					idle <= TARGET_RSS_IDLE_MIB ? "PASS" : "FAIL", loaded,
					loaded <= TARGET_RSS_LOADED_MIB ? "PASS" : "FAIL", portal.rssPeakKib / 1024));
		}
		return s.toString();
	}

	private static String comparison(int concurrency, List<Row> a, List<Row> b) {
		StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
				"%nB against A at concurrency %d (B ÷ A; server ms and p99: B − A in %%)%n", concurrency));
		s.append(String.format(Locale.ROOT, "%-8s %9s %9s %7s %11s %11s %8s %8s %8s %8s%n", "scenario", "A req/s",
				"B req/s", "B ÷ A", "A server ms", "B server ms", "B − A", "A p99", "B p99", "B − A"));
		for (int i = 0; i < a.size(); i++) {
			Row x = a.get(i);
			Row y = b.get(i);
			s.append(String.format(Locale.ROOT, "%-8s %9.0f %9.0f %7.2f %11.3f %11.3f %7.0f%% %8.1f %8.1f %7.0f%%%n",
					x.scenario.label(), x.rate, y.rate, y.rate / x.rate, x.serverMs(), y.serverMs(),
					100 * (y.serverMs() - x.serverMs()) / x.serverMs(), x.p99, y.p99, 100 * (y.p99 - x.p99) / x.p99));
		}
		return s.toString();
	}

	// ------------------------------------------------------------------------------------------- sign-in

	/** Signs every member in once, four at a time, and checks that each sees its own home and year page. */
	private List<Member> signIn(String label, int port, Path membersFile, int year) throws Exception {
		List<Member> members = new ArrayList<>();
		int n = 0;
		for (String line : Files.readAllLines(membersFile)) {
			String[] parts = line.split("\t");
			// TEST-NET addresses in X-Forwarded-For only (the portal trusts it from 127.0.0.1): one per browser
			String address = "192.0.2." + (1 + n++ % 254);
			members.add(new Member(parts[0], Base32.decode(parts[1]), parts[2], year,
					new BenchmarkBrowser(new BenchmarkHttpConnection(port, HOST, address))));
		}
		long started = System.nanoTime();
		ExecutorService pool = Executors.newFixedThreadPool(Math.min(4, members.size()));
		try {
			List<Future<?>> done = new ArrayList<>();
			for (Member m : members) {
				done.add(pool.submit(() -> {
					m.browser.signIn(m.loginId, SignInBenchmarkServer.PASSWORD, m.key,
							TotpAlgorithm.stepAt(Instant.now()));
					for (Scenario s : List.of(Scenario.HOME, Scenario.YEAR, Scenario.STATIC)) {
						String problem = m.view(s, 0).problem;
						if (problem != null) {
							throw new IllegalStateException(m.loginId + " " + s.label() + ": " + problem);
						}
					}
					String yearPage = m.browser.fetch("/medical/" + year).body();
					if (!yearPage.contains("月別の医療費")) {
						throw new IllegalStateException(m.loginId + " has no claims on /medical/" + year);
					}
					return null;
				}));
			}
			for (Future<?> f : done) {
				f.get();
			}
		}
		finally {
			pool.shutdown();
		}
		say("%ssigned in %d members (password + TOTP) in %.1f s; each sees its home, year and static pages", label,
				members.size(), (System.nanoTime() - started) / 1e9);
		return members;
	}

	// ------------------------------------------------------------------------------------------- windows

	/**
	 * Every scenario in turn at the highest concurrency, in slices of 5 s (portal by portal), until the JIT
	 * compilers have (nearly) settled: at least {@code bench.jitWarmupMin} s, at most {@code bench.jitWarmupMax}
	 * s per portal, stopping once the compiler threads used less than 3 % of each portal JVM's CPU in its last
	 * slice.
	 */
	private void jitWarmUp(List<Portal> portals) throws Exception {
		long started = System.nanoTime();
		Map<Portal, Double> jitShare = new LinkedHashMap<>();
		int slice = 0;
		long requests = 0;
		int errors = 0;
		while (true) {
			Scenario scenario = Scenario.values()[slice++ % Scenario.values().length];
			for (Portal portal : portals) {
				BenchmarkCpuMeter.Sample before = portal.cpu.sample();
				Load load = new Load(scenario, portal.members);
				load.start();
				sleep(5);
				load.stop();
				BenchmarkCpuMeter.Sample after = portal.cpu.sample();
				requests += load.completedTotal();
				errors += load.errors.values().stream().mapToInt(AtomicInteger::get).sum();
				double jvm = after.jvmTotal() - before.jvmTotal();
				jitShare.put(portal,
						jvm <= 0 ? 0 : (after.jvm().get(ThreadKind.JIT) - before.jvm().get(ThreadKind.JIT)) / jvm);
			}
			double elapsed = (System.nanoTime() - started) / 1e9 / portals.size();
			boolean settled = jitShare.values().stream().allMatch(share -> share < 0.03);
			if (elapsed >= jitWarmupMax || elapsed >= jitWarmupMin && settled) {
				break;
			}
		}
		say("JIT warm-up: %d requests of every scenario in %.0f s, %d errors; JIT compilers at %s of the JVM's CPU "
				+ "in the last 5 s", requests, (System.nanoTime() - started) / 1e9, errors,
				String.join(", ", jitShare.entrySet().stream().map(e -> String.format(Locale.ROOT, "%.0f %%%s",
						100 * e.getValue(), comparing ? " (" + e.getKey().label + ")" : "")).toList()));
	}

	/** One measured window of one scenario on one portal: browsers started, the warm-up, counters before and after. */
	private Sample window(Portal portal, Scenario scenario, int concurrency, int round) throws Exception {
		BenchmarkServerProcess server = portal.server;
		Load load = new Load(scenario, portal.members.subList(0, concurrency));
		load.start();
		sleep(warmupSeconds);
		Path jfrFile = null;
		if (jfr && round == 0) {
			Files.createDirectories(runDir.resolve("jfr"));
			jfrFile = runDir.resolve("jfr").resolve("%s%s-c%d.jfr".formatted(scenario.label(),
					portal.label.equals("A") ? "" : "-" + portal.label, concurrency));
			server.ask("jfrstart " + jfrFile, "JFR", 60);
		}
		Map<String, Long> dbBefore = dbStats(server);
		Map<String, Integer> errorsBefore = load.errorCounts();
		BenchmarkCpuMeter.Sample before = portal.cpu.sample();
		long start = System.nanoTime();
		sleep(seconds);
		long end = System.nanoTime();
		BenchmarkCpuMeter.Sample after = portal.cpu.sample();
		Map<String, Integer> errorsAfter = load.errorCounts();
		Map<String, Long> dbAfter = dbStats(server);
		if (jfrFile != null) {
			server.ask("jfrstop", "JFR", 60);
		}
		load.stop();
		Map<ThreadKind, Double> jvm = new EnumMap<>(ThreadKind.class);
		for (ThreadKind k : ThreadKind.values()) {
			jvm.put(k, after.jvm().get(k) - before.jvm().get(k));
		}
		Map<String, Integer> errors = new TreeMap<>();
		errorsAfter.forEach((k, v) -> {
			int d = v - errorsBefore.getOrDefault(k, 0);
			if (d > 0) {
				errors.put(k, d);
			}
		});
		Map<String, Long> db = new TreeMap<>();
		dbAfter.forEach((k, v) -> db.put(k, v - dbBefore.getOrDefault(k, 0L)));
		double ours = (after.jvmTotal() - before.jvmTotal()) + (after.pgMs() - before.pgMs())
				+ (after.driverMs() - before.driverMs());
		String profile = jfrFile == null ? ""
				: BenchmarkProfile.summarize(jfrFile, "%s at concurrency %d%s".formatted(scenario.label(), concurrency,
						portal.label.equals("A") ? "" : " (" + portal.label + ")"));
		return new Sample(load.latenciesCompletedBetween(start, end), (end - start) / 1e9, jvm,
				after.jvmKernelMs() - before.jvmKernelMs(), after.pgMs() - before.pgMs(),
				after.driverMs() - before.driverMs(), after.machineBusyMs() - before.machineBusyMs(),
				after.machineTotalMs() - before.machineTotalMs(), ours, errors, db, load.firstProblem.get(), profile);
	}

	private static Map<String, Long> dbStats(BenchmarkServerProcess server) throws InterruptedException {
		Map<String, Long> stats = new LinkedHashMap<>();
		server.ask("dbstats", "DBSTATS", 60).forEach((k, v) -> stats.put(k, Long.parseLong(v)));
		return stats;
	}

	// ---------------------------------------------------------------------------------------------- load

	/** One simulated browser per member, each asking for the scenario's pages one after another. */
	private final class Load {

		private final Scenario scenario;

		private final List<Member> members;

		private final AtomicBoolean stopping = new AtomicBoolean();

		private final Map<String, AtomicInteger> errors = new java.util.concurrent.ConcurrentHashMap<>();

		private final java.util.concurrent.atomic.AtomicReference<String> firstProblem =
				new java.util.concurrent.atomic.AtomicReference<>();

		private final AtomicInteger loggedErrors = new AtomicInteger();

		private final List<Thread> threads = new ArrayList<>();

		private final List<long[][]> records = new ArrayList<>();

		Load(Scenario scenario, List<Member> members) {
			this.scenario = scenario;
			this.members = members;
		}

		void start() {
			for (int i = 0; i < members.size(); i++) {
				Member member = members.get(i);
				long[][] mine = { new long[8192], new long[8192], { 0 } };
				records.add(mine);
				int offset = i;
				Thread t = new Thread(() -> work(member, offset, mine), "bench-browser-" + i);
				t.setDaemon(true);
				threads.add(t);
				t.start();
			}
		}

		private void work(Member member, int offset, long[][] mine) {
			for (long i = offset; !stopping.get(); i++) {
				long begin = System.nanoTime();
				View view = member.view(scenario, i);
				long end = System.nanoTime();
				if (view.problem == null) {
					record(mine, end, end - begin);
					continue;
				}
				errors.computeIfAbsent(view.kind, k -> new AtomicInteger()).incrementAndGet();
				firstProblem.compareAndSet(null, member.loginId + ": " + view.problem);
				if (loggedErrors.incrementAndGet() <= 5) {
					say("%s of %s failed: %s", scenario.label(), member.loginId, view.problem);
				}
				member.browser.disconnect();
				sleep(0.05);
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

		Map<String, Integer> errorCounts() {
			Map<String, Integer> counts = new TreeMap<>();
			errors.forEach((k, v) -> counts.put(k, v.get()));
			return counts;
		}

		void stop() throws InterruptedException {
			stopping.set(true);
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

	/** A signed-in member and the browser that holds the member's session. */
	private record Member(String loginId, byte[] key, String name, int year, BenchmarkBrowser browser) {

		/** The {@code i}-th request of the scenario, checked: null problem if it is what the member should see. */
		View view(Scenario scenario, long i) {
			Scenario page = scenario == Scenario.MIX ? (i % 2 == 0 ? Scenario.HOME : Scenario.YEAR) : scenario;
			String path = switch (page) {
				case STATIC -> "/css/portal.css";
				case HOME -> "/";
				case HOMEFLOOR -> "/?" + BenchmarkRenderNothing.PARAMETER + "=none";
				case YEARFLOOR -> "/medical/" + year + "?" + BenchmarkRenderNothing.PARAMETER + "=none";
				default -> "/medical/" + year;
			};
			BenchmarkHttpConnection.Response r;
			try {
				r = browser.fetch(path);
			}
			catch (IOException | RuntimeException e) {
				return new View("I/O error", path + ": " + e);
			}
			if (r.status() / 100 == 3) {
				String location = String.valueOf(r.header("location"));
				return location.contains("/login") ? new View("signed out (redirect to /login)", path + " → " + location)
						: new View("redirect", path + " → " + location);
			}
			if (r.status() != 200) {
				return new View("HTTP " + r.status(), path + ": HTTP " + r.status());
			}
			String body = r.body();
			boolean ok = switch (page) {
				case STATIC -> body.contains(".site-header");
				case HOME -> body.contains("class=\"greeting\"") && body.contains(name);
				case HOMEFLOOR -> body.startsWith(BenchmarkRenderNothing.MARKER + "portal/home");
				case YEARFLOOR -> body.startsWith(BenchmarkRenderNothing.MARKER + "medical/year");
				default -> body.contains("医療費のお知らせ") && body.contains(name);
			};
			if (!ok) {
				String text = BenchmarkBrowser.text(body);
				return new View("unexpected content", path + ": " + text.substring(0, Math.min(200, text.length())));
			}
			return new View(null, null);
		}
	}

	/** How a request went: {@code kind} and {@code problem} are null when it went right. */
	private record View(String kind, String problem) {
	}

	// ------------------------------------------------------------------------------------------- results

	/** What one window measured, in totals: latencies (sorted ns), seconds, CPU ms, DB counters, errors. */
	private record Sample(long[] latencies, double seconds, Map<ThreadKind, Double> jvmMs, double jvmKernelMs,
			double pgMs, double driverMs, double machineBusyMs, double machineTotalMs, double oursMs,
			Map<String, Integer> errors, Map<String, Long> db, String firstProblem, String profile) {
	}

	/** One scenario over its windows; CPU figures in milliseconds per request, DB counters per request. */
	private record Row(Scenario scenario, int requests, double rate, double p50, double p95, double p99,
			Map<ThreadKind, Double> jvmMs, double jvmKernelMs, double pgMs, double driverMs, double busyPercent,
			double othersPercent, Map<String, Integer> errors, Map<String, Double> db, String firstProblem,
			String profile) {

		static Row of(Scenario scenario, List<Sample> samples) {
			long[] latencies = samples.stream().flatMapToLong(x -> Arrays.stream(x.latencies)).sorted().toArray();
			int n = latencies.length;
			double per = n == 0 ? Double.NaN : 1.0 / n;
			double seconds = samples.stream().mapToDouble(Sample::seconds).sum();
			Map<ThreadKind, Double> jvm = new EnumMap<>(ThreadKind.class);
			for (ThreadKind k : ThreadKind.values()) {
				jvm.put(k, samples.stream().mapToDouble(x -> x.jvmMs.get(k)).sum() * per);
			}
			Map<String, Integer> errors = new TreeMap<>();
			samples.forEach(x -> x.errors.forEach((k, v) -> errors.merge(k, v, Integer::sum)));
			Map<String, Double> db = new TreeMap<>();
			samples.forEach(x -> x.db.forEach((k, v) -> db.merge(k, v * per, Double::sum)));
			db.values().removeIf(v -> !(v > 0));
			double busy = samples.stream().mapToDouble(Sample::machineBusyMs).sum();
			double total = samples.stream().mapToDouble(Sample::machineTotalMs).sum();
			double ours = samples.stream().mapToDouble(Sample::oursMs).sum();
			return new Row(scenario, n, n / seconds, percentile(latencies, 50), percentile(latencies, 95),
					percentile(latencies, 99), jvm, samples.stream().mapToDouble(Sample::jvmKernelMs).sum() * per,
					samples.stream().mapToDouble(Sample::pgMs).sum() * per,
					samples.stream().mapToDouble(Sample::driverMs).sum() * per, 100 * busy / total,
					100 * Math.max(0, busy - ours) / total, errors, db,
					samples.stream().map(Sample::firstProblem).filter(java.util.Objects::nonNull).findFirst().orElse(null),
					samples.stream().map(Sample::profile).collect(java.util.stream.Collectors.joining()));
		}

		double jvm() {
			return jvmMs.values().stream().mapToDouble(Double::doubleValue).sum();
		}

		double serverMs() {
			return jvm() + pgMs;
		}

		int errorCount() {
			return errors.values().stream().mapToInt(Integer::intValue).sum();
		}
	}

	/** The rows of one concurrency, compared with its static row. */
	private record Table(int concurrency, List<Row> rows) {

		Row staticRow() {
			return rows.stream().filter(r -> r.scenario == Scenario.STATIC).findFirst().orElse(null);
		}

		boolean passes(Row r) {
			Row s = staticRow();
			return s != null && s.rate > 0 && r.rate / s.rate >= TARGET_RATIO && r.p99 < TARGET_P99_MS
					&& r.errorCount() == 0 && r.requests > 0;
		}

		boolean met() {
			List<Row> pages = rows.stream().filter(r -> r.scenario.page()).toList();
			return staticRow() != null && !pages.isEmpty() && pages.stream().allMatch(this::passes);
		}

		String render(String portal) {
			Row s = staticRow();
			StringBuilder out = new StringBuilder();
			out.append(String.format(Locale.ROOT, "%n%sconcurrency %d (%d signed-in members, one keep-alive connection "
					+ "each)%n", portal == null ? "" : portal + " — ", concurrency, concurrency));
			out.append(String.format(Locale.ROOT, "%-8s %9s %7s %7s %7s %7s %8s %-6s %9s %9s %8s %6s%n", "scenario",
					"req/s", "p50 ms", "p95 ms", "p99 ms", "errors", "÷ static", "target", "server ms", "CPU-ratio",
					"CPU busy", "others"));
			for (Row r : rows) {
				boolean page = r.scenario.page() && s != null;
				out.append(String.format(Locale.ROOT, "%-8s %9.0f %7.1f %7.1f %7.1f %7d %8s %-6s %9.2f %9s %7.0f%% %5.0f%%%n",
						r.scenario.label(), r.rate, r.p50, r.p95, r.p99, r.errorCount(),
						page ? String.format(Locale.ROOT, "%.2f", r.rate / s.rate) : "",
						page ? (passes(r) ? "PASS" : "FAIL") : "", r.serverMs(),
						page ? String.format(Locale.ROOT, "%.2f", s.serverMs() / r.serverMs()) : "", r.busyPercent,
						r.othersPercent));
			}
			out.append(String.format(Locale.ROOT, "%-8s CPU ms per request: %8s %8s %6s %6s %6s %7s %6s %7s%n",
					"scenario", "JVM all", "requests", "GC", "JIT", "other", "kernel", "PG", "driver"));
			for (Row r : rows) {
				out.append(String.format(Locale.ROOT, "%-8s %19s %8.3f %8.3f %6.3f %6.3f %6.3f %7.3f %6.3f %7.3f%n",
						r.scenario.label(), "", r.jvm(), r.jvmMs.get(ThreadKind.REQUESTS), r.jvmMs.get(ThreadKind.GC),
						r.jvmMs.get(ThreadKind.JIT), r.jvmMs.get(ThreadKind.OTHER) + r.jvmMs.get(ThreadKind.HASH),
						r.jvmKernelMs, r.pgMs, r.driverMs));
			}
			out.append("PostgreSQL per request (pg_stat counters, approximate):\n");
			for (Row r : rows) {
				out.append(String.format(Locale.ROOT, "  %-6s %s%n", r.scenario.label(), dbLine(r.db)));
			}
			for (Row r : rows) {
				if (!r.errors.isEmpty()) {
					out.append(String.format(Locale.ROOT, "  errors in %s: %s; first: %s%n", r.scenario.label(),
							r.errors, r.firstProblem));
				}
			}
			for (Row r : rows) {
				out.append(r.profile);
			}
			if (s == null || rows.stream().noneMatch(r -> r.scenario.page())) {
				out.append("verdict: the target needs the static scenario and a page scenario in the same run\n");
			}
			else {
				List<String> pages = rows.stream().filter(r -> r.scenario.page()).map(r -> r.scenario.label()
						+ (passes(r) ? " PASS" : " FAIL")).toList();
				out.append(String.format(Locale.ROOT, "verdict at concurrency %d: %s — target %s (page views/s ≥ %.1f × "
						+ "static/s = %.0f, p99 < %.0f ms, no errors)%n", concurrency, String.join(", ", pages),
						met() ? "MET" : "NOT MET", TARGET_RATIO, TARGET_RATIO * s.rate, TARGET_P99_MS));
			}
			return out.toString();
		}

		/** Transactions, then scans and written rows by table, per request. */
		private static String dbLine(Map<String, Double> db) {
			StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%.1f transactions",
					db.getOrDefault("xact", 0.0)));
			for (String[] kind : List.of(new String[] { "idx", "index scans" }, new String[] { "seq", "seq scans" },
					new String[] { "ins", "rows inserted" }, new String[] { "upd", "rows updated" },
					new String[] { "del", "rows deleted" })) {
				StringBuilder part = new StringBuilder();
				db.forEach((k, v) -> {
					if (k.endsWith("." + kind[0]) && v >= 0.05) {
						part.append(part.length() == 0 ? "" : ", ")
							.append(k, 0, k.length() - kind[0].length() - 1)
							.append(String.format(Locale.ROOT, " %.1f", v));
					}
				});
				if (part.length() > 0) {
					line.append("; ").append(kind[1]).append(": ").append(part);
				}
			}
			return line.toString();
		}
	}

	private String legend() {
		return """

				scenarios   static = %s; home = %s;
				            year = %s; mix = %s.
				            Every simulated browser is one signed-in member with its own session and keep-alive
				            connection, sending one request after the other (closed loop)
				req/s       requests answered as expected in the measured window (200 and the member's name on home
				            and on the year page with 「医療費のお知らせ」, the stylesheet for static)
				p50/95/99   latency of one request, sent to last byte received, ms
				errors      anything else: signed out (redirect to /login: the session broke), other redirects,
				            other statuses, wrong content, I/O errors
				÷ static    req/s of the page scenario ÷ req/s of static at the same concurrency in the same run
				target      PASS: ÷ static ≥ %.1f, p99 < %.0f ms and no errors (issue 5, "Benchmark")
				server ms   CPU ms per request of the portal's JVM plus its embedded PostgreSQL (/proc, utime+stime)
				CPU-ratio   server ms of static ÷ server ms of the page: the ÷ static to expect if only the server's
				            CPU counted (driver on another machine, nothing else running)
				CPU busy    whole machine over the window (%d cores); others = CPU used by other processes (figures
				            mean something only when that is near 0)
				JVM all     the portal JVM's CPU per request by thread: requests (Tomcat threads), GC, JIT (C1/C2
				            compilers), other; kernel = the part of JVM all spent in the kernel (sockets)
				PG, driver  the embedded PostgreSQL (postmaster and backends); this driver's JVM (it shares the machine)
				PostgreSQL  pg_stat_database / pg_stat_user_tables counters per request: transactions, index and
				            sequential scans started, rows written, by table; backends report at most once a second,
				            so they are close, not exact
				""".formatted(Scenario.STATIC.what, Scenario.HOME.what, Scenario.YEAR.what, Scenario.MIX.what,
				TARGET_RATIO, TARGET_P99_MS, cores);
	}
}
