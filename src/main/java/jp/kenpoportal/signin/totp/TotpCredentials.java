package jp.kenpoportal.signin.totp;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.OptionalLong;

import jp.kenpoportal.account.Account;
import jp.kenpoportal.common.TypedInput;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The authenticator-app secret of each account, encrypted at rest, and the check of a typed
 * code: one step of drift either way, each code good once.
 */
@Service
public class TotpCredentials {

	private final JdbcClient jdbc;

	private final SecretCipher cipher;

	private final Clock clock;

	TotpCredentials(JdbcClient jdbc, SecretCipher cipher, Clock clock) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.clock = clock;
	}

	public boolean enrolled(Account account) {
		return jdbc.sql("select exists(select 1 from totp_credential where kenpo_id = ? and account_id = ?)")
			.params(account.kenpoId(), account.id())
			.query(Boolean.class)
			.single();
	}

	/** Stores a confirmed secret (replacing an earlier one); the confirming code's step counts as used. */
	@Transactional
	public void save(Account account, TotpSecret secret, long confirmedStep) {
		byte[] encrypted = cipher.encrypt(secret.key(), associatedData(account));
		jdbc.sql("""
				insert into totp_credential (account_id, kenpo_id, secret, created_at, last_used_step)
				values (?, ?, ?, ?, ?)
				on conflict (account_id) do update set secret = excluded.secret, created_at = excluded.created_at,
				  last_used_step = excluded.last_used_step""")
			.params(account.id(), account.kenpoId(), encrypted, Timestamp.from(clock.instant()), confirmedStep)
			.update();
	}

	/** Checks a typed code; the row is locked so two requests cannot both use one code. */
	@Transactional
	public boolean verify(Account account, String typed) {
		String code = TypedInput.digits(typed);
		Optional<Row> row = jdbc.sql("""
				select secret, last_used_step from totp_credential where kenpo_id = ? and account_id = ? for update""")
			.params(account.kenpoId(), account.id())
			.query((rs, n) -> new Row(rs.getBytes(1), rs.getLong(2)))
			.optional();
		if (row.isEmpty()) {
			return false;
		}
		byte[] key = cipher.decrypt(row.get().secret(), associatedData(account));
		OptionalLong step = TotpAlgorithm.matchingStep(key, code, clock.instant(), row.get().lastUsedStep());
		if (step.isEmpty()) {
			return false;
		}
		jdbc.sql("update totp_credential set last_used_step = ? where account_id = ?")
			.params(step.getAsLong(), account.id())
			.update();
		return true;
	}

	public void remove(Account account) {
		jdbc.sql("delete from totp_credential where kenpo_id = ? and account_id = ?")
			.params(account.kenpoId(), account.id())
			.update();
	}

	/** Binds the ciphertext to its account: a secret copied to another row does not decrypt. */
	private static String associatedData(Account account) {
		return "totp:" + account.kenpoId() + ":" + account.id();
	}

	private record Row(byte[] secret, long lastUsedStep) {
	}
}
