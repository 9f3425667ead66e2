package jp.kenpoportal.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Debian's HAProxy on 127.0.0.1 in front of the nodes, checking each node's readiness every
 * second; requests that die with a node are retried on the other (idempotent or not: a request
 * whose connection failed never reached the portal). When no node is ready it answers with the
 * portal's own Japanese 503 page (ops/haproxy/503.http).
 */
final class HaProxy {

	final int port;

	private final Path dir;

	private Process process;

	HaProxy(Path dir, int port) {
		this.dir = dir;
		this.port = port;
	}

	void start(List<PortalNode> nodes, Path errorFile) throws IOException {
		Files.createDirectories(dir);
		StringBuilder cfg = new StringBuilder("""
				global
				  maxconn 2000
				  log stdout format raw local0
				defaults
				  mode http
				  log global
				  option httplog
				  timeout connect 2s
				  timeout client 60s
				  timeout server 60s
				  # a readiness answer may take seconds on a busy machine: with the check's default
				  # timeout (inter, 1 s) the only node left after a kill -9 was taken out again and
				  # again, and everyone got the 503 page (fault suite, 2026-12-03)
				  timeout check 5s
				  retries 3
				  option redispatch 1
				  retry-on conn-failure empty-response response-timeout
				  errorfile 503 %s
				frontend portal
				  bind 127.0.0.1:%d
				  default_backend nodes
				backend nodes
				  balance roundrobin
				  option httpchk GET /actuator/health/readiness
				  http-check expect status 200
				  default-server inter 1s fall 3 rise 2 on-marked-down shutdown-sessions
				""".formatted(errorFile.toAbsolutePath(), port));
		for (PortalNode node : nodes) {
			cfg.append("  server %s 127.0.0.1:%d check port %d%n".formatted(node.name, node.port, node.managementPort));
		}
		Path config = dir.resolve("haproxy.cfg");
		Files.writeString(config, cfg, StandardCharsets.UTF_8);
		process = new ProcessBuilder("haproxy", "-db", "-f", config.toString()).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("haproxy.log").toFile()))
			.start();
	}

	void stop() throws InterruptedException {
		if (process != null) {
			process.destroy();
			process.waitFor();
		}
	}
}
