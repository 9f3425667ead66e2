package jp.kenpoportal.signin.emailcode;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jp.kenpoportal.account.Account;
import jp.kenpoportal.account.Accounts;
import jp.kenpoportal.audit.AuditTrail;
import jp.kenpoportal.audit.AuditType;
import jp.kenpoportal.common.OneTimeSecrets;
import jp.kenpoportal.common.SecuritySettings;
import jp.kenpoportal.common.TypedInput;
import jp.kenpoportal.signin.SecurityNotices;
import jp.kenpoportal.signin.SessionControl;
import jp.kenpoportal.tenant.Kenpo;
import jp.kenpoportal.tenant.KenpoDirectory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Confirms that a member receives mail at an address: one mail carries a link (for the
 * device that reads the mail) and a six-digit code (to type where the member signed in).
 */
// published as a named interface: the staff console asks a new mail address to confirm by link
@org.springframework.modulith.NamedInterface("emailVerifications")
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

	private final SessionControl sessions;

	private final AuditTrail audit;

	EmailVerifications(JdbcClient jdbc, OneTimeSecrets secrets, MailTexts mails, Accounts accounts,
			SecuritySettings settings, Clock clock, KenpoDirectory kenpos, SecurityNotices notices,
			SessionControl sessions, AuditTrail audit) {
		this.sessions = sessions;
		this.audit = audit;
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
		send(kenpo, accountId, email, null);
	}

	/**
	 * Sends a confirmation mail to the address, voiding earlier ones; once it is confirmed,
	 * every session of the account ends but the one marked ({@link SessionControl#markThisSession}),
	 * unless the mark is null (全てのデバイスからサインアウトする).
	 */
	@Transactional
	public void send(Kenpo kenpo, long accountId, String email, String keepSessionMark) {
		Instant now = clock.instant();
		jdbc.sql("""
				update email_verification set voided_at = ? where account_id = ? and verified_at is null
				and voided_at is null""")
			.params(Timestamp.from(now), accountId)
			.update();
		String token = secrets.newToken();
		String code = secrets.newCode();
		jdbc.sql("""
				insert into email_verification (kenpo_id, account_id, email, token_hash, code_hash, created_at, expires_at,
				keep_session_mark)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(kenpo.id(), accountId, email, secrets.hash(TOKEN_OWNER, token),
					secrets.hash(Long.toString(accountId), code), Timestamp.from(now),
					Timestamp.from(now.plus(settings.emailVerificationLifetime())), keepSessionMark)
			.update();
		String link = kenpo.publicBaseUrl() + "/email/verify?token=" + token;
		mails.send(kenpo, email, "emailVerification", link, code, settings.emailVerificationLifetime().toMinutes());
	}

	/** The confirmation the member is waiting for, if one is pending. */
	public Optional<Pending> pending(long accountId) {
		return jdbc.sql("""
				select email, created_at, expires_at, keep_session_mark is not null from email_verification
				where account_id = ? and verified_at is null and voided_at is null and expires_at > ?
				order by id desc limit 1""")
			.params(accountId, Timestamp.from(clock.instant()))
			.query((rs, n) -> new Pending(rs.getString(1), rs.getTimestamp(2).toInstant(),
					rs.getTimestamp(3).toInstant(), rs.getBoolean(4)))
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
				select id, account_id, email, keep_session_mark from email_verification
				where kenpo_id = ? and token_hash = ? and verified_at is null and voided_at is null and expires_at > ?
				for update""")
			.params(kenpoId, secrets.hash(TOKEN_OWNER, token == null ? "" : token), Timestamp.from(clock.instant()))
			.query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), 0, rs.getString(4)))
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
				select id, account_id, email, attempts, keep_session_mark from email_verification
				where kenpo_id = ? and account_id = ? and verified_at is null and voided_at is null and expires_at > ?
				order by id desc limit 1 for update""")
			.params(kenpoId, accountId, Timestamp.from(clock.instant()))
			.query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4), rs.getString(5)))
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
		if (row.keepSessionMark() != null) {
			int ended = sessions.endAllSessionsBut(row.accountId(), row.keepSessionMark());
			audit.record(kenpoId, row.accountId(), AuditType.OTHER_SESSIONS_SIGNED_OUT, ended + " sessions (email change)");
		}
	}

	/**
	 * A confirmation the member is waiting for.
	 *
	 * @param signsOutOthers whether confirming it ends the account's other sessions
	 */
	public record Pending(String email, Instant sentAt, Instant expiresAt, boolean signsOutOthers) {
	}

	private record Row(long id, long accountId, String email, int attempts, String keepSessionMark) {
	}
}
