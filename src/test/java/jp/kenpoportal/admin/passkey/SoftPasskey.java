package jp.kenpoportal.admin.passkey;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;

import jp.kenpoportal.support.SoftAuthenticator;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A passkey in software ({@link SoftAuthenticator}) for tests of what the server refuses: it is
 * stored straight into the staff's or the members' table, and signs assertions for any RP ID and
 * origin, as a browser never would for a foreign host. The user handle is its own.
 */
final class SoftPasskey {

	private final SoftAuthenticator authenticator = new SoftAuthenticator();

	String credentialId() {
		return authenticator.credentialId();
	}

	/** As if the staff member had enrolled it on the console (its host the RP ID). */
	SoftPasskey enrolForStaff(JdbcClient jdbc, long staffId, String rpId) {
		jdbc.sql("insert into staff_passkey_user (staff_id, user_handle) values (?, ?)")
			.params(staffId, authenticator.userHandle())
			.update();
		insert(jdbc, "staff_credential", rpId);
		return this;
	}

	/** As if the member had registered it on their kenpo's host (the RP ID). */
	SoftPasskey registerForMember(JdbcClient jdbc, long kenpoId, long accountId, String rpId) {
		jdbc.sql("insert into passkey_user (account_id, kenpo_id, user_handle) values (?, ?, ?)")
			.params(accountId, kenpoId, authenticator.userHandle())
			.update();
		insert(jdbc, "user_credentials", rpId);
		return this;
	}

	private void insert(JdbcClient jdbc, String table, String rpId) {
		Timestamp created = Timestamp.from(Instant.now());
		byte[] clientData = ("{\"type\":\"webauthn.create\",\"challenge\":\"AAAA\",\"origin\":\"https://" + rpId
				+ "\"}").getBytes(StandardCharsets.UTF_8);
		jdbc.sql("insert into " + table + """
				 (credential_id, user_entity_user_id, public_key, signature_count, uv_initialized, backup_eligible,
				 authenticator_transports, public_key_credential_type, backup_state, attestation_object,
				 attestation_client_data_json, created, last_used, label)
				 values (?, ?, ?, 0, true, false, 'internal', 'public-key', false, ?, ?, ?, ?, 'soft')""")
			.params(credentialId(), authenticator.userHandle(), authenticator.coseKey(),
					authenticator.attestationObject(rpId), clientData, created, created)
			.update();
	}

	/** The body passkey.js would post for the server's request options, signed for this RP ID and origin. */
	String assertion(String requestOptions, String rpId, String origin) {
		return authenticator.assertion(requestOptions, rpId, origin);
	}
}
