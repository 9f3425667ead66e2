package jp.kenpoportal.faults;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import jp.kenpoportal.support.TestBrowser;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * The fault suite of issue 13 (README, "Fault suite"): two portal nodes ({@code java -jar}) on
 * one PostgreSQL (Debian's), behind HAProxy (Debian's) checking readiness, the embedded SMTP
 * server, and members going through real journeys at a steady pace while one fault after another
 * happens: kill -9 of a node, a rolling restart, PostgreSQL stopped for 30 s, the SMTP server away
 * and then silent. Prints one row per fault: requests, failures, sessions lost, mails lost,
 * recovery time. Run by {@code ./mvnw -Pfaults -DskipTests package exec:exec}.
 */
public final class FaultSuite {

	private static final String KENPO = "kaede";

	private final Path dir;

	private final Postgres postgres;

	private final SmtpServer smtp = new SmtpServer(Integer.getInteger("faults.smtpPort", 3925));

	private final List<PortalNode> nodes = new ArrayList<>();

	private final HaProxy haproxy;

	private final AtomicReference<PhaseStats> phase = new AtomicReference<>(new PhaseStats("warm-up"));

	private final List<PhaseStats> table = new ArrayList<>();

	private final List<VirtualMember> members = new ArrayList<>();

	private final List<String> emails = new ArrayList<>();

	private FaultSuite(Path dir) throws Exception {
		this.dir = dir;
		this.postgres = new Postgres(dir.resolve("pg"), Integer.getInteger("faults.pgPort", 55432));
		this.haproxy = new HaProxy(dir.resolve("haproxy"), Integer.getInteger("faults.port", 18080));
	}

	public static void main(String[] args) throws Exception {
		Path jar = Path.of(System.getProperty("faults.jar"));
		Path dir = Path.of(System.getProperty("faults.dir", "target/faults"))
			.resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
		FaultSuite suite = new FaultSuite(dir);
		Runtime.getRuntime().addShutdownHook(new Thread(suite::tearDown));
		try {
			suite.run(jar);
		}
		finally {
			suite.tearDown();
		}
	}

	private void run(Path jar) throws Exception {
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
		for (int i = 1; i <= 2; i++) {
			nodes.add(new PortalNode("node" + i, 18080 + i, 19080 + i, jar, dir.resolve("node" + i), env));
		}
		// one after the other: the first migrates the database and seeds the demo kenpo
		for (PortalNode node : nodes) {
			node.start();
			say(node.name + " ready in " + seconds(node.awaitReady(Duration.ofMinutes(4))));
		}
		haproxy.start(nodes, Path.of("ops/haproxy/503.http"));
		long serving = waitUntil(() -> serves(haproxy.port), 120);
		if (serving < 0) {
			throw new IllegalStateException("HAProxy does not serve; see " + dir.resolve("haproxy"));
		}
		createMembers(Integer.getInteger("faults.members", 8));
		say("members on their way; warming up");
		pause(Integer.getInteger("faults.warmup", 40));

		killOneNode();
		rollingRestart();
		databaseAway(Integer.getInteger("faults.dbOutage", 30));
		smtpAway(Integer.getInteger("faults.smtpOutage", 60), Integer.getInteger("faults.smtpSilent", 45));

		members.forEach(VirtualMember::stop);
		printTable();
	}

	private void killOneNode() throws Exception {
		PhaseStats stats = begin("1 kill -9 of a node");
		pause(5);
		stats.faultNanos = System.nanoTime();
		nodes.get(0).kill();
		pause(10);
		nodes.get(0).start();
		nodes.get(0).awaitReady(Duration.ofMinutes(3));
		pause(8);
		stats.recovery = stats.secondsToLastFailure() + " (last failure after the kill)";
		end(stats);
	}

	private void rollingRestart() throws Exception {
		PhaseStats stats = begin("2 rolling restart");
		stats.faultNanos = System.nanoTime();
		for (PortalNode node : nodes) {
			Duration stop = node.stop();
			node.start();
			Duration ready = node.awaitReady(Duration.ofMinutes(3));
			stats.notes += node.name + " stopped in " + seconds(stop) + ", ready in " + seconds(ready) + "; ";
			pause(4);
		}
		stats.recovery = "-";
		end(stats);
	}

	private void databaseAway(int outageSeconds) throws Exception {
		PhaseStats stats = begin("3 PostgreSQL stopped " + outageSeconds + " s");
		pause(5);
		stats.faultNanos = System.nanoTime();
		postgres.stop();
		long downSeen = waitUntil(() -> nodes.stream().noneMatch(PortalNode::ready), 15);
		stats.notes += "readiness down on both nodes " + (downSeen < 0 ? "NOT seen" : "after " + downSeen + " ms") + "; ";
		long elapsed = (System.nanoTime() - stats.faultNanos) / 1_000_000_000;
		pause((int) Math.max(0, outageSeconds - elapsed));
		stats.notes += "max answer time " + stats.maxMillis.get() + " ms during the phase; ";
		long back = System.nanoTime();
		postgres.start();
		long upAfter = waitUntil(() -> nodes.stream().allMatch(PortalNode::ready), 60);
		stats.recovery = upAfter < 0 ? "NOT within 60 s" : "%.1f s (both ready after the database)".formatted(upAfter / 1000.0);
		stats.faultNanos = back;
		pause(8);
		end(stats);
	}

	private void smtpAway(int outageSeconds, int silentSeconds) throws Exception {
		PhaseStats stats = begin("4 SMTP away " + outageSeconds + " s, then silent " + silentSeconds + " s");
		long firstMail = maxOutboxId() + 1;
		stats.faultNanos = System.nanoTime();
		smtp.stop();
		pause(outageSeconds);
		smtp.silent();
		pause(silentSeconds);
		smtp.endSilence();
		smtp.start();
		long back = System.nanoTime();
		long drained = waitUntil(() -> unsentSince(firstMail) == 0, 180);
		stats.recovery = drained < 0 ? "outbox NOT drained in 180 s"
				: "%.1f s to deliver the backlog".formatted(drained / 1000.0);
		stats.faultNanos = back;
		end(stats);
	}

	private PhaseStats begin(String name) {
		say("fault: " + name);
		PhaseStats stats = new PhaseStats(name);
		phase.set(stats);
		return stats;
	}

	private void end(PhaseStats stats) throws Exception {
		stats.mailsLost = mailCheck();
		table.add(stats);
		phase.set(new PhaseStats("between"));
		say("  " + row(stats));
	}

	/** Every mail the outbox holds, sent by now, against what the SMTP server received: lost / twice. */
	private String mailCheck() throws Exception {
		waitUntil(() -> unsentSince(0) == 0, 120);
		int lost = 0;
		int twice = 0;
		try (Connection c = connect(); PreparedStatement s = c.prepareStatement(
				"select count(*), count(*) filter (where sent_at is null) from mail_outbox where recipient = ?")) {
			for (String email : emails) {
				s.setString(1, email);
				try (ResultSet rs = s.executeQuery()) {
					rs.next();
					int queued = rs.getInt(1);
					int received = smtp.to(email).size();
					lost += Math.max(0, queued - received);
					twice += Math.max(0, received - queued);
				}
			}
		}
		return lost + " lost, " + twice + " twice";
	}

	private void createMembers(int count) throws Exception {
		Argon2PasswordEncoder hasher = new Argon2PasswordEncoder(16, 32, 1, 19456, 2);
		try (Connection c = connect()) {
			long kenpoId;
			int symbolDigits;
			int numberDigits;
			try (ResultSet rs = c.createStatement().executeQuery(
					"select id, symbol_digits, number_digits from kenpo where code = '" + KENPO + "'")) {
				rs.next();
				kenpoId = rs.getLong(1);
				symbolDigits = rs.getInt(2);
				numberDigits = rs.getInt(3);
			}
			for (int i = 0; i < count; i++) {
				String symbol = "8".repeat(symbolDigits);
				String number = String.format("%0" + numberDigits + "d", 700 + i);
				LocalDate born = LocalDate.of(1970 + i, 1 + i % 12, 10);
				String loginId = "fault" + i + "member";
				String initial = symbol + number + born.toString().replace("-", "");
				String email = loginId + "@example.com";
				long memberId;
				try (PreparedStatement s = c.prepareStatement("""
						insert into member (kenpo_id, symbol, number, branch, name, name_kana, birth_date, sex, relationship,
						  acquired_on, burden_ratio, hidden_from_household)
						values (?, ?, ?, '00', ?, 'シケン タロウ', ?, 'MALE', '本人', date '2020-04-01', 3, false) returning id""")) {
					s.setLong(1, kenpoId);
					s.setString(2, symbol);
					s.setString(3, number);
					s.setString(4, "障害 太郎" + i);
					s.setObject(5, born);
					try (ResultSet rs = s.executeQuery()) {
						rs.next();
						memberId = rs.getLong(1);
					}
				}
				try (PreparedStatement s = c.prepareStatement("""
						insert into account (kenpo_id, member_id, login_id, login_id_temporary, initial_password_hash, email)
						values (?, ?, ?, false, ?, ?)""")) {
					s.setLong(1, kenpoId);
					s.setLong(2, memberId);
					s.setString(3, loginId);
					s.setString(4, hasher.encode(initial));
					s.setString(5, email);
					s.executeUpdate();
				}
				emails.add(email);
				VirtualMember member = new VirtualMember(haproxy.port, "kaede.localhost", loginId, initial, born, email,
						i % 2 == 1, smtp, phase, Long.getLong("faults.thinkMillis", 300));
				members.add(member);
				Thread thread = new Thread(member, loginId);
				thread.setDaemon(true);
				thread.start();
			}
		}
	}

	private static boolean serves(int port) {
		try {
			int status = new TestBrowser(port, "kaede.localhost").get("/login").status();
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

	private long maxOutboxId() throws SQLException {
		try (Connection c = connect(); ResultSet rs = c.createStatement().executeQuery("select coalesce(max(id), 0) from mail_outbox")) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private long unsentSince(long firstId) {
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

	private Connection connect() throws SQLException {
		return DriverManager.getConnection(postgres.jdbcUrl(), "postgres", "");
	}

	/** Milliseconds until the condition held (polled every 200 ms), or -1 after the timeout. */
	private static long waitUntil(java.util.function.BooleanSupplier condition, int timeoutSeconds)
			throws InterruptedException {
		long start = System.nanoTime();
		while (System.nanoTime() - start < timeoutSeconds * 1_000_000_000L) {
			if (condition.getAsBoolean()) {
				return (System.nanoTime() - start) / 1_000_000;
			}
			Thread.sleep(200);
		}
		return -1;
	}

	private void printTable() {
		String header = "%-40s %9s %9s %13s %14s %16s  %s".formatted("fault", "requests", "failures",
				"after retry", "sessions lost", "mails", "recovery");
		System.out.println();
		System.out.println(header);
		System.out.println("-".repeat(header.length() + 20));
		for (PhaseStats s : table) {
			System.out.println(row(s));
		}
		System.out.println();
		for (PhaseStats s : table) {
			System.out.println(s.name + ": " + s.friendly503.get() + " Japanese 503 pages, slowest answer "
					+ s.maxMillis.get() + " ms, " + s.journeysResumed.get() + " first registrations resumed. " + s.notes);
		}
	}

	private static String row(PhaseStats s) {
		return "%-40s %9d %9d %13d %14d %16s  %s".formatted(s.name, s.requests.get(), s.failures.get(),
				s.failedAfterRetry.get(), s.sessionsLost.get(), s.mailsLost, s.recovery);
	}

	private boolean tornDown;

	private synchronized void tearDown() {
		if (tornDown) {
			return;
		}
		tornDown = true;
		members.forEach(VirtualMember::stop);
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

	private static void pause(int seconds) throws InterruptedException {
		Thread.sleep(seconds * 1000L);
	}

	private static String seconds(Duration d) {
		return "%.1f s".formatted(d.toMillis() / 1000.0);
	}

	private static void say(String line) {
		System.out.println("[faults] " + line);
	}
}
