package jp.kenpoportal.signin.emailcode;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jp.kenpoportal.account.Account;
import jp.kenpoportal.account.Accounts;
import jp.kenpoportal.common.OneTimeSecrets;
import jp.kenpoportal.common.SecuritySettings;
import jp.kenpoportal.common.TypedInput;
import jp.kenpoportal.signin.SecurityNotices;
import jp.kenpoportal.tenant.Kenpo;
import jp.kenpoportal.tenant.KenpoDirectory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Confirms that a member receives mail at an address: one mail carries a link (for the
 * device that reads the mail) and a six-digit code (to type where the member signed in).
 */
@Service
public class EmailVerifications {

	private static final String TOKEN_OWNER = "email-verification";

	private final JdbcClient jdbc;

	private final OneTimeSecrets secrets;

	private final MailTexts mails;

	private final Accounts accounts;

	private final SecuritySettings settings;

	private final Clock clock;

	private final KenpoDirectory kenpos;

	private final SecurityNotices notices;

	EmailVerifications(JdbcClient jdbc, OneTimeSecrets secrets, MailTexts mails, Accounts accounts,
			SecuritySettings settings, Clock clock, KenpoDirectory kenpos, SecurityNotices notices) {
		this.kenpos = kenpos;
		this.notices = notices;
		this.jdbc = jdbc;
		this.secrets = secrets;
		this.mails = mails;
		this.accounts = accounts;
		this.settings = settings;
		this.clock = clock;
	}

	/** Sends a confirmation mail to the address, voiding earlier ones. */
	@Transactional
	public void send(Kenpo kenpo, long accountId, String email) {
		Instant now = clock.instant();
		jdbc.sql("""
				update email_verification set voided_at = ? where account_id = ? and verified_at is null
				and voided_at is null""")
			.params(Timestamp.from(now), accountId)
			.update();
		String token = secrets.newToken();
		String code = secrets.newCode();
		jdbc.sql("""
				insert into email_verification (kenpo_id, account_id, email, token_hash, code_hash, created_at, expires_at)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(kenpo.id(), accountId, email, secrets.hash(TOKEN_OWNER, token),
					secrets.hash(Long.toString(accountId), code), Timestamp.from(now),
					Timestamp.from(now.plus(settings.emailVerificationLifetime())))
			.update();
		String link = kenpo.publicBaseUrl() + "/email/verify?token=" + token;
		mails.send(kenpo, email, "emailVerification", link, code, settings.emailVerificationLifetime().toMinutes());
	}

	/** The confirmation the member is waiting for, if one is pending. */
	public Optional<Pending> pending(long accountId) {
		return jdbc.sql("""
				select email, created_at, expires_at from email_verification
				where account_id = ? and verified_at is null and voided_at is null and expires_at > ?
				order by id desc limit 1""")
			.params(accountId, Timestamp.from(clock.instant()))
			.query((rs, n) -> new Pending(rs.getString(1), rs.getTimestamp(2).toInstant(),
					rs.getTimestamp(3).toInstant()))
			.optional();
	}

	public Duration waitBeforeResend(long accountId) {
		return pending(accountId)
			.map(p -> Duration.between(clock.instant(), p.sentAt().plus(settings.emailCodeResendInterval())))
			.filter(d -> !d.isNegative())
			.orElse(Duration.ZERO);
	}

	/** Confirms by the link's token; returns the account it confirmed. */
	@Transactional
	public Optional<Long> confirmByToken(long kenpoId, String token) {
		Optional<Row> row = jdbc.sql("""
				select id, account_id, email from email_verification
				where kenpo_id = ? and token_hash = ? and verified_at is null and voided_at is null and expires_at > ?
				for update""")
			.params(kenpoId, secrets.hash(TOKEN_OWNER, token == null ? "" : token), Timestamp.from(clock.instant()))
			.query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), 0))
			.optional();
		row.ifPresent(r -> confirm(kenpoId, r));
		return row.map(Row::accountId);
	}

	/** Confirms by the code typed where the member signed in. */
	@Transactional
	public CodeCheck confirmByCode(long kenpoId, long accountId, String typed) {
		String code = TypedInput.digits(typed);
		if (!code.matches("\\d{6}")) {
			return CodeCheck.MALFORMED;
		}
		Optional<Row> row = jdbc.sql("""
				select id, account_id, email, attempts from email_verification
				where kenpo_id = ? and account_id = ? and verified_at is null and voided_at is null and expires_at > ?
				order by id desc limit 1 for update""")
			.params(kenpoId, accountId, Timestamp.from(clock.instant()))
			.query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4)))
			.optional();
		if (row.isEmpty()) {
			return CodeCheck.NO_ACTIVE_CODE;
		}
		String hash = jdbc.sql("select code_hash from email_verification where id = ?")
			.param(row.get().id())
			.query(String.class)
			.single();
		if (secrets.matches(Long.toString(accountId), code, hash)) {
			confirm(kenpoId, row.get());
			return CodeCheck.ACCEPTED;
		}
		int attempts = row.get().attempts() + 1;
		boolean exhausted = attempts >= settings.emailCodeMaxAttempts();
		jdbc.sql("update email_verification set attempts = ?, voided_at = ? where id = ?")
			.params(attempts, exhausted ? Timestamp.from(clock.instant()) : null, row.get().id())
			.update();
		return exhausted ? CodeCheck.EXHAUSTED : CodeCheck.WRONG;
	}

	private void confirm(long kenpoId, Row row) {
		jdbc.sql("update email_verification set verified_at = ? where id = ?")
			.params(Timestamp.from(clock.instant()), row.id())
			.update();
		Optional<Account> before = accounts.find(kenpoId, row.accountId());
		accounts.verifyEmail(kenpoId, row.accountId(), row.email());
		before.filter(a -> a.emailVerified() && !a.email().equals(row.email()))
			.ifPresent(a -> kenpos.findById(kenpoId)
				.ifPresent(kenpo -> notices.sendTo(kenpo, a.email(), "notice.emailChanged", MaskedEmail.of(row.email()))));
	}

	public record Pending(String email, Instant sentAt, Instant expiresAt) {
	}

	private record Row(long id, long accountId, String email, int attempts) {
	}
}
