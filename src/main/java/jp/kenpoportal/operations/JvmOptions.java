package jp.kenpoportal.operations;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.sun.jna.Library;
import com.sun.jna.Native;

/**
 * The JVM options the portal runs with, whatever the start line (issue 14, "Memory and start": no start line
 * may depend on a flag that a user can forget). A heap cap and the collector are start-up options only, so a
 * portal started without them ({@code java -jar kenpo-portal.jar}, {@code ./mvnw spring-boot:run}) replaces
 * itself, before Spring starts, by the same command with them: {@code execv(2)}, so the process keeps its ID
 * (systemd, {@code kill $!} and the benchmarks see one process) and nothing stays behind. Options on the
 * user's own command line come after these and so win; a collector chosen there replaces ours.
 * {@code PORTAL_JVM_OPTIONS=keep} starts the portal as it was started; where {@code execv} is not to be had
 * (Windows) the portal runs as started and says so (README, "Memory and start").
 */
public final class JvmOptions {

	/**
	 * Measured against the JVM's defaults on the page-view benchmark (README, "Memory and start"): the serial
	 * collector, whose bookkeeping is a few MB where G1's is 40, giving back at one full collection what the heap
	 * no longer needs (not in steps over four: {@link HeapFootprint} collects once after start), and a heap of
	 * 64 MB growing to at most 256 MB, several times what the portal keeps alive.
	 */
	public static final List<String> RECOMMENDED = List.of("-XX:+UseSerialGC", "-XX:-ShrinkHeapInSteps", "-Xms64m",
			"-Xmx256m");

	/** Set on the command line of the replacing JVM, so that it does not replace itself again. */
	static final String MARKER = "-Dportal.jvm-options=applied";

	private JvmOptions() {
	}

	/**
	 * Replaces this JVM by one with {@link #RECOMMENDED} unless it has them already; returns only when it does
	 * not (options applied, turned off, or no way to replace the process).
	 */
	public static void apply(Class<?> mainClass, String[] args) {
		if ("applied".equals(System.getProperty("portal.jvm-options"))
				|| "keep".equalsIgnoreCase(System.getenv("PORTAL_JVM_OPTIONS"))) {
			return;
		}
		List<String> command;
		try {
			command = command(mainClass, args);
		}
		catch (RuntimeException e) {
			warn("cannot tell how it was started (" + e + ")");
			return;
		}
		try {
			LibC libc = Native.load("c", LibC.class);
			// glibc gives every thread that allocates its own malloc arena of up to 64 MB: two are plenty for a
			// JVM whose allocations are in the Java heap
			libc.setenv("MALLOC_ARENA_MAX", "2", 0);
			closeOnExec(libc);
			System.out.flush();
			System.err.flush();
			libc.execv(command.get(0), command.toArray(String[]::new));
			warn("execv failed (errno " + Native.getLastError() + ")");
		}
		catch (RuntimeException | LinkageError e) {
			warn("cannot replace the process here (" + e + ")");
		}
	}

	/** The command that started this JVM, with the recommended options and the marker before the user's own. */
	static List<String> command(Class<?> mainClass, String[] args) {
		List<String> userOptions = ManagementFactory.getRuntimeMXBean().getInputArguments();
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(options(userOptions));
		command.add(MARKER);
		command.addAll(userOptions);
		String classpath = System.getProperty("java.class.path");
		String started = System.getProperty("sun.java.command", "");
		if (!classpath.contains(java.io.File.pathSeparator) && classpath.endsWith(".jar")
				&& started.startsWith(classpath)) {
			// java -jar kenpo-portal.jar: the jar's own launcher again
			command.add("-jar");
			command.add(classpath);
		}
		else {
			command.add("-cp");
			command.add(classpath);
			command.add(mainClass.getName());
		}
		command.addAll(List.of(args));
		return command;
	}

	/** The recommended options, less the collector when the user chose one (two collectors stop the JVM). */
	static List<String> options(List<String> userOptions) {
		boolean collectorChosen = userOptions.stream().anyMatch(o -> o.matches("-XX:[+-]Use\\w+GC"));
		return RECOMMENDED.stream().filter(o -> !(collectorChosen && o.matches("-XX:[+-]Use\\w+GC"))).toList();
	}

	/** The files this JVM has open (its jars among them) are not handed to the replacing one. */
	private static void closeOnExec(LibC libc) {
		try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
			fds.map(p -> p.getFileName().toString())
				.mapToInt(Integer::parseInt)
				.filter(fd -> fd > 2)
				.forEach(fd -> libc.fcntl(fd, LibC.F_SETFD, LibC.FD_CLOEXEC));
		}
		catch (IOException | RuntimeException e) {
			// not Linux: the replacing JVM inherits a few descriptors, which does no harm
		}
	}

	private static void warn(String why) {
		System.err.println("Kenpo Portal: runs with the JVM options it was started with, " + why
				+ "; recommended: " + String.join(" ", RECOMMENDED) + " (README, \"Memory and start\")");
	}

	/** The C library's calls used here. */
	interface LibC extends Library {

		int F_SETFD = 2;

		int FD_CLOEXEC = 1;

		int execv(String path, String[] argv);

		int setenv(String name, String value, int overwrite);

		int fcntl(int fd, int cmd, int arg);
	}
}
