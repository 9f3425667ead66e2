package jp.kenpoportal.operations;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Measures how far this node's clock is from PostgreSQL's, every 30 s and once at the start, and
 * moves the portal's {@link DatabaseAlignedClock} by it when the two differ by more than
 * {@link #TOLERANCE}; an operator sees the offset as {@code kenpo_clock_offset_seconds} and a
 * warning in the log (the machine's time service wants fixing even so). A measurement whose round
 * trip took too long to be exact is thrown away, and while the database is away the last
 * correction stays.
 */
@Component
class ClockAlignment {

	/** Differences below this are left alone: the measurement's own jitter is a few milliseconds. */
	static final Duration TOLERANCE = Duration.ofMillis(500);

	/** A round trip longer than this says more about the load than about the clocks. */
	private static final Duration MAX_ROUND_TRIP = Duration.ofSeconds(1);

	private static final Logger log = LoggerFactory.getLogger(ClockAlignment.class);

	private final JdbcClient jdbc;

	private final DatabaseAlignedClock clock;

	private final AtomicLong measuredMillis = new AtomicLong();

	ClockAlignment(JdbcClient jdbc, DatabaseAlignedClock clock, MeterRegistry registry) {
		this.jdbc = jdbc;
		this.clock = clock;
		Gauge.builder("kenpo.clock.offset", measuredMillis, m -> m.get() / 1000.0)
			.description("how far PostgreSQL's clock is ahead of this node's (negative: behind)")
			.baseUnit("seconds")
			.register(registry);
	}

	@Scheduled(initialDelay = 0, fixedDelayString = "${portal.clock.align-interval:30s}")
	void align() {
		try {
			long before = clock.machine().millis();
			Timestamp database = jdbc.sql("select clock_timestamp()").query(Timestamp.class).single();
			long after = clock.machine().millis();
			if (after - before > MAX_ROUND_TRIP.toMillis()) {
				return;
			}
			apply(database.getTime() - (before + after) / 2);
		}
		catch (RuntimeException e) {
			// the database is away; readiness says so, the last correction stays
			log.debug("clock not measured: {}", e.toString());
		}
	}

	/** Takes a measured offset: applied when beyond the tolerance and not within it of the one applied. */
	void apply(long measured) {
		measuredMillis.set(measured);
		long wanted = Math.abs(measured) < TOLERANCE.toMillis() ? 0 : measured;
		long applied = clock.offset().toMillis();
		if (Math.abs(wanted - applied) < TOLERANCE.toMillis() && (wanted == 0) == (applied == 0)) {
			return;
		}
		clock.offset(Duration.ofMillis(wanted));
		if (wanted == 0) {
			log.info("this node's clock agrees with PostgreSQL's again; the portal goes by it");
		}
		else {
			log.warn("this node's clock is {} ms {} PostgreSQL's; the portal goes by PostgreSQL's (fix the "
					+ "machine's time service)", Math.abs(wanted), wanted > 0 ? "behind" : "ahead of");
		}
	}
}
