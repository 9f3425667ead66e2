package jp.kenpoportal.signin.recovery;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import jp.kenpoportal.account.Account;
import jp.kenpoportal.account.Accounts;
import jp.kenpoportal.audit.AuditTrail;
import jp.kenpoportal.audit.AuditType;
import jp.kenpoportal.common.OneTimeSecrets;
import jp.kenpoportal.common.SecuritySettings;
import jp.kenpoportal.member.MemberDirectory;
import jp.kenpoportal.signin.SecurityNotices;
import jp.kenpoportal.signin.emailcode.MailTexts;
import jp.kenpoportal.tenant.Kenpo;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * パスワードを忘れた方: a link by mail to the verified address, valid for a short while and
 * used once; a new request voids the earlier link. Only an HMAC of the token is stored. The
 * member proves the birth date on the link's page too (wrong dates are counted per link, which
 * is void after {@link #MAX_BIRTH_DATE_ATTEMPTS}). A reset changes the password and lifts any
 * lock, so that wrong passwords typed by someone else cannot keep the member out until the
 * kenpo acts; the second factor stays as it was.
 */
@Service
class PasswordResets {

	private static final String TOKEN_OWNER = "password-reset";

	/** Wrong birth dates on one link before it is void (as for a mailed code, NIST 800-63B 3.2.2). */
	static final int MAX_BIRTH_DATE_ATTEMPTS = 5;

	/** What a typed birth date did on a link. */
	enum BirthDateCheck {
		MATCHED, WRONG, LINK_VOID
	}

	private final JdbcClient jdbc;

	private final OneTimeSecrets secrets;

	private final Accounts accounts;

	private final MemberDirectory members;

	private final MailTexts mails;

	private final SecurityNotices notices;

	private final AuditTrail audit;

	private final SecuritySettings settings;

	private final Clock clock;

	PasswordResets(JdbcClient jdbc, OneTimeSecrets secrets, Accounts accounts, MemberDirectory members,
			MailTexts mails, SecurityNotices notices, AuditTrail audit, SecuritySettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.secrets = secrets;
		this.accounts = accounts;
		this.members = members;
		this.mails = mails;
		this.notices = notices;
		this.audit = audit;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Mails a reset link when the user ID and the verified address belong to one onboarded
	 * account; otherwise does nothing. The caller answers the same either way.
	 */
	@Transactional
	boolean request(Kenpo kenpo, String loginId, String email) {
		Optional<Account> account = accounts.findByLoginId(kenpo.id(), loginId)
			.filter(a -> a.onboarded() && a.emailVerified() && a.email().equalsIgnoreCase(email));
		if (account.isEmpty()) {
			audit.record(kenpo.id(), null, AuditType.RECOVERY_UNMATCHED, "PASSWORD");
			return false;
		}
		Account a = account.get();
		Instant now = clock.instant();
		voidActive(kenpo.id(), a.id(), now);
		String token = secrets.newToken();
		jdbc.sql("""
				insert into password_reset (kenpo_id, account_id, token_hash, created_at, expires_at)
				values (?, ?, ?, ?, ?)""")
			.params(kenpo.id(), a.id(), hash(token), Timestamp.from(now),
					Timestamp.from(now.plus(settings.passwordResetLifetime())))
			.update();
		String link = kenpo.publicBaseUrl() + "/reset-password?token=" + token;
		mails.send(kenpo, a.email(), "passwordReset", a.loginId(), link,
				String.valueOf(settings.passwordResetLifetime().toMinutes()));
		audit.record(kenpo.id(), a.id(), AuditType.PASSWORD_RESET_REQUESTED, null);
		return true;
	}

	/** The account a link opens, while the link is unused, not voided and not expired; uses nothing. */
	Optional<Account> peek(Kenpo kenpo, String token) {
		return activeAccountId(kenpo.id(), token, false).flatMap(id -> accounts.find(kenpo.id(), id));
	}

	/**
	 * Whether the birth date is the account's member's; a wrong one is counted on the link,
	 * and the last allowed wrong one voids it.
	 */
	@Transactional
	BirthDateCheck checkBirthDate(Kenpo kenpo, String token, Account account, LocalDate birthDate) {
		boolean matches = members.find(kenpo.id(), account.memberId())
			.map(m -> birthDate.equals(m.birthDate()))
			.orElse(false);
		if (matches) {
			return BirthDateCheck.MATCHED;
		}
		Timestamp now = Timestamp.from(clock.instant());
		int attempts = jdbc.sql("""
				update password_reset set birth_date_attempts = birth_date_attempts + 1,
				  voided_at = case when birth_date_attempts + 1 >= ? then ? else voided_at end
				where kenpo_id = ? and token_hash = ? returning birth_date_attempts""")
			.params(MAX_BIRTH_DATE_ATTEMPTS, now, kenpo.id(), hash(token))
			.query(Integer.class)
			.optional()
			.orElse(MAX_BIRTH_DATE_ATTEMPTS);
		audit.record(kenpo.id(), account.id(), AuditType.RECOVERY_UNMATCHED, "PASSWORD_RESET_BIRTH_DATE");
		return attempts >= MAX_BIRTH_DATE_ATTEMPTS ? BirthDateCheck.LINK_VOID : BirthDateCheck.WRONG;
	}

	/**
	 * Sets the new password, lifts any lock and uses the link up, in one transaction with the
	 * audit records and the security notice. Empty when the link is no longer valid (used
	 * meanwhile, expired). The caller has checked the birth date.
	 */
	@Transactional
	Optional<Account> complete(Kenpo kenpo, String token, String newPassword) {
		Optional<Account> account = activeAccountId(kenpo.id(), token, true).flatMap(id -> accounts.find(kenpo.id(), id));
		account.ifPresent(a -> {
			Instant now = clock.instant();
			jdbc.sql("update password_reset set used_at = ? where kenpo_id = ? and token_hash = ?")
				.params(Timestamp.from(now), kenpo.id(), hash(token))
				.update();
			voidActive(kenpo.id(), a.id(), now);
			accounts.changePassword(kenpo.id(), a.id(), newPassword);
			accounts.unlockByPasswordReset(kenpo.id(), a.id());
			audit.record(kenpo.id(), a.id(), AuditType.PASSWORD_RESET_COMPLETED, null);
			notices.send(kenpo, a, "notice.passwordReset");
		});
		return account;
	}

	private Optional<Long> activeAccountId(long kenpoId, String token, boolean lock) {
		if (token == null || token.isBlank()) {
			return Optional.empty();
		}
		return jdbc.sql("""
				select account_id from password_reset
				where kenpo_id = ? and token_hash = ? and used_at is null and voided_at is null and expires_at > ?"""
				+ (lock ? " for update" : ""))
			.params(kenpoId, hash(token), Timestamp.from(clock.instant()))
			.query(Long.class)
			.optional();
	}

	private void voidActive(long kenpoId, long accountId, Instant now) {
		jdbc.sql("""
				update password_reset set voided_at = ?
				where kenpo_id = ? and account_id = ? and used_at is null and voided_at is null""")
			.params(Timestamp.from(now), kenpoId, accountId)
			.update();
	}

	private String hash(String token) {
		return secrets.hash(TOKEN_OWNER, token);
	}
}
