package jp.kenpoportal.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The portal's JVM ({@link SignInBenchmarkServer}): commands on its standard input, {@code BENCH} lines back,
 * everything else to a log. Closing its standard input ends it, so it never outlives the driver.
 */
final class BenchmarkServerProcess implements AutoCloseable {

	private final Process process;

	private final PrintWriter commands;

	private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();

	private BenchmarkServerProcess(Process process, Path log) throws IOException {
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

	/**
	 * The command line of the portal's JVM on 127.0.0.1, a free port, its data (embedded PostgreSQL cluster,
	 * master key) under {@code dataDir}; a Flight Recording to {@code jfrFile} unless null; then the extra JVM
	 * flags and the extra application arguments.
	 */
	static List<String> command(String classpath, Path dataDir, Path jfrFile, String jvmArgs, List<String> appArgs) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		// no Argon2 JIT flag: the portal gives HotSpot its inlining directive itself (account.Argon2Inlining)
		if (jfrFile != null) {
			command.add("-XX:StartFlightRecording=filename=" + jfrFile + ",settings=profile,dumponexit=true");
		}
		Arrays.stream(jvmArgs.trim().split("\\s+")).filter(a -> !a.isEmpty()).forEach(command::add);
		command.add("-cp");
		command.add(classpath);
		command.add(SignInBenchmarkServer.class.getName());
		command.add("--server.address=127.0.0.1");
		command.add("--server.port=0");
		// its own free management port, so that two benchmarks (or a benchmark and a node) run side by side
		command.add("--management.server.port=0");
		command.add("--portal.data-dir=" + dataDir);
		command.addAll(appArgs);
		return command;
	}

	static BenchmarkServerProcess start(List<String> command, Path log) throws IOException {
		return new BenchmarkServerProcess(new ProcessBuilder(command).redirectErrorStream(true).start(), log);
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

	/** Sends a command and waits for its reply. */
	Map<String, String> ask(String command, String word, int timeoutSeconds) throws InterruptedException {
		send(command);
		return await(word, timeoutSeconds);
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
