package jp.kenpoportal.faults;

import static jp.kenpoportal.faults.Cluster.say;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.kenpoportal.support.TestBrowser;
import jp.kenpoportal.support.TestBrowser.Page;

/**
 * "Load held" of issue 13 (README, "Benchmarks"): the cluster of the fault suite (two nodes of the
 * jar behind HAProxy, one PostgreSQL, the embedded SMTP server), members who went through their
 * first registration over HTTP (two in three with a passkey, one in three with the authenticator
 * app), and a steady mix of sign-ins (password and factor, in a fresh browser), page views (home,
 * 医療費, a year of it, 資格情報) and downloads (deduction CSV, 医療費のお知らせ PDF).
 *
 * <p>
 * First the capacity: members at a time without pause, for each concurrency in turn, the best rate
 * without errors. Then the load held: every member paced so that all together make 70 % of that
 * rate, for ten minutes. It prints, per route, the count, errors, p50/p95/p99 and max, and at the
 * start and end of the hold each node's heap after a full GC, its live threads and Hikari
 * connections, and PostgreSQL's connections. Run by
 * {@code ./mvnw -B -q -Pload -DskipTests package exec:exec}; see the profile for the options.
 */
public final class LoadBenchmark {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	/** One cycle of a member: a sign-in, then pages and downloads, as a visit goes. */
	private static final String[] CYCLE = { "sign-in", "home", "medical", "medical-year", "qualification", "home",
			"csv", "medical-year", "home", "pdf", "medical", "home" };

	private final Cluster cluster;

	private final List<VirtualMember> users = new ArrayList<>();

	private final PhaseStats setupStats = new PhaseStats("load");

	private final int year = LocalDate.now().getYear() - 1;

	private final StringBuilder report = new StringBuilder();

	private LoadBenchmark(Cluster cluster) {
		this.cluster = cluster;
	}

	public static void main(String[] args) throws Exception {
		Path jar = Path.of(System.getProperty("faults.jar"));
		Path dir = Path.of(System.getProperty("load.dir", "target/load"))
			.resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
		try (Cluster cluster = new Cluster(dir)) {
			Runtime.getRuntime().addShutdownHook(new Thread(cluster::close));
			new LoadBenchmark(cluster).run(jar);
		}
	}

	private void run(Path jar) throws Exception {
		int userCount = Integer.getInteger("load.users", 24);
		List<Integer> concurrencies = Arrays.stream(System.getProperty("load.capacityConcurrency", "4,8,16").split(","))
			.map(String::trim)
			.map(Integer::valueOf)
			.toList();
		int stepSeconds = Integer.getInteger("load.stepSeconds", 30);
		int holdSeconds = Integer.getInteger("load.seconds", 600);
		double share = Double.parseDouble(System.getProperty("load.share", "0.7"));
		cluster.start(jar, Map.of());
		line("load benchmark %s; machine: %d cores, load average %s", LocalDateTime.now().withNano(0),
				Runtime.getRuntime().availableProcessors(), loadAverage());
		prepareUsers(userCount);

		line("");
		line("capacity: members at a time without pause, %d s each after 5 s of warm-up", stepSeconds);
		double capacity = 0;
		for (int concurrency : concurrencies) {
			Window w = closedLoop(Math.min(concurrency, users.size()), stepSeconds);
			line("  %2d at a time: %6.1f actions/s (%6.1f HTTP requests/s), %d errors, p99 %s ms", concurrency,
					w.actionsPerSecond(), w.requestsPerSecond(), w.errors(), w.p99All());
			if (w.errors() == 0 && w.actionsPerSecond() > capacity) {
				capacity = w.actionsPerSecond();
			}
		}
		if (capacity == 0) {
			line("no error-free window: capacity not measured");
			return;
		}
		double rate = capacity * share;
		line("capacity %.1f actions/s; holding %.0f %% of it, %.1f actions/s, for %d s with %d members", capacity,
				share * 100, rate, holdSeconds, users.size());

		String start = snapshot("start of the hold");
		Window hold = paced(rate, holdSeconds);
		String end = snapshot("end of the hold");
		line("");
		line("hold: %.1f actions/s achieved (%.1f HTTP requests/s), %d actions late by more than one interval, "
				+ "load average at the end %s", hold.actionsPerSecond(), hold.requestsPerSecond(), hold.late.get(),
				loadAverage());
		hold.print(this);
		line("");
		line(start);
		line(end);
		line("requests retried inside sign-ins (counted in the route's errors only if the retry failed too): %d",
				setupStats.failures.get());
		Files.writeString(cluster.dir.resolve("load-report.txt"), report);
		say("report in " + cluster.dir.resolve("load-report.txt"));
	}

	/** Members through their first registration, a few at a time. */
	private void prepareUsers(int count) throws Exception {
		FaultAccounts accounts = new FaultAccounts(cluster.postgres.jdbcUrl(), "load");
		AtomicReference<PhaseStats> phase = new AtomicReference<>(setupStats);
		ExecutorService pool = Executors.newFixedThreadPool(6);
		List<Future<VirtualMember>> ready = new ArrayList<>();
		long start = System.nanoTime();
		for (int i = 0; i < count; i++) {
			VirtualMember.Factor factor = i % 3 == 2 ? VirtualMember.Factor.TOTP : VirtualMember.Factor.PASSKEY;
			VirtualMember user = new VirtualMember(cluster.haproxy.port, FaultAccounts.KENPO + ".localhost", factor,
					accounts, cluster.smtp, phase, 0, 0, new AtomicBoolean());
			ready.add(pool.submit(() -> user.prepare() ? user : null));
		}
		for (Future<VirtualMember> f : ready) {
			VirtualMember user = f.get();
			if (user != null) {
				users.add(user);
			}
		}
		pool.shutdown();
		line("%d of %d members registered (first registration over HTTP) in %.0f s", users.size(), count,
				(System.nanoTime() - start) / 1e9);
		setupStats.failures.set(0);
	}

	/** Members without pause; 5 s of warm-up, then the window. */
	private Window closedLoop(int concurrency, int seconds) throws Exception {
		AtomicReference<Window> current = new AtomicReference<>(new Window());
		AtomicBoolean running = new AtomicBoolean(true);
		List<Thread> threads = new ArrayList<>();
		for (int u = 0; u < concurrency; u++) {
			VirtualMember user = users.get(u);
			int first = u;
			Thread t = new Thread(() -> {
				for (int n = first; running.get(); n++) {
					act(user, n, current.get());
				}
			});
			t.start();
			threads.add(t);
		}
		Thread.sleep(5000);
		Window w = new Window();
		current.set(w);
		Thread.sleep(seconds * 1000L);
		w.close();
		running.set(false);
		current.set(new Window());
		for (Thread t : threads) {
			t.join(60_000);
		}
		return w;
	}

	/** Every member paced so that all together make the rate; a member behind goes on at once. */
	private Window paced(double rate, int seconds) throws Exception {
		Window w = new Window();
		long intervalNanos = (long) (users.size() / rate * 1e9);
		long start = System.nanoTime();
		long end = start + seconds * 1_000_000_000L;
		List<Thread> threads = new ArrayList<>();
		for (int u = 0; u < users.size(); u++) {
			VirtualMember user = users.get(u);
			long offset = intervalNanos * u / users.size();
			int first = u;
			Thread t = new Thread(() -> {
				long next = start + offset;
				for (int n = first; next < end; n++) {
					long wait = next - System.nanoTime();
					if (wait > 0) {
						sleepNanos(wait);
					}
					else if (-wait > intervalNanos) {
						w.late.incrementAndGet();
					}
					act(user, n, w);
					next += intervalNanos;
				}
			});
			t.start();
			threads.add(t);
		}
		for (Thread t : threads) {
			t.join();
		}
		w.close();
		return w;
	}

	/** One action of the mix, timed under its route; anything but what a member expects is an error. */
	private void act(VirtualMember user, int n, Window w) {
		String route = CYCLE[n % CYCLE.length];
		if (route.equals("sign-in") && !user.mayUseFactorNow()) {
			// the app's next code is not there yet: this member reads on instead
			route = "home";
		}
		long start = System.nanoTime();
		boolean ok;
		int requests = 1;
		try {
			TestBrowser b = user.browser();
			switch (route) {
				case "sign-in" -> {
					long before = user.requestsMade();
					ok = user.freshSignIn();
					requests = (int) (user.requestsMade() - before);
				}
				case "home" -> ok = page(b.get("/"), "ホーム");
				case "medical" -> ok = page(b.get("/medical"), "医療費");
				case "medical-year" -> ok = page(b.get("/medical/" + year), "医療費");
				case "qualification" -> ok = page(b.get("/qualification"), "資格");
				case "csv" -> ok = download(b.download("/medical/" + year + "/deduction.csv"), "text/csv");
				case "pdf" -> ok = download(b.download("/medical/notice.pdf?year=" + year + "&from=" + year + "-01&to="
						+ year + "-12"), "application/pdf");
				default -> throw new IllegalStateException(route);
			}
		}
		catch (RuntimeException | InterruptedException e) {
			ok = false;
		}
		w.record(route, System.nanoTime() - start, ok, requests);
		if (!ok && !route.equals("sign-in")) {
			try {
				// a lost session or a broken page: the member signs in again before going on
				user.freshSignIn();
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private static boolean page(Page page, String expected) {
		return page.status() == 200 && !page.path().startsWith("/login") && page.text().contains(expected);
	}

	private static boolean download(TestBrowser.Download d, String contentType) {
		return d.status() == 200 && String.valueOf(d.header("Content-Type")).startsWith(contentType)
				&& d.body().length > 0;
	}

	/** Each node's heap after a full GC (jcmd GC.run), live threads, Hikari connections; PostgreSQL's. */
	private String snapshot(String when) throws Exception {
		StringBuilder s = new StringBuilder(when + ":");
		for (PortalNode node : cluster.nodes) {
			Process gc = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
					String.valueOf(node.pid()), "GC.run").redirectErrorStream(true).start();
			gc.getInputStream().readAllBytes();
			gc.waitFor();
			String metrics = scrape(node);
			s.append("%n  %s: heap after GC %.1f MiB, %d live threads, %d Hikari connections (%d active)".formatted(
					node.name, sum(metrics, "jvm_memory_used_bytes\\{area=\"heap\"[^}]*\\}") / 1048576.0,
					(long) sum(metrics, "jvm_threads_live_threads"), (long) sum(metrics, "hikaricp_connections\\{[^}]*\\}"),
					(long) sum(metrics, "hikaricp_connections_active\\{[^}]*\\}")));
		}
		s.append("%n  PostgreSQL connections: %s".formatted(cluster.connections()));
		return s.toString();
	}

	private static String scrape(PortalNode node) throws IOException, InterruptedException {
		return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.managementPort + "/actuator/prometheus"))
			.timeout(Duration.ofSeconds(10))
			.build(), HttpResponse.BodyHandlers.ofString()).body();
	}

	private static double sum(String metrics, String name) {
		Matcher m = Pattern.compile("(?m)^" + name + " ([0-9.E+-]+)$").matcher(metrics);
		double total = 0;
		while (m.find()) {
			total += Double.parseDouble(m.group(1));
		}
		return total;
	}

	private static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).split(" ", 4)[0];
		}
		catch (IOException e) {
			return "?";
		}
	}

	private static void sleepNanos(long nanos) {
		try {
			Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	void line(String format, Object... args) {
		String text = args.length == 0 ? format : format.formatted(args);
		System.out.println(text);
		report.append(text).append('\n');
	}

	/** What one window of time saw, per route. */
	static final class Window {

		final Map<String, List<Long>> nanos = new ConcurrentHashMap<>();

		final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();

		final AtomicLong requests = new AtomicLong();

		final AtomicLong late = new AtomicLong();

		final long start = System.nanoTime();

		volatile long end;

		void record(String route, long took, boolean ok, int httpRequests) {
			if (end != 0) {
				return;
			}
			nanos.computeIfAbsent(route, r -> Collections.synchronizedList(new ArrayList<>())).add(took);
			errors.computeIfAbsent(route, r -> new AtomicLong());
			if (!ok) {
				errors.get(route).incrementAndGet();
			}
			requests.addAndGet(httpRequests);
		}

		void close() {
			end = System.nanoTime();
		}

		double seconds() {
			return ((end == 0 ? System.nanoTime() : end) - start) / 1e9;
		}

		long actions() {
			return nanos.values().stream().mapToLong(List::size).sum();
		}

		double actionsPerSecond() {
			return actions() / seconds();
		}

		double requestsPerSecond() {
			return requests.get() / seconds();
		}

		long errors() {
			return errors.values().stream().mapToLong(AtomicLong::get).sum();
		}

		String p99All() {
			List<Long> all = new ArrayList<>();
			nanos.values().forEach(l -> {
				synchronized (l) {
					all.addAll(l);
				}
			});
			return all.isEmpty() ? "-" : "%.0f".formatted(percentile(all, 99));
		}

		void print(LoadBenchmark out) {
			out.line("%-14s %8s %7s %8s %8s %8s %8s", "route", "count", "errors", "p50 ms", "p95 ms", "p99 ms", "max ms");
			for (Map.Entry<String, List<Long>> e : new TreeMap<>(nanos).entrySet()) {
				List<Long> l;
				synchronized (e.getValue()) {
					l = new ArrayList<>(e.getValue());
				}
				out.line("%-14s %8d %7d %8.0f %8.0f %8.0f %8.0f", e.getKey(), l.size(), errors.get(e.getKey()).get(),
						percentile(l, 50), percentile(l, 95), percentile(l, 99), percentile(l, 100));
			}
			out.line("%-14s %8d %7d", "all", actions(), errors());
		}

		/** Nearest rank, in milliseconds. */
		static double percentile(List<Long> values, double p) {
			long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
			int rank = (int) Math.ceil(p / 100.0 * sorted.length);
			return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
		}
	}
}
