package jp.kenpoportal.admin.passkey;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.webauthn.api.AuthenticatorTransport;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCose;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;

/**
 * Staff passkeys in their own table ({@code staff_credential}). Spring's
 * {@code JdbcUserCredentialRepository} has the members' table name built in, so this is the same
 * mapping over the staff table. Deliberately not a bean: the members' relying party takes the one
 * {@link UserCredentialRepository} bean, and must never be handed this one (nor the reverse).
 */
final class StaffCredentialRepository implements UserCredentialRepository {

	private static final String COLUMNS = """
			credential_id, user_entity_user_id, public_key, signature_count, uv_initialized, backup_eligible,
			authenticator_transports, public_key_credential_type, backup_state, attestation_object,
			attestation_client_data_json, created, last_used, label""";

	private final JdbcClient jdbc;

	StaffCredentialRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void save(CredentialRecord r) {
		// insert, or after a sign-in the new signature count and last use
		jdbc.sql("insert into staff_credential (" + COLUMNS + """
				) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (credential_id) do update set signature_count = excluded.signature_count,
				    uv_initialized = excluded.uv_initialized, backup_state = excluded.backup_state,
				    last_used = excluded.last_used""")
			.params(r.getCredentialId().toBase64UrlString(), r.getUserEntityUserId().toBase64UrlString(),
					r.getPublicKey().getBytes(), r.getSignatureCount(), r.isUvInitialized(), r.isBackupEligible(),
					transports(r.getTransports()), r.getCredentialType() == null ? null : r.getCredentialType().getValue(),
					r.isBackupState(), bytes(r.getAttestationObject()), bytes(r.getAttestationClientDataJSON()),
					timestamp(r.getCreated()), timestamp(r.getLastUsed()), r.getLabel())
			.update();
	}

	@Override
	public CredentialRecord findByCredentialId(Bytes credentialId) {
		return jdbc.sql("select " + COLUMNS + " from staff_credential where credential_id = ?")
			.param(credentialId.toBase64UrlString())
			.query(StaffCredentialRepository::record)
			.optional()
			.orElse(null);
	}

	@Override
	public List<CredentialRecord> findByUserId(Bytes userId) {
		return jdbc.sql("select " + COLUMNS + " from staff_credential where user_entity_user_id = ? order by created")
			.param(userId.toBase64UrlString())
			.query(StaffCredentialRepository::record)
			.list();
	}

	@Override
	public void delete(Bytes credentialId) {
		jdbc.sql("delete from staff_credential where credential_id = ?").param(credentialId.toBase64UrlString()).update();
	}

	private static CredentialRecord record(ResultSet rs, int row) throws SQLException {
		String type = rs.getString("public_key_credential_type");
		return ImmutableCredentialRecord.builder()
			.credentialId(Bytes.fromBase64(rs.getString("credential_id")))
			.userEntityUserId(Bytes.fromBase64(rs.getString("user_entity_user_id")))
			.publicKey(new ImmutablePublicKeyCose(rs.getBytes("public_key")))
			.signatureCount(rs.getLong("signature_count"))
			.uvInitialized(rs.getBoolean("uv_initialized"))
			.backupEligible(rs.getBoolean("backup_eligible"))
			.transports(parseTransports(rs.getString("authenticator_transports")))
			.credentialType(type == null ? null : PublicKeyCredentialType.valueOf(type))
			.backupState(rs.getBoolean("backup_state"))
			.attestationObject(optionalBytes(rs.getBytes("attestation_object")))
			.attestationClientDataJSON(optionalBytes(rs.getBytes("attestation_client_data_json")))
			.created(instant(rs.getTimestamp("created")))
			.lastUsed(instant(rs.getTimestamp("last_used")))
			.label(rs.getString("label"))
			.build();
	}

	private static String transports(Set<AuthenticatorTransport> transports) {
		return transports == null ? null
				: transports.stream().map(AuthenticatorTransport::getValue).collect(Collectors.joining(","));
	}

	private static Set<AuthenticatorTransport> parseTransports(String text) {
		if (text == null || text.isEmpty()) {
			return Set.of();
		}
		return Arrays.stream(text.split(","))
			.map(AuthenticatorTransport::valueOf)
			.collect(Collectors.toCollection(LinkedHashSet::new));
	}

	private static byte[] bytes(Bytes bytes) {
		return bytes == null ? null : bytes.getBytes();
	}

	private static Bytes optionalBytes(byte[] bytes) {
		return bytes == null ? null : new Bytes(bytes);
	}

	private static Timestamp timestamp(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}
}
