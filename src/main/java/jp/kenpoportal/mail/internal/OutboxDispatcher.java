package jp.kenpoportal.mail.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import jakarta.mail.internet.MimeMessage;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers queued mails, one at a time and never inside a database transaction: a mail is
 * claimed and leased in one short statement ({@code FOR UPDATE SKIP LOCKED}, its next attempt
 * pushed past the lease), sent, and its result recorded in another. Other nodes skip a leased
 * mail; if the node sending it dies, the lease runs out and any node tries again. So no mail
 * is lost, but one can arrive twice: when a node dies after the SMTP server took the mail and
 * before the result was recorded, or when a send outlasts the lease.
 */
@Component
class OutboxDispatcher {

	private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);

	private static final Duration MAX_BACKOFF = Duration.ofHours(1);


	private final JdbcClient jdbc;

	private final JavaMailSender sender;

	private final Clock clock;

	private final String from;

	private final Duration lease;

	/** The longest a node waits before it tries an unreachable SMTP server again. */
	private final Duration maxOutagePause;

	private final Counter sent;

	private final Counter failed;

	/** Set when the node begins to stop: the send in progress finishes, no mail is claimed after it. */
	private volatile boolean stopping;

	/** Sends in a row that failed because the server could not be reached or did not answer. */
	private int outageFailures;

	/** {@link System#nanoTime()} before which this node does not try the SMTP server again. */
	private long pausedUntilNanos = System.nanoTime();

	OutboxDispatcher(JdbcClient jdbc, JavaMailSender sender, Clock clock, @Value("${portal.mail.from}") String from,
			@Value("${portal.mail.lease:5m}") Duration lease,
			@Value("${portal.mail.max-outage-pause:30s}") Duration maxOutagePause, MeterRegistry registry) {
		this.jdbc = jdbc;
		this.sender = sender;
		this.clock = clock;
		this.from = from;
		this.lease = lease;
		this.maxOutagePause = maxOutagePause;
		this.sent = registry.counter("kenpo.mail.deliveries", "outcome", "sent");
		this.failed = registry.counter("kenpo.mail.deliveries", "outcome", "failed");
	}

	/**
	 * The first thing a closing context does, before the scheduler waits for this worker's send in
	 * progress (spring.task.scheduling.shutdown) and long before the database pool closes.
	 */
	@EventListener(ContextClosedEvent.class)
	void stopClaiming() {
		stopping = true;
	}

	@Scheduled(fixedDelayString = "${portal.mail.poll-interval:300ms}")
	void dispatch() {
		if (System.nanoTime() - pausedUntilNanos < 0) {
			return;
		}
		Optional<QueuedMail> next;
		while (!stopping && (next = claim(lease)).isPresent()) {
			if (!deliver(next.get())) {
				// the server is down or hanging: the other mails wait for the next round rather
				// than each costing a timeout now, and other scheduled work gets its turn
				return;
			}
		}
	}

	/**
	 * Claims the oldest due mail until the lease ends. One statement, so its row lock lasts no
	 * longer than the statement; delivery runs on the database's time, not the movable clock,
	 * so tests that move the clock do not hold back real mail.
	 */
	Optional<QueuedMail> claim(Duration lease) {
		return jdbc.sql("""
				update mail_outbox set next_attempt_at = now() + ? * interval '1 millisecond'
				where id = (select id from mail_outbox where sent_at is null and next_attempt_at <= now()
				            order by id limit 1 for update skip locked)
				returning id, recipient, subject, text_body, html_body, attempts""")
			.params(lease.toMillis())
			.query((rs, n) -> new QueuedMail(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getInt(6)))
			.optional();
	}

	/**
	 * Sends one claimed mail and records the outcome; false when the server could not be reached
	 * or did not answer, so that the round ends.
	 */
	private boolean deliver(QueuedMail mail) {
		try {
			sender.send(toMime(mail));
		}
		catch (Exception e) {
			failed.increment();
			if (SmtpFailure.isRefusalOfThisMail(e)) {
				refused(mail, e);
				return true;
			}
			serverAway(mail, e);
			return false;
		}
		outageFailures = 0;
		jdbc.sql("update mail_outbox set sent_at = ?, attempts = attempts + 1 where id = ?")
			.params(Timestamp.from(clock.instant()), mail.id())
			.update();
		sent.increment();
		return true;
	}

	/**
	 * The server refused this mail (its recipient, say): it alone waits longer each time, up to an
	 * hour, and the others go on.
	 */
	private void refused(QueuedMail mail, Exception e) {
		Duration wait = backoff(mail.attempts() + 1);
		log.warn("mail {} refused by the SMTP server (attempt {}), retrying in {}: {}", mail.id(), mail.attempts() + 1,
				wait, MailErrors.describe(e));
		recordFailure(mail, wait, e);
	}

	/**
	 * The server is down or silent: the mail stays due, and this node pauses (2 s, 4 s … at most
	 * {@code portal.mail.max-outage-pause}, 30 s) before it tries the server again with the oldest due mail. The
	 * pause belongs to the server, not to the mail: however long the outage, the whole backlog goes
	 * out within one pause of the server's return, instead of each mail waiting out a backoff that
	 * grew while the server was away (up to an hour, longer than a mailed code lives).
	 */
	private void serverAway(QueuedMail mail, Exception e) {
		outageFailures++;
		Duration pause = outagePause(outageFailures, maxOutagePause);
		pausedUntilNanos = System.nanoTime() + pause.toNanos();
		log.warn("mail {} not sent (attempt {}), SMTP server unreachable; trying again in {}: {}", mail.id(),
				mail.attempts() + 1, pause, MailErrors.describe(e));
		recordFailure(mail, Duration.ZERO, e);
	}

	private void recordFailure(QueuedMail mail, Duration wait, Exception e) {
		// a node that took the mail over after the lease may have sent it meanwhile
		jdbc.sql("""
				update mail_outbox set attempts = attempts + 1, next_attempt_at = now() + ? * interval '1 second',
				  last_error = ? where id = ? and sent_at is null""")
			.params(wait.toSeconds(), e.toString(), mail.id())
			.update();
	}

	static Duration outagePause(int failuresInARow, Duration max) {
		Duration d = Duration.ofSeconds(1L << Math.min(failuresInARow, 12));
		return d.compareTo(max) > 0 ? max : d;
	}

	Duration maxOutagePause() {
		return maxOutagePause;
	}

	/** 2 s, 4 s, 8 s … up to an hour: a mail the server refuses costs no storm. */
	static Duration backoff(int attempt) {
		Duration d = Duration.ofSeconds(1L << Math.min(attempt, 12));
		return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
	}

	private MimeMessage toMime(QueuedMail mail) throws Exception {
		MimeMessage message = sender.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
		helper.setFrom(from);
		helper.setTo(mail.recipient());
		helper.setSubject(mail.subject());
		if (mail.htmlBody() == null) {
			helper.setText(mail.textBody(), false);
		}
		else {
			helper.setText(mail.textBody(), mail.htmlBody());
		}
		return message;
	}

	record QueuedMail(long id, String recipient, String subject, String textBody, String htmlBody, int attempts) {
	}
}
