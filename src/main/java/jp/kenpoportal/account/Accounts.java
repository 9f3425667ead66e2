package jp.kenpoportal.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import jp.kenpoportal.common.SecuritySettings;
import jp.kenpoportal.tenant.Kenpo;
import jp.kenpoportal.tenant.SecondFactor;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Web accounts of a kenpo: every method is scoped by the kenpo it is given. */
@Service
public class Accounts {

	private final JdbcClient jdbc;

	private final PasswordHasher hasher;

	private final SecuritySettings settings;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate tx;

	Accounts(JdbcClient jdbc, PasswordHasher hasher, SecuritySettings settings, Clock clock,
			ApplicationEventPublisher events, TransactionTemplate tx) {
		this.jdbc = jdbc;
		this.hasher = hasher;
		this.settings = settings;
		this.clock = clock;
		this.events = events;
		this.tx = tx;
	}

	public Optional<Account> find(long kenpoId, long accountId) {
		return query("where kenpo_id = ? and id = ?", kenpoId, accountId).stream().findFirst();
	}

	public Optional<Account> findByLoginId(long kenpoId, String loginId) {
		return query("where kenpo_id = ? and login_id = ?", kenpoId, loginId).stream().findFirst();
	}

	/**
	 * Accounts of the kenpo whose mail address is verified and equals {@code email}, ignoring
	 * case (ユーザIDを忘れた方: one address may serve several accounts of a household).
	 */
	public List<Account> findByVerifiedEmail(long kenpoId, String email) {
		return query("where kenpo_id = ? and email_verified_at is not null and lower(email) = lower(?) order by id",
				kenpoId, email);
	}

	public Optional<Account> findByMember(long kenpoId, long memberId) {
		return query("where kenpo_id = ? and member_id = ?", kenpoId, memberId).stream().findFirst();
	}

	public boolean loginIdTaken(long kenpoId, String loginId, long exceptAccountId) {
		return jdbc.sql("select exists(select 1 from account where kenpo_id = ? and login_id = ? and id <> ?)")
			.params(kenpoId, loginId, exceptAccountId)
			.query(Boolean.class)
			.single();
	}

	/** Opens an account that signs in with an initial password until it finishes onboarding. */
	@Transactional
	public Account open(long kenpoId, long memberId, String loginId, boolean temporaryLoginId, String initialPassword,
			String email) {
		long id = jdbc.sql("""
				insert into account (kenpo_id, member_id, login_id, login_id_temporary, initial_password_hash, email)
				values (?, ?, ?, ?, ?, ?) returning id""")
			.params(kenpoId, memberId, loginId, temporaryLoginId, hasher.hash(initialPassword), email)
			.query(Long.class)
			.single();
		return find(kenpoId, id).orElseThrow();
	}

	/**
	 * Checks a password the way sign-in needs it: unknown IDs and locked accounts cost one
	 * hash verification too, the initial password only counts until the member sets their
	 * own and before the kenpo's deadline, and wrong passwords count toward the lock. A right
	 * password does not reset the count: only a complete sign-in does, so guessing the second
	 * factor between password sign-ins still ends in a lock. No transaction: the hash must
	 * not hold a database connection.
	 * <p>
	 * A wrong password for a known ID, any password for an unknown or a locked one cost the same:
	 * one query for the account and its hashes, one hash verification, one transaction counting
	 * the failure by the typed ID against an unlocked account (which changes no row when the ID is
	 * unknown or locked). Nothing else is read or written after the hash, so the time of the
	 * answer does not tell whether the ID exists.
	 */
	public PasswordCheck checkPassword(Kenpo kenpo, String loginId, String password) {
		return checkPassword(kenpo, loginId, password, failure -> {
		});
	}

	/**
	 * As {@link #checkPassword(Kenpo, String, String)}, with {@code recordFailure} run inside the
	 * transaction that counts a failure, on every failing path alike: the caller's audit row and
	 * the count commit together, so a wrong password for a known ID (whose count changes a row)
	 * waits for one durable commit, exactly as an unknown or locked ID (whose count changes none)
	 * does. Two commits on one path and one on the other would tell, by time, which IDs exist.
	 */
	public PasswordCheck checkPassword(Kenpo kenpo, String loginId, String password,
			Consumer<PasswordCheck> recordFailure) {
		Instant now = clock.instant();
		Optional<Stored> stored = findStored(kenpo.id(), loginId);
		Optional<Account> found = stored.map(Stored::account);
		if (found.isEmpty()) {
			hasher.burnOneVerification(password);
			return countFailure(kenpo, loginId, now, found, PasswordCheck.Outcome.UNKNOWN_USER, recordFailure);
		}
		Account account = found.get();
		if (account.lockedAt(now)) {
			hasher.burnOneVerification(password);
			// a locked account's count stands still: the statement finds no unlocked row
			return countFailure(kenpo, loginId, now, found, PasswordCheck.Outcome.ALREADY_LOCKED, recordFailure);
		}
		if (matches(kenpo, stored.get(), password, now)) {
			return new PasswordCheck(PasswordCheck.Outcome.ACCEPTED, found);
		}
		return countFailure(kenpo, loginId, now, found, PasswordCheck.Outcome.WRONG_PASSWORD, recordFailure);
	}

	// a call on this object bypasses the proxy and its @Transactional: the count, the lock, what
	// AccountLocked's listeners write (audit, notice mail) and the caller's record commit together
	private PasswordCheck countFailure(Kenpo kenpo, String loginId, Instant now, Optional<Account> found,
			PasswordCheck.Outcome outcome, Consumer<PasswordCheck> recordFailure) {
		return tx.execute(status -> {
			FailureOutcome counted = registerFailureByLoginId(kenpo.id(), loginId, now);
			PasswordCheck check = new PasswordCheck(
					outcome == PasswordCheck.Outcome.WRONG_PASSWORD && counted.locked() ? PasswordCheck.Outcome.LOCKED_NOW
							: outcome,
					found);
			recordFailure.accept(check);
			return check;
		});
	}

	private boolean matches(Kenpo kenpo, Stored stored, String password, Instant now) {
		if (stored.passwordHash() != null || stored.account().onboarded()) {
			return hasher.matches(password, stored.passwordHash());
		}
		if (stored.initialPasswordHash() == null || !now.isBefore(kenpo.initialPasswordDeadline())) {
			return hasher.burnOneVerification(password);
		}
		return hasher.matches(password, stored.initialPasswordHash());
	}

	/**
	 * Counts one failed attempt (password, birth date, code) and locks when the numbers say so;
	 * a lock publishes {@link AccountLocked} inside the same transaction.
	 */
	@Transactional
	public FailureOutcome registerFailure(long kenpoId, long accountId) {
		int failures = jdbc.sql("""
				update account set failed_attempts = failed_attempts + 1
				where kenpo_id = ? and id = ? returning failed_attempts""")
			.params(kenpoId, accountId)
			.query(Integer.class)
			.single();
		return lockIfDue(kenpoId, accountId, failures);
	}

	// The same statement whether or not the ID names an unlocked account: otherwise it changes nothing.
	private FailureOutcome registerFailureByLoginId(long kenpoId, String loginId, Instant now) {
		Optional<long[]> counted = jdbc.sql("""
				update account set failed_attempts = failed_attempts + 1
				where kenpo_id = ? and login_id = ? and locked_by_kenpo_at is null
				  and (locked_until is null or locked_until <= ?)
				returning id, failed_attempts""")
			.params(kenpoId, loginId, Timestamp.from(now))
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getInt(2) })
			.optional();
		return counted.map(c -> lockIfDue(kenpoId, c[0], (int) c[1])).orElse(FailureOutcome.COUNTED);
	}

	private FailureOutcome lockIfDue(long kenpoId, long accountId, int failures) {
		Instant now = clock.instant();
		if (failures >= settings.permanentLockThreshold()) {
			jdbc.sql("update account set locked_by_kenpo_at = coalesce(locked_by_kenpo_at, ?) where kenpo_id = ? and id = ?")
				.params(Timestamp.from(now), kenpoId, accountId)
				.update();
			if (failures == settings.permanentLockThreshold()) {
				events.publishEvent(new AccountLocked(kenpoId, accountId, true));
			}
			return FailureOutcome.LOCKED_UNTIL_KENPO_UNLOCKS;
		}
		if (failures % settings.lockoutThreshold() == 0) {
			int round = jdbc.sql("""
					update account set lock_round = lock_round + 1 where kenpo_id = ? and id = ? returning lock_round""")
				.params(kenpoId, accountId)
				.query(Integer.class)
				.single();
			jdbc.sql("update account set locked_until = ? where kenpo_id = ? and id = ?")
				.params(Timestamp.from(now.plus(settings.lockDurationForRound(round))), kenpoId, accountId)
				.update();
			events.publishEvent(new AccountLocked(kenpoId, accountId, false));
			return FailureOutcome.LOCKED_TEMPORARILY;
		}
		return FailureOutcome.COUNTED;
	}

	/** Locks the account's row until the caller's transaction ends, to serialise changes to it. */
	public void lockRow(long kenpoId, long accountId) {
		jdbc.sql("select id from account where kenpo_id = ? and id = ? for update")
			.params(kenpoId, accountId)
			.query(Long.class)
			.optional();
	}

	/** A complete sign-in (both factors) resets the count of failures. */
	public void clearFailures(long kenpoId, long accountId) {
		// nothing to clear on almost every sign-in: no new row version, no WAL, when there is none
		jdbc.sql("""
				update account set failed_attempts = 0, locked_until = null
				where kenpo_id = ? and id = ? and (failed_attempts <> 0 or locked_until is not null)""")
			.params(kenpoId, accountId)
			.update();
	}

	/** Changes the member's second factor once the new one is enrolled. */
	public void switchSecondFactor(long kenpoId, long accountId, SecondFactor factor) {
		jdbc.sql("update account set second_factor = ?, second_factor_enrolled_at = ? where kenpo_id = ? and id = ?")
			.params(factor.name(), now(), kenpoId, accountId)
			.update();
	}

	/** The kenpo lifts any lock and resets the counters; a lift of a lock is published (audit). */
	@Transactional
	public void unlock(long kenpoId, long accountId) {
		liftLock(kenpoId, accountId, AccountUnlocked.By.KENPO);
	}

	/**
	 * A password reset through the registered mail address, with the birth date, lifts any lock
	 * too: otherwise anyone who knows a user ID could lock its member out until the kenpo acts.
	 * Runs in the caller's transaction (the reset's).
	 */
	public void unlockByPasswordReset(long kenpoId, long accountId) {
		liftLock(kenpoId, accountId, AccountUnlocked.By.PASSWORD_RESET);
	}

	private void liftLock(long kenpoId, long accountId, AccountUnlocked.By by) {
		Boolean wasLocked = jdbc.sql("""
				select locked_by_kenpo_at is not null or coalesce(locked_until > ?, false) from account
				where kenpo_id = ? and id = ? for update""")
			.params(now(), kenpoId, accountId)
			.query(Boolean.class)
			.optional()
			.orElse(false);
		jdbc.sql("""
				update account set failed_attempts = 0, lock_round = 0, locked_until = null, locked_by_kenpo_at = null
				where kenpo_id = ? and id = ?""")
			.params(kenpoId, accountId)
			.update();
		if (wasLocked) {
			events.publishEvent(new AccountUnlocked(kenpoId, accountId, by));
		}
	}

	public void confirmBirthDate(long kenpoId, long accountId) {
		update("birth_date_confirmed_at = ?, failed_attempts = 0", kenpoId, accountId, now());
	}

	@Transactional
	public void acceptTerms(long kenpoId, long accountId, int version) {
		Timestamp now = now();
		update("terms_version = ?", kenpoId, accountId, version);
		jdbc.sql("""
				insert into terms_acceptance (account_id, kenpo_id, version, accepted_at) values (?, ?, ?, ?)
				on conflict do nothing""")
			.params(accountId, kenpoId, version, now)
			.update();
	}

	/** Sets the address the member proved to receive mail at. */
	public void verifyEmail(long kenpoId, long accountId, String email) {
		jdbc.sql("update account set email = ?, email_verified_at = ? where kenpo_id = ? and id = ?")
			.params(email, now(), kenpoId, accountId)
			.update();
	}

	public void chooseLoginIdAndFactor(long kenpoId, long accountId, String loginId, SecondFactor factor) {
		jdbc.sql("""
				update account set login_id = ?, login_id_temporary = (login_id_temporary and login_id = ?),
				  second_factor = ?, user_id_confirmed_at = ? where kenpo_id = ? and id = ?""")
			.params(loginId, loginId, factor.name(), now(), kenpoId, accountId)
			.update();
	}

	public void changePassword(long kenpoId, long accountId, String newPassword) {
		// the member's own password replaces the initial one at once
		jdbc.sql("""
				update account set password_hash = ?, password_changed_at = ?, initial_password_hash = null
				where kenpo_id = ? and id = ?""")
			.params(hasher.hash(newPassword), now(), kenpoId, accountId)
			.update();
	}

	/** Whether the password equals the initial password (a new password must differ). */
	public boolean isInitialPassword(long kenpoId, long accountId, String password) {
		String hash = jdbc.sql("select initial_password_hash from account where kenpo_id = ? and id = ?")
			.params(kenpoId, accountId)
			.query(String.class)
			.optional()
			.orElse(null);
		return hasher.matches(password, hash);
	}

	/** The second factor is enrolled: onboarding is done and the initial password stops working. */
	@Transactional
	public void completeOnboarding(long kenpoId, long accountId, SecondFactor factor) {
		Timestamp now = now();
		jdbc.sql("""
				update account set second_factor = ?, second_factor_enrolled_at = ?, onboarded_at = coalesce(onboarded_at, ?),
				  initial_password_hash = null where kenpo_id = ? and id = ?""")
			.params(factor.name(), now, now, kenpoId, accountId)
			.update();
	}

	/**
	 * Staff removed the member's second factor: onboarding is open again at its last step, and
	 * that step is the mail code to the confirmed address, so the next sign-in needs the
	 * password and a code from that address before anything else (the member may then switch
	 * on ログイン方法変更). The secrets themselves are the caller's to delete.
	 */
	public void restartFactorEnrolment(long kenpoId, long accountId) {
		jdbc.sql("""
				update account set second_factor = ?, second_factor_enrolled_at = null, onboarded_at = null
				where kenpo_id = ? and id = ?""")
			.params(SecondFactor.EMAIL_CODE.name(), kenpoId, accountId)
			.update();
	}

	/**
	 * Staff reset the account to first registration: every onboarding step is pending again,
	 * the member's password is gone and a new initial password (hashed here) signs in until the
	 * kenpo's deadline; the lock is lifted, since the member starts anew from a letter.
	 */
	public void resetToFirstRegistration(long kenpoId, long accountId, String initialPassword) {
		jdbc.sql("""
				update account set initial_password_hash = ?, password_hash = null, password_changed_at = null,
				  birth_date_confirmed_at = null, terms_version = null, email_verified_at = null,
				  user_id_confirmed_at = null, second_factor = null, second_factor_enrolled_at = null,
				  onboarded_at = null, failed_attempts = 0, lock_round = 0, locked_until = null,
				  locked_by_kenpo_at = null
				where kenpo_id = ? and id = ?""")
			.params(hasher.hash(initialPassword), kenpoId, accountId)
			.update();
	}

	/** Whether the member wants a mail when new medical data, a benefit decision or a notice is published. */
	public void setPublicationMail(long kenpoId, long accountId, boolean wanted) {
		update("publication_mail = ?", kenpoId, accountId, wanted);
	}

	/** The accounts of the given members (the insured of households), in one query. */
	public List<Account> findByMembers(long kenpoId, java.util.Collection<Long> memberIds) {
		return query("where kenpo_id = ? and member_id = any(?)", kenpoId, memberIds.toArray(Long[]::new));
	}

	public List<Account> findAll(long kenpoId) {
		return query("where kenpo_id = ? order by id", kenpoId);
	}

	private void update(String assignment, long kenpoId, long accountId, Object value) {
		jdbc.sql("update account set " + assignment + " where kenpo_id = ? and id = ?")
			.params(value, kenpoId, accountId)
			.update();
	}

	private Optional<Stored> findStored(long kenpoId, String loginId) {
		return jdbc.sql("select * from account where kenpo_id = ? and login_id = ?")
			.params(kenpoId, loginId)
			.query((rs, n) -> new Stored(map(rs, n), rs.getString("password_hash"),
					rs.getString("initial_password_hash")))
			.optional();
	}

	/** An account with its hashes, which never leave this class. */
	private record Stored(Account account, String passwordHash, String initialPasswordHash) {
	}

	private Timestamp now() {
		return Timestamp.from(clock.instant());
	}

	private List<Account> query(String where, Object... params) {
		return jdbc.sql("select * from account " + where).params(params).query(Accounts::map).list();
	}

	private static Account map(ResultSet rs, int row) throws SQLException {
		String factor = rs.getString("second_factor");
		return new Account(rs.getLong("id"), rs.getLong("kenpo_id"), rs.getLong("member_id"), rs.getString("login_id"),
				rs.getBoolean("login_id_temporary"), rs.getString("initial_password_hash") != null,
				rs.getString("password_hash") != null, rs.getString("email"), instant(rs, "email_verified_at"),
				instant(rs, "birth_date_confirmed_at"), (Integer) rs.getObject("terms_version"),
				instant(rs, "user_id_confirmed_at"), factor == null ? null : SecondFactor.valueOf(factor),
				instant(rs, "second_factor_enrolled_at"), instant(rs, "onboarded_at"), rs.getInt("failed_attempts"),
				rs.getInt("lock_round"), instant(rs, "locked_until"), instant(rs, "locked_by_kenpo_at"),
				rs.getBoolean("publication_mail"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp ts = rs.getTimestamp(column);
		return ts == null ? null : ts.toInstant();
	}
}
