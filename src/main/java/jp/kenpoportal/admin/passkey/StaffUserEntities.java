package jp.kenpoportal.admin.passkey;

import java.util.Optional;

import jp.kenpoportal.admin.security.StaffPrincipal;
import jp.kenpoportal.admin.staff.StaffAccount;
import jp.kenpoportal.admin.staff.StaffAccounts;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;

/**
 * WebAuthn user entities of staff accounts ({@code staff_passkey_user}). Spring Security looks
 * them up by the signed-in name ({@code staff:<id>}); the authenticator shows the staff user ID
 * and name. Not a bean, for the same reason as {@link StaffCredentialRepository}.
 */
final class StaffUserEntities implements PublicKeyCredentialUserEntityRepository {

	private final JdbcClient jdbc;

	private final StaffAccounts accounts;

	StaffUserEntities(JdbcClient jdbc, StaffAccounts accounts) {
		this.jdbc = jdbc;
		this.accounts = accounts;
	}

	/** The staff account's user handle, created on first use. */
	Bytes ensureHandle(long staffId) {
		return handleOf(staffId).orElseGet(() -> {
			jdbc.sql("insert into staff_passkey_user (staff_id, user_handle) values (?, ?) on conflict do nothing")
				.params(staffId, Bytes.random().toBase64UrlString())
				.update();
			return handleOf(staffId).orElseThrow();
		});
	}

	Optional<Bytes> handleOf(long staffId) {
		return jdbc.sql("select user_handle from staff_passkey_user where staff_id = ?")
			.param(staffId)
			.query(String.class)
			.optional()
			.map(Bytes::fromBase64);
	}

	Optional<Long> staffOf(Bytes handle) {
		return jdbc.sql("select staff_id from staff_passkey_user where user_handle = ?")
			.param(handle.toBase64UrlString())
			.query(Long.class)
			.optional();
	}

	@Override
	public PublicKeyCredentialUserEntity findById(Bytes id) {
		return staffOf(id).flatMap(staffId -> entity(staffId, id)).orElse(null);
	}

	@Override
	public PublicKeyCredentialUserEntity findByUsername(String username) {
		if (username == null || !username.startsWith(StaffPrincipal.NAME_PREFIX)) {
			return null;
		}
		long staffId;
		try {
			staffId = Long.parseLong(username.substring(StaffPrincipal.NAME_PREFIX.length()));
		}
		catch (NumberFormatException e) {
			return null;
		}
		return handleOf(staffId).flatMap(handle -> entity(staffId, handle)).orElse(null);
	}

	/** Handles are made by {@link #ensureHandle}; an entity Spring makes on its own is ignored. */
	@Override
	public void save(PublicKeyCredentialUserEntity userEntity) {
	}

	@Override
	public void delete(Bytes id) {
		jdbc.sql("delete from staff_passkey_user where user_handle = ?").param(id.toBase64UrlString()).update();
	}

	private Optional<PublicKeyCredentialUserEntity> entity(long staffId, Bytes handle) {
		return accounts.find(staffId).map(staff -> entity(staff, handle));
	}

	private static PublicKeyCredentialUserEntity entity(StaffAccount staff, Bytes handle) {
		return ImmutablePublicKeyCredentialUserEntity.builder()
			.id(handle)
			.name(staff.loginId())
			.displayName(staff.name())
			.build();
	}
}
