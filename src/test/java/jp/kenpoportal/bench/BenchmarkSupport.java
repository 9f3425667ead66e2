package jp.kenpoportal.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** What the benchmark drivers share: console lines, sleeping, percentiles, the run folder's files. */
final class BenchmarkSupport {

	private BenchmarkSupport() {
	}

	static List<String> list(String csv) {
		return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
	}

	static void say(String format, Object... args) {
		System.out.printf(Locale.ROOT, "%tT  %s%n", System.currentTimeMillis(),
				String.format(Locale.ROOT, format, args));
		System.out.flush();
	}

	static void sleep(double seconds) {
		try {
			Thread.sleep((long) (seconds * 1000));
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	/** The p-th percentile (nearest rank) of sorted nanoseconds, in milliseconds. */
	static double percentile(long[] sortedNanos, double p) {
		if (sortedNanos.length == 0) {
			return Double.NaN;
		}
		int index = (int) Math.ceil(p / 100.0 * sortedNanos.length) - 1;
		return sortedNanos[Math.max(0, Math.min(index, sortedNanos.length - 1))] / 1e6;
	}

	static String cpuModel() {
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

	/** The load averages of {@code /proc/loadavg} (1, 5, 15 minutes), as the machine's state at a glance. */
	static String loadAverage() {
		try {
			String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
			return f[0] + " " + f[1] + " " + f[2];
		}
		catch (IOException | RuntimeException e) {
			return "unknown";
		}
	}

	/**
	 * The class path for the portal's JVMs, with the project's class folders ({@code target/classes},
	 * {@code target/test-classes}) copied into the run folder first, so that a build started meanwhile in the
	 * same tree cannot pull classes from under a running portal.
	 */
	static String snapshotClasspath(Path runDir) throws IOException {
		return snapshotClasspath(runDir.resolve("classpath"), null);
	}

	/**
	 * The same, into {@code into}; with {@code otherTree} set, each class folder is taken from that project tree
	 * instead ({@code <otherTree>/target/classes}, {@code <otherTree>/target/test-classes}), e.g. an older commit
	 * built elsewhere, with the same dependencies.
	 */
	static String snapshotClasspath(Path into, Path otherTree) throws IOException {
		List<String> entries = new ArrayList<>();
		int n = 0;
		for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
			Path path = Path.of(entry);
			if (Files.isDirectory(path)) {
				if (otherTree != null) {
					path = otherTree.resolve("target").resolve(path.getFileName());
					if (!Files.isDirectory(path)) {
						throw new IllegalArgumentException(path + " does not exist: build that tree first");
					}
				}
				Path source = path;
				Path copy = into.resolve(n++ + "-" + path.getFileName());
				try (Stream<Path> walk = Files.walk(path)) {
					for (Path p : (Iterable<Path>) walk::iterator) {
						Path target = copy.resolve(source.relativize(p).toString());
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
	static void deleteTree(Path root, Path... keep) throws IOException {
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

	/** How many timed operations the per-thread records hold ({@code r[2][0]} each). */
	static long completedTotal(java.util.List<long[][]> records) {
		return records.stream().mapToLong(r -> r[2][0]).sum();
	}

	/**
	 * Sorted latencies (ns) of the operations that finished between the two instants, from
	 * per-thread records of {end times, latencies, {count}}; call once the threads stopped.
	 */
	static long[] latenciesCompletedBetween(java.util.List<long[][]> records, long start, long end) {
		long[] out = new long[(int) completedTotal(records)];
		int k = 0;
		for (long[][] r : records) {
			for (int i = 0; i < r[2][0]; i++) {
				if (r[0][i] >= start && r[0][i] < end) {
					out[k++] = r[1][i];
				}
			}
		}
		long[] sorted = java.util.Arrays.copyOf(out, k);
		java.util.Arrays.sort(sorted);
		return sorted;
	}
}
