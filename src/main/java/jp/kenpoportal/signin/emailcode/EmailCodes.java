package jp.kenpoportal.signin.emailcode;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jp.kenpoportal.common.OneTimeSecrets;
import jp.kenpoportal.common.SecuritySettings;
import jp.kenpoportal.common.TypedInput;
import jp.kenpoportal.tenant.Kenpo;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Six-digit codes sent by mail: valid for a few minutes, used once, a new one voids the old,
 * and too many wrong tries void it.
 */
@Service
public class EmailCodes {

	private final JdbcClient jdbc;

	private final OneTimeSecrets secrets;

	private final MailTexts mails;

	private final SecuritySettings settings;

	private final Clock clock;

	private final EmailCodeResends resends;

	EmailCodes(JdbcClient jdbc, OneTimeSecrets secrets, MailTexts mails, SecuritySettings settings, Clock clock,
			EmailCodeResends resends) {
		this.resends = resends;
		this.jdbc = jdbc;
		this.secrets = secrets;
		this.mails = mails;
		this.settings = settings;
		this.clock = clock;
	}

	/** The code currently waiting to be typed, if any. */
	public Optional<ActiveCode> active(long accountId, CodePurpose purpose) {
		return jdbc.sql("""
				select email, created_at, expires_at, attempts from email_code
				where account_id = ? and purpose = ? and used_at is null and voided_at is null and expires_at > ?
				order by id desc limit 1""")
			.params(accountId, purpose.name(), Timestamp.from(clock.instant()))
			.query((rs, n) -> new ActiveCode(rs.getString(1), rs.getTimestamp(2).toInstant(),
					rs.getTimestamp(3).toInstant(), rs.getInt(4)))
			.optional();
	}

	/** Sends a new code, voiding any earlier one. */
	@Transactional
	public ActiveCode issue(Kenpo kenpo, long accountId, CodePurpose purpose, String email) {
		Instant now = clock.instant();
		voidActive(accountId, purpose);
		String code = secrets.newCode();
		Instant expires = now.plus(settings.emailCodeLifetime());
		jdbc.sql("""
				insert into email_code (kenpo_id, account_id, purpose, email, code_hash, created_at, expires_at)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(kenpo.id(), accountId, purpose.name(), email, secrets.hash(owner(accountId, purpose), code),
					Timestamp.from(now), Timestamp.from(expires))
			.update();
		mails.send(kenpo, email, "code." + purpose.name().toLowerCase(), code,
				settings.emailCodeLifetime().toMinutes());
		return new ActiveCode(email, now, expires, 0);
	}

	/** How long the member must wait before a new code may be sent; zero when it may be sent now. */
	public Duration waitBeforeResend(long accountId, CodePurpose purpose) {
		Optional<Instant> last = jdbc.sql("""
				select max(created_at) from email_code where account_id = ? and purpose = ?""")
			.params(accountId, purpose.name())
			.query((rs, n) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant))
			.single();
		if (last.isEmpty()) {
			return Duration.ZERO;
		}
		Duration wait = Duration.between(clock.instant(), last.get().plus(settings.emailCodeResendInterval()));
		return wait.isNegative() ? Duration.ZERO : wait;
	}

	/**
	 * Makes sure a code is waiting to be typed: sends one if none is (within the account's
	 * hourly quota). False when no code could be sent.
	 */
	public boolean ensureSent(Kenpo kenpo, long accountId, CodePurpose purpose, String email) {
		if (active(accountId, purpose).isPresent()) {
			return true;
		}
		if (!resends.takeFirst(accountId)) {
			return false;
		}
		issue(kenpo, accountId, purpose, email);
		return true;
	}

	/** 再送信 of a code: a new one, voiding the old, within {@link EmailCodeResends}' wait and quotas. */
	public EmailCodeResends.Resend resend(Kenpo kenpo, long accountId, CodePurpose purpose, String email,
			String clientAddress) {
		EmailCodeResends.Resend resend = resends.take(accountId, waitBeforeResend(accountId, purpose), clientAddress);
		if (resend.allowed()) {
			issue(kenpo, accountId, purpose, email);
		}
		return resend;
	}

	@Transactional
	public CodeCheck check(long accountId, CodePurpose purpose, String typed) {
		String code = TypedInput.digits(typed);
		if (!code.matches("\\d{6}")) {
			return CodeCheck.MALFORMED;
		}
		Optional<long[]> row = jdbc.sql("""
				select id, attempts from email_code
				where account_id = ? and purpose = ? and used_at is null and voided_at is null and expires_at > ?
				order by id desc limit 1 for update""")
			.params(accountId, purpose.name(), Timestamp.from(clock.instant()))
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getInt(2) })
			.optional();
		if (row.isEmpty()) {
			return CodeCheck.NO_ACTIVE_CODE;
		}
		long id = row.get()[0];
		String hash = jdbc.sql("select code_hash from email_code where id = ?").param(id).query(String.class).single();
		if (secrets.matches(owner(accountId, purpose), code, hash)) {
			jdbc.sql("update email_code set used_at = ? where id = ?")
				.params(Timestamp.from(clock.instant()), id)
				.update();
			return CodeCheck.ACCEPTED;
		}
		int attempts = (int) row.get()[1] + 1;
		boolean exhausted = attempts >= settings.emailCodeMaxAttempts();
		jdbc.sql("update email_code set attempts = ?, voided_at = ? where id = ?")
			.params(attempts, exhausted ? Timestamp.from(clock.instant()) : null, id)
			.update();
		return exhausted ? CodeCheck.EXHAUSTED : CodeCheck.WRONG;
	}

	private void voidActive(long accountId, CodePurpose purpose) {
		jdbc.sql("""
				update email_code set voided_at = ? where account_id = ? and purpose = ? and used_at is null
				and voided_at is null""")
			.params(Timestamp.from(clock.instant()), accountId, purpose.name())
			.update();
	}

	private static String owner(long accountId, CodePurpose purpose) {
		return accountId + ":" + purpose.name();
	}

	/** A code waiting to be typed. */
	public record ActiveCode(String email, Instant sentAt, Instant expiresAt, int attempts) {
	}
}
