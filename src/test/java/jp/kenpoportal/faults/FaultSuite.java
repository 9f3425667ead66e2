package jp.kenpoportal.faults;

import static jp.kenpoportal.faults.Cluster.say;
import static jp.kenpoportal.faults.Cluster.seconds;
import static jp.kenpoportal.faults.Cluster.waitUntil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * The fault suite of issue 13 (README, "Fault suite"): two portal nodes ({@code java -jar}) on
 * one PostgreSQL (Debian's), behind HAProxy (Debian's) checking readiness, the embedded SMTP
 * server, and members going through real journeys at a steady pace (first registrations with each
 * factor, sign-ins with the password and the mail code, the authenticator app or a passkey, the
 * 医療費 pages, the CSV and the PDF) while one fault after another happens: kill -9 of a node, a
 * rolling restart, PostgreSQL stopped for 30 s, the SMTP server away and then silent, a node's
 * clock 2 minutes off. Prints one row per fault: requests, failures, sign-ins, sessions lost,
 * mails lost, recovery time. Run by {@code ./mvnw -Pfaults -DskipTests package exec:exec}.
 */
public final class FaultSuite {

	/** libfaketime from Debian's faketime package: a process's clock moved, nothing else. */
	static final Path LIBFAKETIME = Path.of("/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1");

	private final Cluster cluster;

	private final AtomicReference<PhaseStats> phase = new AtomicReference<>(new PhaseStats("warm-up"));

	private final List<PhaseStats> table = new ArrayList<>();

	private final List<VirtualMember> members = new ArrayList<>();

	private FaultAccounts accounts;

	private final java.util.concurrent.atomic.AtomicBoolean signInOften = new java.util.concurrent.atomic.AtomicBoolean();

	private FaultSuite(Cluster cluster) {
		this.cluster = cluster;
	}

	public static void main(String[] args) throws Exception {
		Path jar = Path.of(System.getProperty("faults.jar"));
		Path dir = Path.of(System.getProperty("faults.dir", "target/faults"))
			.resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
		Cluster cluster = new Cluster(dir);
		FaultSuite suite = new FaultSuite(cluster);
		Runtime.getRuntime().addShutdownHook(new Thread(suite::tearDown));
		try {
			suite.run(jar);
		}
		finally {
			// the rows measured so far, even when a fault went wrong
			suite.printTable();
			suite.tearDown();
		}
	}

	private void run(Path jar) throws Exception {
		Set<String> faults = Arrays.stream(System.getProperty("faults.faults", "1,2,3,4,5").split(","))
			.map(String::trim)
			.collect(Collectors.toSet());
		cluster.start(jar, Map.of());
		accounts = new FaultAccounts(cluster.postgres.jdbcUrl(), "fault");
		startMembers(Integer.getInteger("faults.members", 8));
		say("members on their way; warming up");
		pause(Integer.getInteger("faults.warmup", 40));
		end(phase.get());

		if (faults.contains("1")) {
			killOneNode();
		}
		if (faults.contains("2")) {
			rollingRestart();
		}
		if (faults.contains("3")) {
			databaseAway(Integer.getInteger("faults.dbOutage", 30));
		}
		if (faults.contains("4")) {
			smtpAway(Integer.getInteger("faults.smtpOutage", 60), Integer.getInteger("faults.smtpSilent", 45));
		}
		if (faults.contains("5")) {
			clockOff(Integer.getInteger("faults.clockOffset", 120), Integer.getInteger("faults.clockSeconds", 90));
		}
		members.forEach(VirtualMember::stop);
	}

	private void killOneNode() throws Exception {
		PhaseStats stats = begin("1 kill -9 of a node");
		pause(5);
		stats.faultNanos = System.nanoTime();
		cluster.nodes.get(0).kill();
		pause(10);
		cluster.nodes.get(0).start();
		stats.notes += "node1 ready " + seconds(cluster.nodes.get(0).awaitReady(PortalNode.START_TIMEOUT))
				+ " after its restart; ";
		pause(8);
		stats.recovery = stats.secondsToLastFailure() + " (last failure after the kill)";
		end(stats);
	}

	private void rollingRestart() throws Exception {
		PhaseStats stats = begin("2 rolling restart");
		stats.faultNanos = System.nanoTime();
		for (PortalNode node : cluster.nodes) {
			Duration stop = node.stop();
			node.start();
			Duration ready = node.awaitReady(PortalNode.START_TIMEOUT);
			stats.notes += node.name + " stopped in " + seconds(stop) + ", ready in " + seconds(ready) + "; ";
			pause(4);
		}
		stats.recovery = stats.secondsToLastFailure() + " (last failure after the first stop)";
		end(stats);
	}

	private void databaseAway(int outageSeconds) throws Exception {
		PhaseStats stats = begin("3 PostgreSQL stopped " + outageSeconds + " s");
		pause(5);
		stats.faultNanos = System.nanoTime();
		cluster.postgres.stop();
		long downSeen = waitUntil(() -> cluster.nodes.stream().noneMatch(PortalNode::ready), 15);
		stats.notes += "readiness down on both nodes " + (downSeen < 0 ? "NOT seen" : "after " + downSeen + " ms") + "; ";
		long elapsed = (System.nanoTime() - stats.faultNanos) / 1_000_000_000;
		pause((int) Math.max(0, outageSeconds - elapsed));
		stats.notes += "slowest answer during the outage " + stats.maxMillis.get() + " ms; ";
		long back = System.nanoTime();
		cluster.postgres.start();
		long upAfter = waitUntil(() -> cluster.nodes.stream().allMatch(PortalNode::ready), 60);
		stats.recovery = upAfter < 0 ? "NOT within 60 s" : "%.1f s (both ready after the database)".formatted(upAfter / 1000.0);
		stats.faultNanos = back;
		pause(8);
		stats.notes += "last failure " + stats.secondsToLastFailure() + " after the database was back; ";
		end(stats);
	}

	private void smtpAway(int outageSeconds, int silentSeconds) throws Exception {
		PhaseStats stats = begin("4 SMTP away " + outageSeconds + " s, then silent " + silentSeconds + " s");
		long firstMail = cluster.maxOutboxId() + 1;
		stats.faultNanos = System.nanoTime();
		cluster.smtp.stop();
		pause(outageSeconds);
		cluster.smtp.silent();
		pause(silentSeconds);
		cluster.smtp.endSilence();
		cluster.smtp.start();
		long drained = waitUntil(() -> cluster.unsentSince(firstMail) == 0, 180);
		stats.recovery = drained < 0 ? "outbox NOT drained in 180 s"
				: "%.1f s to deliver the backlog".formatted(drained / 1000.0);
		end(stats);
	}

	/**
	 * One node restarted with its clock moved (libfaketime), the members signing in again every
	 * few pages through both nodes, then the node restarted with the right time.
	 */
	private void clockOff(int offsetSeconds, int seconds) throws Exception {
		String sign = offsetSeconds >= 0 ? "+" : "";
		PhaseStats stats = begin("5 node2's clock " + sign + offsetSeconds + " s");
		if (!Files.exists(LIBFAKETIME)) {
			stats.notes += "SKIPPED: " + LIBFAKETIME + " missing (apt-get install faketime); ";
			end(stats);
			return;
		}
		PortalNode node = cluster.nodes.get(1);
		node.stop();
		node.start(Map.of("LD_PRELOAD", LIBFAKETIME.toString(), "FAKETIME", sign + offsetSeconds,
				"FAKETIME_DONT_FAKE_MONOTONIC", "1"));
		// libfaketime makes every reading of the clock a few times slower: the start takes longer
		stats.notes += node.name + " ready in " + seconds(node.awaitReady(PortalNode.START_TIMEOUT)) + " with libfaketime; ";
		try {
			long off = node.clock().getEpochSecond() - Instant.now().getEpochSecond();
			stats.notes += node.name + "'s own clock (its Date header) " + (off >= 0 ? "+" : "") + off + " s; ";
		}
		catch (RuntimeException e) {
			stats.notes += node.name + "'s own clock not read (" + e + "); ";
		}
		stats.faultNanos = System.nanoTime();
		signInOften.set(true);
		pause(seconds);
		signInOften.set(false);
		node.stop();
		node.start();
		node.awaitReady(PortalNode.START_TIMEOUT);
		pause(5);
		stats.recovery = "node restarted with the right time";
		end(stats);
	}

	private PhaseStats begin(String name) {
		say("fault: " + name);
		PhaseStats stats = new PhaseStats(name);
		phase.set(stats);
		return stats;
	}

	private void end(PhaseStats stats) throws Exception {
		phase.set(new PhaseStats("between"));
		stats.mailsLost = mailCheck();
		table.add(stats);
		say("  " + row(stats));
		say("  " + details(stats));
	}

	/** Every mail the outbox holds, sent by now, against what the SMTP server received: lost / twice. */
	private String mailCheck() throws Exception {
		waitUntil(() -> cluster.unsentSince(0) == 0, 120);
		int lost = 0;
		int twice = 0;
		try (Connection c = cluster.connect(); PreparedStatement s = c.prepareStatement(
				"select count(*) from mail_outbox where recipient = ? and sent_at is not null")) {
			for (String email : accounts.emails()) {
				s.setString(1, email);
				try (ResultSet rs = s.executeQuery()) {
					rs.next();
					int sent = rs.getInt(1);
					int received = cluster.smtp.to(email).size();
					lost += Math.max(0, sent - received);
					twice += Math.max(0, received - sent);
				}
			}
		}
		return lost + " / " + twice;
	}

	private void startMembers(int count) {
		VirtualMember.Factor[] factors = VirtualMember.Factor.values();
		for (int i = 0; i < count; i++) {
			VirtualMember member = new VirtualMember(cluster.haproxy.port, FaultAccounts.KENPO + ".localhost",
					factors[i % factors.length], accounts, cluster.smtp, phase, Long.getLong("faults.thinkMillis", 300),
					Integer.getInteger("faults.actionsPerAccount", 160), signInOften);
			members.add(member);
			Thread thread = new Thread(member, "member-" + i);
			thread.setDaemon(true);
			thread.start();
		}
	}

	private static final String HEADER = "%-34s %8s %8s %7s %11s %9s %7s %12s %9s  %s";

	private void printTable() {
		String header = HEADER.formatted("fault", "requests", "failures", "retried", "sign-ins", "sessions",
				"mails", "onboardings", "pages/dl", "recovery");
		String units = HEADER.formatted("", "", "1st try", "failed", "(failed)", "lost", "lost/2x", "done/begun",
				"", "");
		System.out.println();
		System.out.println(header);
		System.out.println(units);
		System.out.println("-".repeat(header.length() + 30));
		for (PhaseStats s : table) {
			System.out.println(row(s));
		}
		System.out.println();
		for (PhaseStats s : table) {
			System.out.println(details(s));
		}
	}

	private static String row(PhaseStats s) {
		return HEADER.formatted(s.name, s.requests.get(), s.failures.get(), s.failedAfterRetry.get(),
				s.signIns.get() + " (" + s.signInsFailed.get() + ")", s.sessionsLost.get(), s.mailsLost,
				s.onboardingsCompleted.get() + "/" + s.onboardingsStarted.get(),
				s.signedInPages.get() + "/" + s.downloads.get(), s.recovery);
	}

	private static String details(PhaseStats s) {
		return s.name + ": " + s.friendly503.get() + " Japanese 503 pages, slowest answer " + s.maxMillis.get() + " ms, "
				+ s.secondFactorRefused.get() + " second factors refused, " + s.journeysResumed.get()
				+ " first registrations resumed in a new browser, " + s.unexpected.get() + " unexpected answers "
				+ s.unexpectedSamples + ". " + s.notes;
	}

	private void tearDown() {
		members.forEach(VirtualMember::stop);
		cluster.close();
	}

	private static void pause(int seconds) throws InterruptedException {
		Thread.sleep(seconds * 1000L);
	}
}
