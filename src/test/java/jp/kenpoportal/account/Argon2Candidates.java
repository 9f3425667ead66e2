package jp.kenpoportal.account;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiPredicate;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * The Argon2id implementations the portal can hash with, side by side at one cost, for the sign-in
 * benchmark's raw rates ({@code SignInBenchmarkServer}, command {@code hashcandidates}) and for
 * {@code main}: Bouncy Castle (with the inlining directive the portal gives HotSpot), the reference C
 * library bundled with argon2-jvm, and the operating system's libsodium. Each verifies one stored hash
 * (made by Bouncy Castle) over and over, as a sign-in does.
 */
public final class Argon2Candidates {

	private Argon2Candidates() {
	}

	/** Name → verification of (password, PHC string), for the implementations that load here. */
	public static Map<String, BiPredicate<String, String>> load(int memoryKib, int iterations, int parallelism) {
		Argon2Inlining.ensureApplied();
		Argon2PasswordEncoder bc = new Argon2PasswordEncoder(16, 32, parallelism, memoryKib, iterations);
		Map<String, BiPredicate<String, String>> all = new LinkedHashMap<>();
		all.put("bouncycastle", bc::matches);
		NativeArgon2.load(16, 32, memoryKib, iterations, parallelism, bc::matches)
			.ifPresent(n -> all.put("argon2-jvm", n::matches));
		SodiumArgon2.load(16, 32, memoryKib, iterations, parallelism, bc::matches)
			.ifPresent(s -> all.put("libsodium", s::matches));
		return all;
	}

	/** A hash of the password by Bouncy Castle, which every candidate must verify. */
	public static String reference(String password, int memoryKib, int iterations, int parallelism) {
		return new Argon2PasswordEncoder(16, 32, parallelism, memoryKib, iterations).encode(password);
	}

	/**
	 * Verifications per second of one candidate on {@code threads} threads, after a warm-up, and the CPU
	 * time of one verification in its thread (ms): on a machine busy with other work the rate falls, the
	 * CPU per verification much less.
	 */
	public record Rate(double perSecond, double cpuMsEach) {
	}

	public static Rate rate(BiPredicate<String, String> matches, String password, String hash, int threads,
			double warmupSeconds, double seconds) throws InterruptedException {
		AtomicLong count = new AtomicLong();
		AtomicLong cpuNanos = new AtomicLong();
		long warmupEnd = System.nanoTime() + (long) (warmupSeconds * 1e9);
		long end = warmupEnd + (long) (seconds * 1e9);
		List<Thread> workers = new ArrayList<>();
		for (int i = 0; i < threads; i++) {
			Thread t = new Thread(() -> {
				while (System.nanoTime() < warmupEnd) {
					check(matches.test(password, hash));
				}
				long n = 0;
				long cpuStart = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
				while (System.nanoTime() < end) {
					check(matches.test(password, hash));
					n++;
				}
				cpuNanos.addAndGet(java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime()
						- cpuStart);
				count.addAndGet(n);
			}, "bench-hash-" + i);
			workers.add(t);
			t.start();
		}
		for (Thread t : workers) {
			t.join();
		}
		return new Rate(count.get() / seconds, cpuNanos.get() / 1e6 / Math.max(1, count.get()));
	}

	private static void check(boolean matched) {
		if (!matched) {
			throw new IllegalStateException("a candidate did not verify the reference hash");
		}
	}

	/** {@code java … Argon2Candidates [m t p seconds]}: the raw rates at 1 and 2 threads. */
	public static void main(String[] args) throws InterruptedException {
		int m = args.length > 0 ? Integer.parseInt(args[0]) : 7168;
		int t = args.length > 1 ? Integer.parseInt(args[1]) : 5;
		int p = args.length > 2 ? Integer.parseInt(args[2]) : 1;
		double seconds = args.length > 3 ? Double.parseDouble(args[3]) : 8;
		String hash = reference("Bench-Signin-2026", m, t, p);
		for (Map.Entry<String, BiPredicate<String, String>> c : load(m, t, p).entrySet()) {
			for (int threads = 1; threads <= 2; threads++) {
				Rate r = rate(c.getValue(), "Bench-Signin-2026", hash, threads, 3, seconds);
				System.out.printf(Locale.ROOT, "%-14s m=%d t=%d p=%d  %d thread(s): %7.1f verifications/s, %6.2f CPU ms each%n",
						c.getKey(), m, t, p, threads, r.perSecond(), r.cpuMsEach());
			}
		}
	}
}
