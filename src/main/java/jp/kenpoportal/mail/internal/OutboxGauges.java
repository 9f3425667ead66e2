package jp.kenpoportal.mail.internal;

import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The outbox's backlog for alerts on a stuck mail server: how many mails wait and how old the
 * oldest is. Sampled from the database on a schedule rather than at each scrape, so a scrape never
 * waits on the database. Every node reports the same shared outbox (take the max over nodes).
 */
@Component
class OutboxGauges {

	private static final Logger log = LoggerFactory.getLogger(OutboxGauges.class);

	private final JdbcClient jdbc;

	private final AtomicLong waiting = new AtomicLong();

	private final AtomicLong oldestAgeSeconds = new AtomicLong();

	OutboxGauges(JdbcClient jdbc, MeterRegistry registry) {
		this.jdbc = jdbc;
		Gauge.builder("kenpo.mail.outbox.waiting", waiting, AtomicLong::get)
			.description("mails queued and not yet sent")
			.register(registry);
		Gauge.builder("kenpo.mail.outbox.oldest.age", oldestAgeSeconds, AtomicLong::get)
			.description("age of the oldest mail not yet sent")
			.baseUnit("seconds")
			.register(registry);
	}

	@Scheduled(fixedDelayString = "${portal.mail.gauge-interval:15s}")
	void sample() {
		try {
			jdbc.sql("""
					select count(*), coalesce(extract(epoch from now() - min(created_at)), 0)::bigint
					from mail_outbox where sent_at is null""")
				.query(rs -> {
					waiting.set(rs.getLong(1));
					oldestAgeSeconds.set(Math.max(0, rs.getLong(2)));
				});
		}
		catch (RuntimeException e) {
			// the database is away; readiness says so, the last figures stay
			log.debug("outbox gauges not sampled: {}", e.toString());
		}
	}
}
