package jp.kenpoportal.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of its own from Debian's postgresql package, run as the postgres user,
 * on 127.0.0.1 and a port of its own, that the suite can stop and start.
 */
final class Postgres {

	final int port;

	private final Path dir;

	private final Path bin;

	Postgres(Path dir, int port) throws IOException {
		this.dir = dir;
		this.port = port;
		try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
			this.bin = versions.max(Comparator.comparing(p -> Integer.parseInt(p.getFileName().toString())))
				.orElseThrow()
				.resolve("bin");
		}
	}

	void init() throws IOException, InterruptedException {
		Files.createDirectories(dir);
		run("chown", "-R", "postgres:postgres", dir.toString());
		asPostgres(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", "postgres", "-A",
				"trust", "-E", "UTF8", "--locale=C.UTF-8");
	}

	void start() throws IOException, InterruptedException {
		asPostgres(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-l",
				dir.resolve("postgres.log").toString(), "-w", "-o",
				"-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c max_connections=200 -c timezone=Asia/Tokyo",
				"start");
	}

	void stop() throws IOException, InterruptedException {
		asPostgres(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "fast", "-w", "stop");
	}

	String jdbcUrl() {
		return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
	}

	private void asPostgres(String... command) throws IOException, InterruptedException {
		List<String> full = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
		full.addAll(List.of(command));
		run(full.toArray(String[]::new));
	}

	private void run(String... command) throws IOException, InterruptedException {
		Process p = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("commands.log").toFile()))
			.start();
		if (p.waitFor() != 0) {
			throw new IllegalStateException(String.join(" ", command) + " failed; see " + dir.resolve("commands.log"));
		}
	}
}
