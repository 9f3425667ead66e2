package jp.kenpoportal.admin.imports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Import API clients: a client ID ({@code kp-} and 16 letters or digits) and a secret of 256
 * random bits, shown once and kept only as its SHA-256 (a fast hash is enough for a random
 * secret; see V32). Rotating makes a new secret and voids the old; revoking ends the client.
 */
@Repository
class ApiClients {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final String ID_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

	private final JdbcClient jdbc;

	private final Clock clock;

	ApiClients(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A new client; its secret, to show once. */
	Issued create(long kenpoId, String name, long staffId) {
		String clientId = "kp-" + randomId();
		String secret = randomSecret();
		long id = jdbc.sql("""
				insert into import_api_client (kenpo_id, client_id, name, secret_sha256, created_at, created_by)
				values (?, ?, ?, ?, ?, ?) returning id""")
			.params(kenpoId, clientId, name, sha256(secret), Timestamp.from(clock.instant()), staffId)
			.query(Long.class)
			.single();
		return new Issued(find(kenpoId, id).orElseThrow(), secret);
	}

	/** A new secret for a live client of the kenpo; empty when there is none. */
	Optional<Issued> rotate(long kenpoId, long id) {
		String secret = randomSecret();
		int n = jdbc.sql("""
				update import_api_client set secret_sha256 = ?, rotated_at = ?
				where kenpo_id = ? and id = ? and revoked_at is null""")
			.params(sha256(secret), Timestamp.from(clock.instant()), kenpoId, id)
			.update();
		return n == 1 ? find(kenpoId, id).map(c -> new Issued(c, secret)) : Optional.empty();
	}

	boolean revoke(long kenpoId, long id) {
		return jdbc.sql("update import_api_client set revoked_at = ? where kenpo_id = ? and id = ? and revoked_at is null")
			.params(Timestamp.from(clock.instant()), kenpoId, id)
			.update() == 1;
	}

	Optional<ApiClient> find(long kenpoId, long id) {
		return jdbc.sql("select * from import_api_client where kenpo_id = ? and id = ?")
			.params(kenpoId, id)
			.query(ApiClients::map)
			.optional();
	}

	List<ApiClient> list(long kenpoId) {
		return jdbc.sql("select * from import_api_client where kenpo_id = ? order by id")
			.param(kenpoId)
			.query(ApiClients::map)
			.list();
	}

	/**
	 * The live client with this ID and secret, its use recorded; empty otherwise. The secret's
	 * hash is compared in constant time, and an unknown ID costs the same hash.
	 */
	Optional<ApiClient> authenticate(String clientId, String secret) {
		String given = sha256(secret == null ? "" : secret);
		Optional<String[]> row = jdbc.sql("select id, kenpo_id, secret_sha256 from import_api_client where client_id = ? and revoked_at is null")
			.param(clientId == null ? "" : clientId)
			.query((rs, i) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3) })
			.optional();
		if (row.isEmpty() || !MessageDigest.isEqual(given.getBytes(StandardCharsets.US_ASCII),
				row.get()[2].getBytes(StandardCharsets.US_ASCII))) {
			return Optional.empty();
		}
		long id = Long.parseLong(row.get()[0]);
		long kenpoId = Long.parseLong(row.get()[1]);
		jdbc.sql("update import_api_client set last_used_at = ? where id = ?")
			.params(Timestamp.from(clock.instant()), id)
			.update();
		return find(kenpoId, id);
	}

	/** A client with its secret in clear, once. */
	record Issued(ApiClient client, String secret) {
	}

	private static String randomId() {
		StringBuilder b = new StringBuilder(16);
		for (int i = 0; i < 16; i++) {
			b.append(ID_ALPHABET.charAt(RANDOM.nextInt(ID_ALPHABET.length())));
		}
		return b.toString();
	}

	private static String randomSecret() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static String sha256(String secret) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static ApiClient map(ResultSet rs, int row) throws SQLException {
		return new ApiClient(rs.getLong("id"), rs.getLong("kenpo_id"), rs.getString("client_id"), rs.getString("name"),
				instant(rs, "created_at"), instant(rs, "rotated_at"), instant(rs, "revoked_at"), instant(rs, "last_used_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}
}
