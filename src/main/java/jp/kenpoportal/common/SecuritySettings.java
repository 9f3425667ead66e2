package jp.kenpoportal.common;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every security number of the portal, in one place. Each field names the clause it follows.
 *
 * @param lockoutThreshold wrong passwords in a row before a temporary lock (ASVS 5.0 V6.3.1, NIST 800-63B 3.2.2)
 * @param lockoutDuration first temporary lock; doubles on each repeat (ASVS V6.3.1: slow down, don't invite DoS)
 * @param lockoutMaxDuration cap of the growing temporary lock
 * @param permanentLockThreshold wrong passwords in a row after which only the kenpo unlocks (NIST 800-63B 3.2.2: at most 100)
 * @param addressFailureCapacity failed sign-ins one client address may make per window (ASVS V6.3.1 throttling)
 * @param addressFailureWindow the window for the address limit
 * @param emailCodeLifetime lifetime of a mailed one-time code (NIST 800-63B 3.1.3.1: short-lived out-of-band secret)
 * @param emailCodeResendInterval wait before a code may be sent again (ASVS V6.6: resend throttling)
 * @param emailCodeMaxAttempts wrong codes before a code is void (NIST 800-63B 3.2.2)
 * @param emailVerificationLifetime lifetime of the address confirmation link and code
 * @param rememberMeDuration how long ログイン状態の保存 keeps a browser signed in: an absolute lifetime from the
 *        sign-in, whatever the activity, held by the server as well as by the cookie's Max-Age (ASVS 5.0 V7.3.2)
 * @param sessionAbsoluteLifetime the absolute lifetime of a sign-in without ログイン状態の保存, which also ends
 *        after the idle timeout (ASVS 5.0 V7.3.2; a working day and a half)
 * @param sessionTouchInterval how stale a session's stored last access may get before a request writes it back
 *        (ASVS V7.3.1 idle timeout, enforced in the shared session store: an idle session ends up to this much early, never late)
 * @param recoveryPerAddress recovery requests (forgotten ID or password) one client address may make per window (ASVS V6.3.1)
 * @param recoveryPerTarget recovery requests about one mail address or user ID per window (stops mail bombing)
 * @param recoveryWindow the window for the recovery limits
 * @param resendsPerAccount codes or confirmation mails sent again per account per window (ASVS V6.6)
 * @param resendsPerAddress codes or confirmation mails sent again (再送信) from one client address per window, whatever the account (ASVS 5.0 V2.4.1 anti-automation: one source cannot mail-bomb many members; generous for a company NAT)
 * @param resendWindow the window for resends
 * @param passwordResetLifetime lifetime of a password reset link (NIST 800-63B 6.1.2.3: short-lived)
 * @param downloadsPerAccount documents (PDF, xlsx, CSV) one account may download per window: rendering costs CPU (ASVS V2.4.1 anti-automation)
 * @param downloadWindow the window for the download limit
 * @param uploadsPerAccount files (receipts) one account may upload per window: each is decoded and encoded anew, which costs CPU (ASVS V2.4.1 anti-automation)
 * @param uploadWindow the window for the upload limit
 * @param argon2MemoryKib Argon2id memory (OWASP Password Storage: m=19 MiB, t=2, p=1)
 * @param argon2Iterations Argon2id passes
 * @param argon2Parallelism Argon2id lanes
 */
@ConfigurationProperties("portal.security")
public record SecuritySettings(
		@DefaultValue("5") int lockoutThreshold,
		@DefaultValue("15m") Duration lockoutDuration,
		@DefaultValue("24h") Duration lockoutMaxDuration,
		@DefaultValue("20") int permanentLockThreshold,
		@DefaultValue("30") int addressFailureCapacity,
		@DefaultValue("15m") Duration addressFailureWindow,
		@DefaultValue("10m") Duration emailCodeLifetime,
		@DefaultValue("60s") Duration emailCodeResendInterval,
		@DefaultValue("5") int emailCodeMaxAttempts,
		@DefaultValue("60m") Duration emailVerificationLifetime,
		@DefaultValue("30d") Duration rememberMeDuration,
		@DefaultValue("12h") Duration sessionAbsoluteLifetime,
		@DefaultValue("60s") Duration sessionTouchInterval,
		@DefaultValue("10") int recoveryPerAddress,
		@DefaultValue("3") int recoveryPerTarget,
		@DefaultValue("1h") Duration recoveryWindow,
		@DefaultValue("10") int resendsPerAccount,
		@DefaultValue("20") int resendsPerAddress,
		@DefaultValue("1h") Duration resendWindow,
		@DefaultValue("30m") Duration passwordResetLifetime,
		@DefaultValue("60") int downloadsPerAccount,
		@DefaultValue("10m") Duration downloadWindow,
		@DefaultValue("60") int uploadsPerAccount,
		@DefaultValue("1h") Duration uploadWindow,
		@DefaultValue("19456") int argon2MemoryKib,
		@DefaultValue("2") int argon2Iterations,
		@DefaultValue("1") int argon2Parallelism) {

	/** The temporary lock after the {@code round}-th lockout (1-based): 15 min, 30 min, 1 h, … capped. */
	public Duration lockDurationForRound(int round) {
		Duration d = lockoutDuration;
		for (int i = 1; i < round && d.compareTo(lockoutMaxDuration) < 0; i++) {
			d = d.multipliedBy(2);
		}
		return d.compareTo(lockoutMaxDuration) > 0 ? lockoutMaxDuration : d;
	}
}
