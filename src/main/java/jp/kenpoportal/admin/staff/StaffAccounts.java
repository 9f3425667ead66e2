package jp.kenpoportal.admin.staff;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jp.kenpoportal.account.PasswordHasher;
import jp.kenpoportal.admin.ConsoleSettings;

import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Staff accounts: look-ups (by kenpo wherever a kenpo is involved), the password check of
 * sign-in with its lock, and the changes staff management makes.
 */
@Service
public class StaffAccounts {

	/** Why an account is locked, shown to whoever unlocks it. */
	public static final String LOCKED_BY_FAILURES = "FAILED_ATTEMPTS";

	private final JdbcClient jdbc;

	private final PasswordHasher hasher;

	private final ConsoleSettings settings;

	private final Clock clock;

	private final TransactionTemplate tx;

	StaffAccounts(JdbcClient jdbc, PasswordHasher hasher, ConsoleSettings settings, Clock clock,
			TransactionTemplate tx) {
		this.jdbc = jdbc;
		this.hasher = hasher;
		this.settings = settings;
		this.clock = clock;
		this.tx = tx;
	}

	public Optional<StaffAccount> find(long id) {
		return query("where id = ?", id).stream().findFirst();
	}

	/** A staff account of the given kenpo only: an ID from a URL can never reach another kenpo's staff. */
	public Optional<StaffAccount> findInKenpo(long kenpoId, long id) {
		return query("where kenpo_id = ? and id = ?", kenpoId, id).stream().findFirst();
	}

	public Optional<StaffAccount> findByLoginId(String loginId) {
		return query("where login_id = ?", normalizeLoginId(loginId)).stream().findFirst();
	}

	public List<StaffAccount> listOfKenpo(long kenpoId) {
		return query("where kenpo_id = ? order by disabled_at nulls first, role, login_id", kenpoId);
	}

	public boolean operatorExists() {
		return jdbc.sql("select exists(select 1 from staff_account where role = 'OPERATOR' and disabled_at is null)")
			.query(Boolean.class)
			.single();
	}

	public boolean loginIdTaken(String loginId) {
		return findByLoginId(loginId).isPresent();
	}

	/** A new staff account without a password: its invitation link lets the person set one. */
	public StaffAccount create(Long kenpoId, String loginId, String name, String email, StaffRole role) {
		if ((role == StaffRole.OPERATOR) != (kenpoId == null)) {
			throw new IllegalArgumentException("operators have no kenpo, everyone else has one");
		}
		long id = jdbc.sql("""
				insert into staff_account (kenpo_id, login_id, name, email, role, created_at)
				values (?, ?, ?, ?, ?, ?) returning id""")
			.params(new SqlParameterValue(Types.BIGINT, kenpoId), normalizeLoginId(loginId), name, email, role.name(),
					now())
			.query(Long.class)
			.single();
		return find(id).orElseThrow();
	}

	/**
	 * The password step of sign-in. Unknown, disabled, locked and not-yet-set accounts cost one
	 * hash verification too, so the time taken tells nothing. A wrong password counts toward the
	 * lock; a right one does not reset the count (a complete sign-in does). No transaction
	 * around the hash: it must not hold a database connection.
	 */
	public StaffPasswordCheck checkPassword(String loginId, String password) {
		Optional<StaffAccount> found = findByLoginId(loginId);
		if (found.isEmpty() || found.get().disabled() || !found.get().hasPassword()) {
			hasher.burnOneVerification(password);
			return new StaffPasswordCheck(found.isEmpty() ? StaffPasswordCheck.Outcome.UNKNOWN
					: StaffPasswordCheck.Outcome.NOT_ACTIVE, found);
		}
		StaffAccount staff = found.get();
		if (staff.lockedAt(clock.instant())) {
			hasher.burnOneVerification(password);
			return new StaffPasswordCheck(StaffPasswordCheck.Outcome.LOCKED, found);
		}
		String hash = jdbc.sql("select password_hash from staff_account where id = ?")
			.param(staff.id())
			.query(String.class)
			.single();
		if (hasher.matches(password, hash)) {
			return new StaffPasswordCheck(StaffPasswordCheck.Outcome.ACCEPTED, found);
		}
		boolean locked = registerFailure(staff.id());
		return new StaffPasswordCheck(
				locked ? StaffPasswordCheck.Outcome.LOCKED_NOW : StaffPasswordCheck.Outcome.WRONG_PASSWORD, found);
	}

	/**
	 * Counts a wrong password or code; the threshold-th in a row locks the account for the lock
	 * duration and starts the count afresh. Returns whether this failure locked it.
	 */
	public boolean registerFailure(long id) {
		Boolean locked = tx.execute(status -> {
			int failures = jdbc.sql("""
					update staff_account set failed_attempts = failed_attempts + 1 where id = ? returning failed_attempts""")
				.param(id)
				.query(Integer.class)
				.single();
			if (failures < settings.lockoutThreshold()) {
				return false;
			}
			jdbc.sql("""
					update staff_account set failed_attempts = 0, locked_until = ?, lock_reason = ? where id = ?""")
				.params(Timestamp.from(clock.instant().plus(settings.lockoutDuration())), LOCKED_BY_FAILURES, id)
				.update();
			return true;
		});
		return Boolean.TRUE.equals(locked);
	}

	/** Both factors proved: the count starts again and the sign-in is remembered. */
	public void completeSignIn(long id) {
		jdbc.sql("update staff_account set failed_attempts = 0, last_sign_in_at = ? where id = ?")
			.params(now(), id)
			.update();
	}

	public void setPassword(long id, String rawPassword) {
		String hash = hasher.hash(rawPassword);
		jdbc.sql("update staff_account set password_hash = ?, password_set_at = ? where id = ?")
			.params(hash, now(), id)
			.update();
	}

	public void unlock(long id) {
		jdbc.sql("update staff_account set failed_attempts = 0, locked_until = null, lock_reason = null where id = ?")
			.param(id)
			.update();
	}

	public void disable(long id) {
		jdbc.sql("update staff_account set disabled_at = coalesce(disabled_at, ?) where id = ?")
			.params(now(), id)
			.update();
	}

	public void changeRole(long id, StaffRole role) {
		jdbc.sql("update staff_account set role = ? where id = ? and role <> 'OPERATOR'")
			.params(role.name(), id)
			.update();
	}

	/** User IDs of staff are case-insensitive, stored in lower case. */
	public static String normalizeLoginId(String loginId) {
		return loginId == null ? "" : loginId.strip().toLowerCase(Locale.ROOT);
	}

	private Timestamp now() {
		return Timestamp.from(clock.instant());
	}

	private List<StaffAccount> query(String where, Object... params) {
		return jdbc.sql("select * from staff_account " + where).params(params).query(StaffAccounts::map).list();
	}

	private static StaffAccount map(ResultSet rs, int row) throws SQLException {
		return new StaffAccount(rs.getLong("id"), (Long) rs.getObject("kenpo_id", Long.class),
				rs.getString("login_id"), rs.getString("name"), rs.getString("email"),
				StaffRole.valueOf(rs.getString("role")), rs.getString("password_hash") != null,
				instant(rs, "totp_enrolled_at"), rs.getInt("failed_attempts"), instant(rs, "locked_until"),
				rs.getString("lock_reason"), instant(rs, "disabled_at"), instant(rs, "last_sign_in_at"),
				instant(rs, "created_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp ts = rs.getTimestamp(column);
		return ts == null ? null : ts.toInstant();
	}
}
