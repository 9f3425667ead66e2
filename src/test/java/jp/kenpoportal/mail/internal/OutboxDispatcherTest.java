package jp.kenpoportal.mail.internal;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.icegreen.greenmail.util.GreenMail;
import jp.kenpoportal.mail.MailOutbox;
import jp.kenpoportal.mail.internal.OutboxDispatcher.QueuedMail;
import jp.kenpoportal.support.Eventually;
import jp.kenpoportal.support.Mailbox;
import jp.kenpoportal.support.PortalTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Delivery that survives SMTP servers that hang and nodes that die mid-send. */
@PortalTest
class OutboxDispatcherTest {

	@Autowired
	GreenMail smtp;

	@Autowired
	MailOutbox outbox;

	@Autowired
	OutboxDispatcher dispatcher;

	@Autowired
	Mailbox mailbox;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	@Value("${spring.mail.properties[mail.smtp.timeout]}")
	long readTimeoutMillis;

	@Test
	void whenTheSmtpServerAcceptsButNeverAnswersThenDeliveryGivesUpWithinTheTimeoutHoldsNoLockAndLaterMailsGoOut()
			throws Exception {
		String first = "hanging" + System.nanoTime() + "@example.com";
		String later = "later" + System.nanoTime() + "@example.com";
		int port = smtp.getSmtp().getServerSetup().getPort();
		smtp.stop();
		try (ServerSocket blackHole = new ServerSocket()) {
			// in the embedded server's place: takes connections, never says a word
			blackHole.setReuseAddress(true);
			blackHole.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
			blackHole.setSoTimeout(10_000);
			outbox.enqueue(null, first, "応答しないサーバー", "本文");

			try (Socket connection = blackHole.accept()) {
				Instant connected = Instant.now();
				// the worker waits for the greeting: the mail is leased, and neither a row lock
				// nor a transaction is held meanwhile
				assertThat(row(first).attempts()).isZero();
				assertThat(leaseLeft(first)).isGreaterThan(Duration.ofMinutes(1));
				assertThat(lockedRows(first)).isZero();
				outbox.enqueue(null, later, "後から送るメール", "本文");

				awaitFailedAttempt(first, Duration.ofMillis(readTimeoutMillis).plusSeconds(5));
				assertThat(Duration.between(connected, Instant.now()))
					.isLessThan(Duration.ofMillis(readTimeoutMillis).plusSeconds(3));
				assertThat(row(first).lastError()).containsIgnoringCase("timed out");
			}
		}
		finally {
			smtp.start();
		}

		assertThat(mailbox.awaitMail(later, 1).subject()).isEqualTo("後から送るメール");
		assertThat(mailbox.awaitMail(first, 1).subject()).isEqualTo("応答しないサーバー");
	}

	@Test
	void whenANodeDiesAfterClaimingAMailThenNoOtherNodeSendsItDuringTheLeaseAndOneDoesAfterwards()
			throws Exception {
		String to = "orphan" + System.nanoTime() + "@example.com";
		Duration lease = Duration.ofSeconds(3);
		// another node queues and claims the mail in one go, then dies before sending it
		Optional<QueuedMail> claimed = tx.execute(status -> {
			outbox.enqueue(null, to, "送信中に止まったノードのメール", "本文");
			return dispatcher.claim(lease);
		});
		assertThat(claimed).hasValueSatisfying(mail -> assertThat(mail.recipient()).isEqualTo(to));
		Instant claimedAt = Instant.now();

		// another node's round during the lease (run here, to its end) leaves the mail alone
		dispatcher.dispatch();
		assertThat(mailbox.countNow(to)).isZero();
		assertThat(Duration.between(claimedAt, Instant.now())).isLessThan(lease);

		assertThat(mailbox.awaitMail(to, 1).subject()).isEqualTo("送信中に止まったノードのメール");
		assertThat(Duration.between(claimedAt, Instant.now())).isGreaterThanOrEqualTo(lease.minusMillis(500));
		assertThat(mailbox.count(to)).isEqualTo(1);
	}

	@Test
	void whenTheServerHasBeenAwayForLongThenTheBacklogGoesOutWithinAPauseOfItsReturnNotAfterAGrownBackoff() {
		String to = "backlog" + System.nanoTime() + "@example.com";
		smtp.stop();
		try {
			outbox.enqueue(null, to, "長い障害のあとのメール", "本文");
			awaitFailedAttempt(to, Duration.ofSeconds(10));
			// the mail stays due: the node pauses, not the mail
			assertThat(leaseLeft(to)).isLessThan(Duration.ofSeconds(1));
			// as if the server had been away for an hour: a backoff grown per mail would now be an hour
			jdbc.sql("update mail_outbox set attempts = 12 where recipient = ?").param(to).update();
		}
		finally {
			smtp.start();
		}
		Instant back = Instant.now();

		assertThat(mailbox.awaitMail(to, 1).subject()).isEqualTo("長い障害のあとのメール");
		assertThat(Duration.between(back, Instant.now())).isLessThan(dispatcher.maxOutagePause().plusSeconds(5));
		assertThat(mailbox.count(to)).isEqualTo(1);
	}

	@Test
	void aMailTheServerRefusesWaitsLongerEachTimeWhileTheServerPausesAtMostHalfAMinute() {
		assertThat(OutboxDispatcher.backoff(1)).isEqualTo(Duration.ofSeconds(2));
		assertThat(OutboxDispatcher.backoff(20)).isEqualTo(Duration.ofHours(1));
		Duration max = Duration.ofSeconds(30);
		assertThat(OutboxDispatcher.outagePause(1, max)).isEqualTo(Duration.ofSeconds(2));
		assertThat(OutboxDispatcher.outagePause(4, max)).isEqualTo(Duration.ofSeconds(16));
		assertThat(OutboxDispatcher.outagePause(40, max)).isEqualTo(max);
	}

	private Row row(String recipient) {
		return jdbc.sql("select attempts, last_error from mail_outbox where recipient = ?")
			.param(recipient)
			.query((rs, n) -> new Row(rs.getInt(1), rs.getString(2)))
			.single();
	}

	private Duration leaseLeft(String recipient) {
		return Duration.ofMillis(jdbc
			.sql("select (extract(epoch from next_attempt_at - now()) * 1000)::bigint from mail_outbox where recipient = ?")
			.param(recipient)
			.query(Long.class)
			.single());
	}

	/** How many of the recipient's rows another transaction holds locked (SKIP LOCKED leaves them out). */
	private int lockedRows(String recipient) {
		return tx.execute(status -> {
			int all = jdbc.sql("select count(*) from mail_outbox where recipient = ?")
				.param(recipient)
				.query(Integer.class)
				.single();
			int free = jdbc.sql("select id from mail_outbox where recipient = ? for update skip locked")
				.param(recipient)
				.query(Long.class)
				.list()
				.size();
			return all - free;
		});
	}

	private void awaitFailedAttempt(String recipient, Duration within) {
		Eventually.holds(within, () -> row(recipient).attempts() > 0,
				() -> "the worker was still waiting for the silent server after " + within);
	}

	private record Row(int attempts, String lastError) {
	}
}
