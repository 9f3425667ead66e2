package jp.kenpoportal.signin.recovery;

import java.time.LocalDate;
import java.util.Optional;

import jp.kenpoportal.common.TypedInput;

/**
 * Kept only as a name for {@link TypedInput#birthDate}, where birth dates are parsed for the
 * first registration and for recovery alike, so recovery work done in parallel merges; call
 * {@code TypedInput.birthDate} directly.
 */
final class BirthDates {

	private BirthDates() {
	}

	static Optional<LocalDate> parse(String raw) {
		return TypedInput.birthDate(raw);
	}
}
