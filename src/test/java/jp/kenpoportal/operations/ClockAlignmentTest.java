package jp.kenpoportal.operations;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jp.kenpoportal.signin.totp.TotpAlgorithm;
import jp.kenpoportal.support.PortalTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node whose own clock is 2 minutes off (fault 5 of the fault suite, README "Fault suite") goes
 * by PostgreSQL's clock, which every node shares: the member's authenticator-app code of the real
 * time is accepted there too, and every node stamps and expires things by the same time. The
 * machine clocks here are real ones moved by {@link Clock#offset}, the database the embedded one.
 */
@PortalTest
class ClockAlignmentTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void whenTheNodesClockIsTwoMinutesAheadThenThePortalGoesByTheDatabasesTimeAndTheAppCodeOfNowIsAccepted() {
		Clock ahead = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(2));
		DatabaseAlignedClock clock = new DatabaseAlignedClock(ahead);
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		ClockAlignment alignment = new ClockAlignment(jdbc, clock, registry);
		byte[] key = new byte[20];
		new SecureRandom().nextBytes(key);
		// the member's phone keeps the right time, as the database does
		String phoneCode = TotpAlgorithm.code(key, TotpAlgorithm.stepAt(databaseNow()));
		assertThat(TotpAlgorithm.matchingStep(key, phoneCode, ahead.instant(), -1)).as("by the node's own clock")
			.isEmpty();

		alignUntilCorrected(alignment, clock);

		assertThat(Duration.between(databaseNow(), clock.instant()).abs()).isLessThan(Duration.ofSeconds(2));
		assertThat(clock.offset()).isBetween(Duration.ofSeconds(-122), Duration.ofSeconds(-118));
		assertThat(TotpAlgorithm.matchingStep(key, phoneCode, clock.instant(), -1)).isPresent();
		assertThat(registry.get("kenpo.clock.offset").gauge().value()).isBetween(-122.0, -118.0);
	}

	@Test
	void whenTheNodesClockIsTwoMinutesBehindThenItIsMovedForwardAndAZoneOfItFollows() {
		Clock behind = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-2));
		DatabaseAlignedClock clock = new DatabaseAlignedClock(behind);
		Clock inTokyo = clock.withZone(java.time.ZoneId.of("Asia/Tokyo"));

		alignUntilCorrected(new ClockAlignment(jdbc, clock, new SimpleMeterRegistry()), clock);

		assertThat(Duration.between(databaseNow(), clock.instant()).abs()).isLessThan(Duration.ofSeconds(2));
		assertThat(Duration.between(databaseNow(), inTokyo.instant()).abs()).isLessThan(Duration.ofSeconds(2));
	}

	@Test
	void aDifferenceWithinHalfASecondIsLeftAloneAndACorrectionIsNotChangedForTheMeasurementsJitter() {
		DatabaseAlignedClock clock = new DatabaseAlignedClock(Clock.systemUTC());
		ClockAlignment alignment = new ClockAlignment(jdbc, clock, new SimpleMeterRegistry());

		alignment.apply(300);
		assertThat(clock.offset()).isZero();
		alignment.apply(-120_000);
		assertThat(clock.offset()).isEqualTo(Duration.ofSeconds(-120));
		alignment.apply(-120_040);
		assertThat(clock.offset()).as("a few milliseconds of jitter never move the time back and forth")
			.isEqualTo(Duration.ofSeconds(-120));
		alignment.apply(-40);
		assertThat(clock.offset()).as("the node's clock was fixed").isZero();
	}

	/** A measurement whose round trip was slow (the machine is shared) is thrown away: measure again. */
	private static void alignUntilCorrected(ClockAlignment alignment, DatabaseAlignedClock clock) {
		for (int i = 0; i < 20 && clock.offset().isZero(); i++) {
			alignment.align();
		}
	}

	private Instant databaseNow() {
		return jdbc.sql("select clock_timestamp()").query(Timestamp.class).single().toInstant();
	}
}
