package jp.kenpoportal.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One portal node as an operator runs it: {@code java -jar} on its own port and management port,
 * against the shared PostgreSQL and SMTP server, its log in a file.
 */
final class PortalNode {

	/** How long a start may take: minutes on a 2-core machine that other builds keep busy. */
	static final Duration START_TIMEOUT = Duration.ofMinutes(Integer.getInteger("faults.startMinutes", 10));

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	final String name;

	final int port;

	final int managementPort;

	private final Path jar;

	private final Path dir;

	private final Map<String, String> env;

	private Process process;

	private int starts;

	PortalNode(String name, int port, int managementPort, Path jar, Path dir, Map<String, String> env) {
		this.name = name;
		this.port = port;
		this.managementPort = managementPort;
		this.jar = jar;
		this.dir = dir;
		this.env = env;
	}

	void start() throws IOException {
		start(Map.of());
	}

	/** Starts the node with these variables added to the shared ones (libfaketime's, for a clock off). */
	void start(Map<String, String> extraEnv) throws IOException {
		Files.createDirectories(dir);
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx384m", "-XX:+UseSerialGC", "-jar", jar.toString()));
		ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("node.log").toFile()));
		builder.environment().putAll(env);
		builder.environment().put("PORT", String.valueOf(port));
		builder.environment().put("MANAGEMENT_PORT", String.valueOf(managementPort));
		builder.environment().put("PORTAL_DATA_DIR", dir.resolve("data").toString());
		builder.environment().putAll(extraEnv);
		process = builder.start();
		starts++;
	}

	/** Waits until readiness answers 200; the time it took. */
	Duration awaitReady(Duration timeout) throws InterruptedException {
		long start = System.nanoTime();
		long deadline = start + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (ready()) {
				return Duration.ofNanos(System.nanoTime() - start);
			}
			if (process != null && !process.isAlive()) {
				throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + dir.resolve("node.log"));
			}
			Thread.sleep(200);
		}
		throw new IllegalStateException(name + " not ready within " + timeout + "; see " + dir.resolve("node.log"));
	}

	boolean ready() {
		return health("/actuator/health/readiness") == 200;
	}

	int health(String path) {
		try {
			return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + path))
				.timeout(Duration.ofSeconds(2))
				.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (IOException e) {
			return -1;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

	/** kill -9: no shutdown hook, no graceful anything. */
	void kill() throws InterruptedException {
		process.destroyForcibly();
		process.waitFor();
	}

	/** SIGTERM, as systemd or Kubernetes stop a node; waits for the exit. The time it took. */
	Duration stop() throws InterruptedException {
		long start = System.nanoTime();
		process.destroy();
		process.waitFor();
		return Duration.ofNanos(System.nanoTime() - start);
	}

	long pid() {
		return process.pid();
	}

	/**
	 * The time the node's own clock tells, from the Date header of its answer (second precision);
	 * the first answer of a node just started may take a minute on a busy machine.
	 */
	java.time.Instant clock() {
		try {
			HttpResponse<Void> answer = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
				.header("Host", "kaede.localhost")
				.timeout(Duration.ofSeconds(90))
				.build(), HttpResponse.BodyHandlers.discarding());
			return java.time.ZonedDateTime.parse(answer.headers().firstValue("Date").orElseThrow(),
					java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	boolean alive() {
		return process != null && process.isAlive();
	}
}
