package jp.kenpoportal.signin.recovery;

import java.util.Locale;

import jp.kenpoportal.signin.RateLimits;
import jp.kenpoportal.signin.RateLimits.Limit;
import jp.kenpoportal.tenant.Kenpo;

import org.springframework.stereotype.Component;

/**
 * The two limits on recovery requests: per client address (one source asking about many
 * members) and per target (many mails to one member). Both are counted whether or not the
 * request matches an account, so being refused reveals nothing.
 */
@Component
class RecoveryLimits {

	/** What a request asks about: a mail address for the user ID, a user ID for the password. */
	enum Target {
		USER_ID, PASSWORD
	}

	private final RateLimits limits;

	RecoveryLimits(RateLimits limits) {
		this.limits = limits;
	}

	/** Takes one request from both limits; false (and nothing taken) when either is reached. */
	boolean tryAcquire(Kenpo kenpo, String clientAddress, Target target, String asked) {
		String targetKey = kenpo.code() + ":" + target.name() + ":" + asked.toLowerCase(Locale.ROOT);
		if (limits.exhausted(Limit.RECOVERY_PER_ADDRESS, clientAddress)
				|| limits.exhausted(Limit.RECOVERY_PER_TARGET, targetKey)) {
			return false;
		}
		return limits.tryAcquire(Limit.RECOVERY_PER_ADDRESS, clientAddress)
				&& limits.tryAcquire(Limit.RECOVERY_PER_TARGET, targetKey);
	}
}
