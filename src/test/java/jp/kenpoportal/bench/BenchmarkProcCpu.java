package jp.kenpoportal.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time from Linux's {@code /proc}: of a process, of its threads by kind (request threads, garbage
 * collector, JIT compiler), of a PostgreSQL cluster, and of the whole machine. Used by the benchmark's driver
 * for the portal's JVM and by the portal's JVM for itself during the raw hash measurement.
 */
final class BenchmarkProcCpu {

	static final long TICKS_PER_SECOND = clockTicks();

	/** What a JVM thread does, from its name ({@code comm}, at most 15 characters). */
	enum ThreadKind {
		/** Tomcat's request threads ("http-nio-127.0.0.1-auto-1-exec-1") */
		REQUESTS,
		/** the raw-hash threads of {@link SignInBenchmarkServer} */
		HASH,
		/** G1's and the other collectors' threads */
		GC,
		/** C1 and C2 compiler threads */
		JIT,
		/** everything else, and threads that ended during the window */
		OTHER;

		static ThreadKind of(String comm) {
			if (comm.startsWith("http-nio")) {
				return REQUESTS;
			}
			if (comm.startsWith("bench-hash")) {
				return HASH;
			}
			if (comm.startsWith("GC Thread") || comm.startsWith("G1 ")) {
				return GC;
			}
			if (comm.startsWith("C1 CompilerThre") || comm.startsWith("C2 CompilerThre")) {
				return JIT;
			}
			return OTHER;
		}
	}

	private BenchmarkProcCpu() {
	}

	/** utime+stime of the process in milliseconds. */
	static double processMs(long pid) {
		long[] s = stat(Path.of("/proc", Long.toString(pid), "stat"));
		return s == null ? Double.NaN : ticksToMs(s[1] + s[2]);
	}

	/** stime of the process (CPU spent in the kernel on its behalf: system calls, page faults) in milliseconds. */
	static double processKernelMs(long pid) {
		long[] s = stat(Path.of("/proc", Long.toString(pid), "stat"));
		return s == null ? Double.NaN : ticksToMs(s[2]);
	}

	/**
	 * Milliseconds of CPU by thread kind; {@link ThreadKind#OTHER} is the process total minus the named kinds,
	 * so the kinds add up to the process even when threads came and went.
	 */
	static Map<ThreadKind, Double> threadsMs(long pid) {
		Map<ThreadKind, Double> ms = new EnumMap<>(ThreadKind.class);
		for (ThreadKind k : ThreadKind.values()) {
			ms.put(k, 0.0);
		}
		double named = 0;
		try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
			for (Path task : (Iterable<Path>) tasks::iterator) {
				String raw;
				try {
					raw = Files.readString(task.resolve("stat"), StandardCharsets.ISO_8859_1);
				}
				catch (IOException e) {
					continue;
				}
				String comm = raw.substring(raw.indexOf('(') + 1, raw.lastIndexOf(')'));
				ThreadKind kind = ThreadKind.of(comm);
				if (kind == ThreadKind.OTHER) {
					continue;
				}
				long[] s = parse(raw);
				double t = ticksToMs(s[1] + s[2]);
				ms.merge(kind, t, Double::sum);
				named += t;
			}
		}
		catch (IOException e) {
			return ms;
		}
		ms.put(ThreadKind.OTHER, processMs(pid) - named);
		return ms;
	}

	/**
	 * Milliseconds of CPU of a PostgreSQL cluster: its postmaster (with the time of exited, reaped backends)
	 * and its live children, found by the postmaster's PID in {@code postmaster.pid}.
	 */
	static double postgresMs(Path pgData) throws IOException {
		long postmaster = Long.parseLong(Files.readAllLines(pgData.resolve("postmaster.pid")).get(0).trim());
		long ticks = 0;
		try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
			for (Path p : (Iterable<Path>) procs::iterator) {
				String name = p.getFileName().toString();
				if (name.isEmpty() || !name.chars().allMatch(Character::isDigit)) {
					continue;
				}
				long[] s = stat(p.resolve("stat"));
				if (s == null) {
					continue;
				}
				if (Long.parseLong(name) == postmaster) {
					ticks += s[1] + s[2] + s[3] + s[4];
				}
				else if (s[0] == postmaster) {
					ticks += s[1] + s[2];
				}
			}
		}
		return ticksToMs(ticks);
	}

	/** Busy and total milliseconds of all CPUs together since boot, from {@code /proc/stat}. */
	/**
	 * Resident memory of a process in KiB: {@code VmRSS} now and {@code VmHWM} (the peak since it started), from
	 * {@code /proc/<pid>/status}; -1 when unreadable.
	 */
	static long[] residentKib(long pid) {
		long[] kib = { -1, -1 };
		try {
			for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
				if (line.startsWith("VmRSS:") || line.startsWith("VmHWM:")) {
					long value = Long.parseLong(line.replaceAll("[^0-9]", ""));
					kib[line.startsWith("VmRSS:") ? 0 : 1] = value;
				}
			}
		}
		catch (IOException | RuntimeException e) {
			// gone or not Linux
		}
		return kib;
	}

	static double[] machineMs() throws IOException {
		String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
		long total = 0;
		// user nice system idle iowait irq softirq steal [guest guest_nice: already inside user and nice]
		for (int i = 1; i <= Math.min(8, cpu.length - 1); i++) {
			total += Long.parseLong(cpu[i]);
		}
		long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
		return new double[] { ticksToMs(total - idle), ticksToMs(total) };
	}

	/** ppid, utime, stime, cutime, cstime, or null if the process is gone. */
	private static long[] stat(Path file) {
		try {
			return parse(Files.readString(file, StandardCharsets.ISO_8859_1));
		}
		catch (IOException | RuntimeException e) {
			return null;
		}
	}

	private static long[] parse(String stat) {
		// after "(comm) ": state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime
		String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		return new long[] { Long.parseLong(f[1]), Long.parseLong(f[11]), Long.parseLong(f[12]), Long.parseLong(f[13]),
				Long.parseLong(f[14]) };
	}

	private static double ticksToMs(long ticks) {
		return ticks * 1000.0 / TICKS_PER_SECOND;
	}

	private static long clockTicks() {
		try {
			Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
			String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
			p.waitFor();
			return Long.parseLong(out);
		}
		catch (Exception e) {
			return 100;
		}
	}
}
