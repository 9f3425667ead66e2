package jp.kenpoportal.account;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * 仮ユーザID・仮パスワード for insured persons who have not finished the first registration
 * (seeds 002, 003). The password becomes the account's initial password: the sign-in takes it
 * as it takes 記号+番号+生年月日, only until onboarding is done and before the kenpo's deadline,
 * and onboarding starts from its first step. Issuing again replaces the hash, so an older
 * letter stops working. Like {@link RegistrationFigures} this reads the roster, since an
 * account exists only as a roster row's account.
 */
@Service
public class TemporaryCredentials {

	private static final String RECIPIENTS = """
			select m.id, m.symbol, m.number, m.name, m.postal_code, m.address, a.id as account_id, a.login_id,
			  a.login_id_temporary
			from member m left join account a on a.kenpo_id = m.kenpo_id and a.member_id = m.id
			where m.kenpo_id = :kenpo and m.branch = '00'
			""";

	/** Insured on the day (as the dashboard counts them) and not registered, with or without an account. */
	private static final String NOT_REGISTERED = """
			  and m.acquired_on <= :today and (m.lost_on is null or m.lost_on > :today) and a.onboarded_at is null
			  and (cardinality(:codes::text[]) = 0 or m.employer_code = any(:codes::text[]))
			  and (:symbol::text is null or (m.symbol = :symbol and m.number = :number and m.released_by_import is null))
			""";

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private final PasswordHasher hasher;

	TemporaryCredentials(JdbcClient jdbc, JdbcTemplate batch, PasswordHasher hasher) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.hasher = hasher;
	}

	/**
	 * The insured persons of {@code today} the filter names who have not registered, ordered by
	 * postal code (the post office's presort), then 記号・番号.
	 */
	public List<LetterRecipient> notRegistered(long kenpoId, LocalDate today, RecipientFilter filter) {
		return jdbc.sql(RECIPIENTS + NOT_REGISTERED + " order by m.postal_code nulls last, m.symbol, m.number")
			.params(params(kenpoId, today, filter))
			.query(TemporaryCredentials::recipient)
			.list();
	}

	public int countNotRegistered(long kenpoId, LocalDate today, RecipientFilter filter) {
		return jdbc.sql("select count(*) from (" + RECIPIENTS + NOT_REGISTERED + ") r")
			.params(params(kenpoId, today, filter))
			.query(Integer.class)
			.single();
	}

	/** The insured person as a letter addresses them, whether registered or not (the reset letter). */
	public Optional<LetterRecipient> recipient(long kenpoId, long memberId) {
		return jdbc.sql(RECIPIENTS + " and m.id = :member")
			.param("kenpo", kenpoId)
			.param("member", memberId)
			.query(TemporaryCredentials::recipient)
			.optional();
	}

	/**
	 * Credentials for these recipients, hashed here (the slow part, no transaction held): the
	 * account's own user ID where there is an account, otherwise a new 仮ユーザID that no account
	 * of the kenpo has and that is not in {@code alreadyChosen} (the IDs of the batch so far,
	 * to which the new ones are added; a concurrent set when parts prepare in parallel).
	 */
	public List<PreparedCredential> prepare(long kenpoId, List<LetterRecipient> recipients,
			Map<Long, String> passwords, Set<String> alreadyChosen) {
		Map<Long, String> loginIds = new HashMap<>();
		List<LetterRecipient> without = recipients.stream().filter(r -> r.accountId() == null).toList();
		while (loginIds.size() < without.size()) {
			Set<String> candidates = new HashSet<>();
			while (candidates.size() < without.size() - loginIds.size()) {
				String id = TemporaryLoginIds.next();
				// reserved at once: parts of one batch prepare at the same time with one set
				if (alreadyChosen.add(id)) {
					candidates.add(id);
				}
			}
			candidates.removeAll(taken(kenpoId, candidates));
			for (LetterRecipient r : without) {
				if (!loginIds.containsKey(r.memberId()) && !candidates.isEmpty()) {
					String id = candidates.iterator().next();
					candidates.remove(id);
					loginIds.put(r.memberId(), id);
				}
			}
		}
		// one hash per core at a time (PasswordHasher's own limit): a batch of 10,000 takes minutes, not hours
		return recipients.parallelStream()
			.map(r -> new PreparedCredential(r, r.accountId() != null ? r.loginId() : loginIds.get(r.memberId()),
					hasher.hash(passwords.get(r.memberId()))))
			.toList();
	}

	/**
	 * Keeps the credentials of a lot (a letter batch), hashed, until {@link #issue} or
	 * {@link #discard}: in the caller's transaction, with the PDF that prints them.
	 */
	public void stage(long kenpoId, long lot, List<PreparedCredential> credentials) {
		batch.batchUpdate("""
				insert into account_pending_credential (kenpo_id, lot, member_id, account_id, login_id, password_hash)
				values (?, ?, ?, ?, ?, ?)""", credentials.stream()
			.map(c -> new Object[] { kenpoId, lot, c.recipient().memberId(), c.recipient().accountId(), c.loginId(),
					c.passwordHash() })
			.toList());
	}

	/**
	 * Issues a lot's credentials in the caller's transaction, set-based: a new account with its
	 * 仮ユーザID for a recipient without one, a new initial password for an account that has not
	 * finished the first registration (its own password, if it had set one, goes too, and the
	 * temporary lock with its count; a lock by the kenpo stays). A recipient who had no account
	 * when the lot was made but has one now (an older lot was issued meanwhile) gets the lot's
	 * password, and its 仮ユーザID while the account's user ID is still a temporary one: the
	 * newest letter is the one that works. Credentials of older lots for the same members that
	 * wait for their issue are dropped: an older letter issued later must not undo a newer one.
	 * An account that finished registering meanwhile is left alone. Returns the existing accounts
	 * whose password changed, whose sessions the caller ends.
	 */
	public Issued issue(long kenpoId, long lot) {
		jdbc.sql("""
				delete from account_pending_credential o using account_pending_credential n
				where n.kenpo_id = ? and n.lot = ? and o.kenpo_id = n.kenpo_id and o.member_id = n.member_id
				  and o.lot < n.lot""")
			.params(kenpoId, lot)
			.update();
		List<Long> changed = jdbc.sql("""
				update account a set initial_password_hash = p.password_hash, password_hash = null,
				  password_changed_at = null, failed_attempts = 0, locked_until = null,
				  login_id = case when p.account_id is null and a.login_id_temporary then p.login_id else a.login_id end
				from account_pending_credential p
				where p.kenpo_id = ? and p.lot = ? and a.kenpo_id = p.kenpo_id
				  and (a.id = p.account_id or (p.account_id is null and a.member_id = p.member_id))
				  and a.onboarded_at is null
				returning a.id""")
			.params(kenpoId, lot)
			.query(Long.class)
			.list();
		int newAccounts = jdbc.sql("""
				insert into account (kenpo_id, member_id, login_id, login_id_temporary, initial_password_hash)
				select p.kenpo_id, p.member_id, p.login_id, true, p.password_hash from account_pending_credential p
				where p.kenpo_id = ? and p.lot = ? and p.account_id is null
				  and not exists (select 1 from account a where a.kenpo_id = p.kenpo_id and a.member_id = p.member_id)
				on conflict do nothing""")
			.params(kenpoId, lot)
			.update();
		discard(kenpoId, lot);
		return new Issued(changed.size() + newAccounts, newAccounts, changed);
	}

	/** Forgets a lot's credentials (its letters were never handed out). */
	public void discard(long kenpoId, long lot) {
		jdbc.sql("delete from account_pending_credential where kenpo_id = ? and lot = ?").params(kenpoId, lot).update();
	}

	/**
	 * @param issued letters whose credentials now work
	 * @param newAccounts of which accounts opened with a 仮ユーザID
	 * @param reissuedAccounts existing accounts whose earlier initial password no longer works
	 */
	public record Issued(int issued, int newAccounts, List<Long> reissuedAccounts) {
	}

	private Set<String> taken(long kenpoId, Collection<String> loginIds) {
		return new HashSet<>(jdbc.sql("select login_id from account where kenpo_id = ? and login_id = any(?)")
			.params(kenpoId, loginIds.toArray(String[]::new))
			.query(String.class)
			.list());
	}

	private static Map<String, Object> params(long kenpoId, LocalDate today, RecipientFilter filter) {
		Map<String, Object> params = new HashMap<>();
		params.put("kenpo", kenpoId);
		params.put("today", Date.valueOf(today));
		params.put("codes", filter.employerCodes().toArray(String[]::new));
		params.put("symbol", filter.symbol());
		params.put("number", filter.number());
		return params;
	}

	private static LetterRecipient recipient(ResultSet rs, int row) throws SQLException {
		long accountId = rs.getLong("account_id");
		boolean hasAccount = !rs.wasNull();
		return new LetterRecipient(rs.getLong("id"), hasAccount ? accountId : null, rs.getString("login_id"),
				!hasAccount || rs.getBoolean("login_id_temporary"), rs.getString("symbol"), rs.getString("number"),
				rs.getString("name"), rs.getString("postal_code"), rs.getString("address"));
	}
}
