package jp.kenpoportal.faults;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import jp.kenpoportal.support.TestBrowser;

/**
 * The portal as an operator runs it on this machine: one PostgreSQL (Debian's), the embedded SMTP
 * server, two nodes of the jar ({@code java -jar}, no JVM flag) and HAProxy (Debian's) in front,
 * checking each node's readiness. Shared by the fault suite and the load benchmark.
 */
final class Cluster implements AutoCloseable {

	final Path dir;

	final Postgres postgres;

	final SmtpServer smtp = new SmtpServer(Integer.getInteger("faults.smtpPort", 3925));

	final List<PortalNode> nodes = new ArrayList<>();

	final HaProxy haproxy;

	private boolean closed;

	Cluster(Path dir) throws Exception {
		this.dir = dir;
		this.postgres = new Postgres(dir.resolve("pg"), Integer.getInteger("faults.pgPort", 55432));
		this.haproxy = new HaProxy(dir.resolve("haproxy"), Integer.getInteger("faults.port", 18080));
	}

	/** Everything started and HAProxy serving; extra portal settings as environment variables. */
	void start(Path jar, Map<String, String> settings) throws Exception {
		say("work directory " + dir.toAbsolutePath());
		postgres.init();
		postgres.start();
		smtp.start();
		Map<String, String> env = new HashMap<>();
		env.put("SPRING_PROFILES_ACTIVE", "demo");
		env.put("SPRING_DATASOURCE_URL", postgres.jdbcUrl());
		env.put("SPRING_DATASOURCE_USERNAME", "postgres");
		env.put("SPRING_MAIL_HOST", "127.0.0.1");
		env.put("SPRING_MAIL_PORT", String.valueOf(smtp.port));
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		env.put("PORTAL_MASTER_KEY", Base64.getEncoder().encodeToString(key));
		env.put("PORTAL_PUBLIC_URL_TEMPLATE", "https://{host}");
		env.put("PORTAL_SECURITY_DOWNLOADSPERACCOUNT", "1000000");
		env.put("PORTAL_MAIL_LEASE", "2m");
		env.putAll(settings);
		for (int i = 1; i <= 2; i++) {
			// 18081, 18082 and management ports 19081, 19082 with the default HAProxy port
			nodes.add(new PortalNode("node" + i, haproxy.port + i, haproxy.port + 1000 + i, jar, dir.resolve("node" + i),
					env));
		}
		// one after the other: the first migrates the database and seeds the demo kenpo
		for (PortalNode node : nodes) {
			node.start();
			say(node.name + " ready in " + seconds(node.awaitReady(PortalNode.START_TIMEOUT)));
		}
		haproxy.start(nodes, Path.of("ops/haproxy/503.http"));
		if (waitUntil(this::serves, 120) < 0) {
			throw new IllegalStateException("HAProxy does not serve; see " + dir.resolve("haproxy"));
		}
	}

	private boolean serves() {
		try {
			int status = new TestBrowser(haproxy.port, FaultAccounts.KENPO + ".localhost").get("/login").status();
			if (status != 200) {
				say("HAProxy answers " + status);
			}
			return status == 200;
		}
		catch (RuntimeException e) {
			say("HAProxy: " + e);
			return false;
		}
	}

	Connection connect() throws SQLException {
		return DriverManager.getConnection(postgres.jdbcUrl(), "postgres", "");
	}

	long maxOutboxId() throws SQLException {
		try (Connection c = connect(); ResultSet rs = c.createStatement().executeQuery("select coalesce(max(id), 0) from mail_outbox")) {
			rs.next();
			return rs.getLong(1);
		}
	}

	/** Mails of the outbox from this ID on not yet sent; -1 when the database does not answer. */
	long unsentSince(long firstId) {
		try (Connection c = connect(); PreparedStatement s = c.prepareStatement(
				"select count(*) from mail_outbox where sent_at is null and id >= ?")) {
			s.setLong(1, firstId);
			try (ResultSet rs = s.executeQuery()) {
				rs.next();
				return rs.getLong(1);
			}
		}
		catch (SQLException e) {
			return -1;
		}
	}

	/** Connections to PostgreSQL by state (active, idle, ...) of the portal's database, as one line. */
	String connections() throws SQLException {
		StringBuilder line = new StringBuilder();
		int total = 0;
		try (Connection c = connect(); ResultSet rs = c.createStatement().executeQuery("""
				select coalesce(state, '?'), count(*) from pg_stat_activity
				where datname = current_database() and pid <> pg_backend_pid() group by 1 order by 1""")) {
			while (rs.next()) {
				total += rs.getInt(2);
				line.append(", ").append(rs.getString(1)).append(' ').append(rs.getInt(2));
			}
		}
		return total + (line.isEmpty() ? "" : " (" + line.substring(2) + ")");
	}

	@Override
	public synchronized void close() {
		if (closed) {
			return;
		}
		closed = true;
		for (PortalNode node : nodes) {
			try {
				if (node.alive()) {
					node.stop();
				}
			}
			catch (Exception e) {
				// going anyway
			}
		}
		try {
			haproxy.stop();
			smtp.close();
			postgres.stop();
		}
		catch (Exception e) {
			// best effort
		}
	}

	/** Milliseconds until the condition held (polled every 200 ms), or -1 after the timeout. */
	static long waitUntil(BooleanSupplier condition, int timeoutSeconds) throws InterruptedException {
		long start = System.nanoTime();
		while (System.nanoTime() - start < timeoutSeconds * 1_000_000_000L) {
			if (condition.getAsBoolean()) {
				return (System.nanoTime() - start) / 1_000_000;
			}
			Thread.sleep(200);
		}
		return -1;
	}

	static String seconds(Duration d) {
		return "%.1f s".formatted(d.toMillis() / 1000.0);
	}

	static void say(String line) {
		System.out.println("[faults] " + line);
	}
}
