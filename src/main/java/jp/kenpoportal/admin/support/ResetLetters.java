package jp.kenpoportal.admin.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jp.kenpoportal.common.OneTimeSecrets;

import org.springframework.stereotype.Component;

/**
 * 仮パスワード letters waiting for their one download. Kept in memory only (never in the
 * session table or on disk, since they hold a password in clear), for the staff member who
 * made them, for a few minutes; taking one removes it.
 */
@Component
class ResetLetters {

	static final Duration LIFETIME = Duration.ofMinutes(10);

	private final Map<String, Letter> letters = new ConcurrentHashMap<>();

	private final OneTimeSecrets secrets;

	private final Clock clock;

	ResetLetters(OneTimeSecrets secrets, Clock clock) {
		this.secrets = secrets;
		this.clock = clock;
	}

	/** Keeps the letter and returns the token that downloads it once. */
	String keep(long staffId, long kenpoId, long accountId, byte[] pdf) {
		Instant now = clock.instant();
		letters.values().removeIf(l -> !l.expiresAt().isAfter(now));
		String token = secrets.newToken();
		letters.put(token, new Letter(staffId, kenpoId, accountId, pdf, now.plus(LIFETIME)));
		return token;
	}

	/** The letter, if the token is one of this staff member's for this account and still fresh; gone afterwards. */
	Optional<byte[]> take(String token, long staffId, long kenpoId, long accountId) {
		Letter letter = token == null ? null : letters.get(token);
		if (letter == null || letter.staffId() != staffId || letter.kenpoId() != kenpoId
				|| letter.accountId() != accountId || !letter.expiresAt().isAfter(clock.instant())) {
			return Optional.empty();
		}
		return letters.remove(token) == null ? Optional.empty() : Optional.of(letter.pdf());
	}

	private record Letter(long staffId, long kenpoId, long accountId, byte[] pdf, Instant expiresAt) {
	}
}
