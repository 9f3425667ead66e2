package jp.kenpoportal.mail.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers queued mails. Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so any number
 * of nodes can run this without sending a mail twice; a failure backs off and tries again.
 */
@Component
class OutboxDispatcher {

	private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);

	private static final int BATCH = 20;

	private static final Duration MAX_BACKOFF = Duration.ofHours(1);

	private final JdbcClient jdbc;

	private final JavaMailSender sender;

	private final TransactionTemplate tx;

	private final Clock clock;

	private final String from;

	OutboxDispatcher(JdbcClient jdbc, JavaMailSender sender, TransactionTemplate tx, Clock clock,
			@Value("${portal.mail.from}") String from) {
		this.jdbc = jdbc;
		this.sender = sender;
		this.tx = tx;
		this.clock = clock;
		this.from = from;
	}

	@Scheduled(fixedDelayString = "${portal.mail.poll-interval:300ms}")
	void dispatch() {
		Integer sent;
		do {
			sent = tx.execute(status -> dispatchBatch());
		}
		while (sent != null && sent == BATCH);
	}

	private int dispatchBatch() {
		// delivery runs on the database's time, not the movable clock: tests that move the
		// clock must not hold back real mail
		List<QueuedMail> due = jdbc.sql("""
				select id, recipient, subject, text_body, html_body, attempts from mail_outbox
				where sent_at is null and next_attempt_at <= now() order by id limit ? for update skip locked""")
			.params(BATCH)
			.query((rs, n) -> new QueuedMail(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getInt(6)))
			.list();
		for (QueuedMail mail : due) {
			try {
				sender.send(toMime(mail));
				jdbc.sql("update mail_outbox set sent_at = ?, attempts = attempts + 1 where id = ?")
					.params(Timestamp.from(clock.instant()), mail.id())
					.update();
			}
			catch (Exception e) {
				Duration wait = backoff(mail.attempts() + 1);
				log.warn("mail {} not sent (attempt {}), retrying in {}: {}", mail.id(), mail.attempts() + 1, wait,
						e.toString());
				jdbc.sql("""
						update mail_outbox set attempts = attempts + 1, next_attempt_at = now() + ? * interval '1 second',
						  last_error = ? where id = ?""")
					.params(wait.toSeconds(), e.toString(), mail.id())
					.update();
			}
		}
		return due.size();
	}

	/** 2 s, 4 s, 8 s … up to an hour: a short outage costs seconds, a long one no storm. */
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

	private record QueuedMail(long id, String recipient, String subject, String textBody, String htmlBody,
			int attempts) {
	}
}
