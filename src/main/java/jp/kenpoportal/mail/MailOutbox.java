package jp.kenpoportal.mail;

import java.sql.Timestamp;
import java.time.Clock;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Queues a mail in the caller's transaction: a change never happens without its mail, and a
 * mail is never sent for a change that rolled back. A worker delivers it, with retries.
 */
@Service
public class MailOutbox {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Counter queued;

	MailOutbox(JdbcClient jdbc, Clock clock, MeterRegistry registry) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.queued = registry.counter("kenpo.mail.queued");
	}

	public void enqueue(Long kenpoId, String recipient, String subject, String textBody) {
		Timestamp now = Timestamp.from(clock.instant());
		jdbc.sql("""
				insert into mail_outbox (kenpo_id, recipient, subject, text_body, html_body, created_at, next_attempt_at)
				values (?, ?, ?, ?, ?, ?, now())""")
			.params(kenpoId, recipient, subject, textBody, HtmlMailBody.from(subject, textBody), now)
			.update();
		countOnCommit();
	}

	/** A mail counts as queued once the change it belongs to has committed. */
	private void countOnCommit() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					queued.increment();
				}
			});
		}
		else {
			queued.increment();
		}
	}
}
