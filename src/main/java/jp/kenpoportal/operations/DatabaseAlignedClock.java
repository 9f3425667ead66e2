package jp.kenpoportal.operations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The time every node goes by: the machine's clock moved by how far it is from PostgreSQL's
 * ({@link ClockAlignment} measures it). Every node shares the one database, so its clock is the one
 * they all agree on; a node whose own clock drifted (NTP stopped, a virtual machine resumed) would
 * otherwise refuse authenticator-app codes (one 30 s step of drift either way is allowed), end
 * mailed codes and sign-ins early or late, and stamp rows out of order with the other nodes.
 * Until the first measurement, and while the two clocks agree within {@link ClockAlignment#TOLERANCE},
 * it is the machine's clock as it is.
 */
public final class DatabaseAlignedClock extends Clock {

	private final Clock machine;

	private final AtomicLong offsetMillis;

	public DatabaseAlignedClock(Clock machine) {
		this(machine, new AtomicLong());
	}

	private DatabaseAlignedClock(Clock machine, AtomicLong offsetMillis) {
		this.machine = machine;
		this.offsetMillis = offsetMillis;
	}

	/** How far the time given is ahead of the machine's clock (negative: behind). */
	public Duration offset() {
		return Duration.ofMillis(offsetMillis.get());
	}

	void offset(Duration offset) {
		offsetMillis.set(offset.toMillis());
	}

	/** The machine's own clock, uncorrected (to measure it against the database's). */
	Clock machine() {
		return machine;
	}

	@Override
	public Instant instant() {
		return machine.instant().plusMillis(offsetMillis.get());
	}

	@Override
	public long millis() {
		return machine.millis() + offsetMillis.get();
	}

	@Override
	public ZoneId getZone() {
		return machine.getZone();
	}

	/** The same corrected time in another zone; it follows every later correction too. */
	@Override
	public Clock withZone(ZoneId zone) {
		return new DatabaseAlignedClock(machine.withZone(zone), offsetMillis);
	}
}
