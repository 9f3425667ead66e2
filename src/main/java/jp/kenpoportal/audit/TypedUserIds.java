package jp.kenpoportal.audit;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import jp.kenpoportal.common.SecretKeys;

import org.springframework.stereotype.Component;

/**
 * What the audit trail keeps of a user ID typed at a failed sign-in. Members sometimes type
 * their password into the user ID field: a typed ID that names no account is kept only as a
 * keyed hash (HMAC-SHA256 with a key of its own, derived from the master key), so repeated tries
 * of one ID can still be told apart and matched, while the text itself is not stored.
 */
@Component
public class TypedUserIds {

	private static final String PREFIX = "unknown-id:";

	private final byte[] key;

	TypedUserIds(SecretKeys keys) {
		this.key = keys.derive("audit-typed-user-id");
	}

	/** The ID itself when it names an account of the kenpo, else {@code unknown-id:} and its keyed hash. */
	public String forAudit(long kenpoId, String typedUserId, boolean namesAnAccount) {
		return namesAnAccount ? typedUserId : PREFIX + pseudonym(kenpoId, typedUserId);
	}

	/** The keyed hash of a typed ID, per kenpo: 128 bits in hex. */
	public String pseudonym(long kenpoId, String typedUserId) {
		byte[] mac = SecretKeys.hmac(key, (kenpoId + ":" + typedUserId).getBytes(StandardCharsets.UTF_8));
		return HexFormat.of().formatHex(mac, 0, 16);
	}
}
