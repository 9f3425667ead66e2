package jp.kenpoportal.admin.staff;

import java.time.Clock;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.OptionalLong;

import jp.kenpoportal.common.TypedInput;
import jp.kenpoportal.signin.totp.SecretCipher;
import jp.kenpoportal.signin.totp.TotpAlgorithm;
import jp.kenpoportal.signin.totp.TotpSecret;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A staff member's authenticator app: the members' algorithm and cipher (signin :: totp), the
 * secret encrypted at rest and bound to the staff row, each code accepted once.
 */
@Service
public class StaffTotp {

	private final JdbcClient jdbc;

	private final SecretCipher cipher;

	private final Clock clock;

	StaffTotp(JdbcClient jdbc, SecretCipher cipher, Clock clock) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.clock = clock;
	}

	/** The step a code typed for a not-yet-saved secret belongs to, if it is right now. */
	public OptionalLong confirm(TotpSecret pending, String typed) {
		return TotpAlgorithm.matchingStep(pending.key(), TypedInput.digits(typed), clock.instant(), -1);
	}

	/** Stores a confirmed secret; the confirming code's step counts as used. */
	public void save(long staffId, TotpSecret secret, long confirmedStep) {
		jdbc.sql("""
				update staff_account set totp_secret = ?, totp_enrolled_at = ?, totp_last_step = ? where id = ?""")
			.params(cipher.encrypt(secret.key(), associatedData(staffId)), Timestamp.from(clock.instant()),
					confirmedStep, staffId)
			.update();
	}

	/** Checks a typed code; the row is locked so that two requests cannot both use one code. */
	@Transactional
	public boolean verify(long staffId, String typed) {
		Optional<Row> row = jdbc.sql("""
				select totp_secret, totp_last_step from staff_account where id = ? and totp_secret is not null for update""")
			.param(staffId)
			.query((rs, n) -> new Row(rs.getBytes(1), rs.getLong(2)))
			.optional();
		if (row.isEmpty()) {
			return false;
		}
		byte[] key = cipher.decrypt(row.get().secret(), associatedData(staffId));
		OptionalLong step = TotpAlgorithm.matchingStep(key, TypedInput.digits(typed), clock.instant(),
				row.get().lastUsedStep());
		if (step.isEmpty()) {
			return false;
		}
		jdbc.sql("update staff_account set totp_last_step = ? where id = ?").params(step.getAsLong(), staffId).update();
		return true;
	}

	/** Distinct from members' ("totp:…"): a member's secret copied to a staff row does not decrypt. */
	private static String associatedData(long staffId) {
		return "staff-totp:" + staffId;
	}

	private record Row(byte[] secret, long lastUsedStep) {
	}
}
