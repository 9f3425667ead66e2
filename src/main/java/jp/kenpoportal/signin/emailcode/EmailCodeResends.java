package jp.kenpoportal.signin.emailcode;

import java.time.Duration;

import jp.kenpoportal.common.SecuritySettings;
import jp.kenpoportal.signin.RateLimits;
import jp.kenpoportal.signin.RateLimits.Limit;

import org.springframework.stereotype.Component;

/**
 * The one path by which a code or confirmation mail is sent again, with the same limits on
 * every page that offers 再送信 (sign-in, the mail step, the factor enrolment, a factor switch,
 * a new address in the profile): a wait since the last mail
 * ({@link SecuritySettings#emailCodeResendInterval()}), then the account's quota and the client
 * address's quota ({@link SecuritySettings#resendsPerAccount()},
 * {@link SecuritySettings#resendsPerAddress()}), so one source cannot mail-bomb one member nor
 * many (ASVS V6.6, 5.0 V2.4.1).
 */
@Component
public class EmailCodeResends {

	private final RateLimits limits;

	EmailCodeResends(RateLimits limits) {
		this.limits = limits;
	}

	/**
	 * 再送信 pressed: refused while the last mail is younger than the interval ({@code wait} is
	 * what is left of it), or once the account's or the client address's quota is used up; then
	 * nothing is taken from either.
	 */
	public Resend take(long accountId, Duration wait, String clientAddress) {
		if (!wait.isZero() && !wait.isNegative()) {
			return Resend.tooSoon(wait);
		}
		return takeQuotas(accountId, clientAddress);
	}

	/**
	 * A mail to an address the member has just typed (the mail step, a new address in the
	 * profile). While an earlier one still waits to be confirmed it is a resend: both quotas,
	 * without the wait, so a mistyped address is put right at once.
	 */
	public Resend takeForTypedAddress(long accountId, boolean earlierMailWaiting, String clientAddress) {
		if (!earlierMailWaiting) {
			return takeFirst(accountId) ? Resend.ALLOWED : Resend.TOO_MANY;
		}
		return takeQuotas(accountId, clientAddress);
	}

	/**
	 * The first mail of its kind (a code when its page opens, the first confirmation mail): the
	 * account's quota only, so members registering behind one company address do not use up
	 * each other's.
	 */
	public boolean takeFirst(long accountId) {
		return limits.tryAcquire(Limit.RESENDS_PER_ACCOUNT, Long.toString(accountId));
	}

	private Resend takeQuotas(long accountId, String clientAddress) {
		String account = Long.toString(accountId);
		// look first, take after: a refused resend must not use up the other quota
		if (limits.exhausted(Limit.RESENDS_PER_ADDRESS, clientAddress)
				|| limits.exhausted(Limit.RESENDS_PER_ACCOUNT, account)) {
			return Resend.TOO_MANY;
		}
		boolean taken = limits.tryAcquire(Limit.RESENDS_PER_ADDRESS, clientAddress)
				&& limits.tryAcquire(Limit.RESENDS_PER_ACCOUNT, account);
		return taken ? Resend.ALLOWED : Resend.TOO_MANY;
	}

	/**
	 * Whether the mail may go; if not, the message key for the page and its argument (the
	 * seconds still to wait), or null.
	 */
	public record Resend(String refusal, Long refusalArg) {

		static final Resend ALLOWED = new Resend(null, null);

		static final Resend TOO_MANY = new Resend("code.error.tooMany", null);

		static Resend tooSoon(Duration wait) {
			return new Resend("code.error.tooSoon", wait.toSeconds() + 1);
		}

		public boolean allowed() {
			return refusal == null;
		}
	}
}
