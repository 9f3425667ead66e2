package jp.kenpoportal.flu;

import java.time.Instant;

/** A change of an application's state, with the staff member and reason when there are. */
public record FluEvent(Instant at, Long staffId, FluState state, String reason) {
}
