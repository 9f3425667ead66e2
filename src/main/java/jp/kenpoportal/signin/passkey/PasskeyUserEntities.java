package jp.kenpoportal.signin.passkey;

import java.util.Optional;

import jp.kenpoportal.account.Account;
import jp.kenpoportal.account.Accounts;
import jp.kenpoportal.member.MemberDirectory;
import jp.kenpoportal.tenant.CurrentKenpo;
import jp.kenpoportal.tenant.Kenpo;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.stereotype.Component;

/**
 * WebAuthn user entities of the request's kenpo. Spring Security looks them up by the
 * signed-in name (the account ID); the authenticator shows the user ID and the member's name.
 */
@Component
public class PasskeyUserEntities implements PublicKeyCredentialUserEntityRepository {

	private final JdbcClient jdbc;

	private final Accounts accounts;

	private final MemberDirectory members;

	PasskeyUserEntities(JdbcClient jdbc, Accounts accounts, MemberDirectory members) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.members = members;
	}

	/** The account's user handle, created on first use. */
	public Bytes ensureHandle(Account account) {
		return handleOf(account.kenpoId(), account.id()).orElseGet(() -> {
			Bytes handle = Bytes.random();
			jdbc.sql("insert into passkey_user (account_id, kenpo_id, user_handle) values (?, ?, ?) on conflict do nothing")
				.params(account.id(), account.kenpoId(), handle.toBase64UrlString())
				.update();
			return handleOf(account.kenpoId(), account.id()).orElseThrow();
		});
	}

	public Optional<Bytes> handleOf(long kenpoId, long accountId) {
		return jdbc.sql("select user_handle from passkey_user where kenpo_id = ? and account_id = ?")
			.params(kenpoId, accountId)
			.query(String.class)
			.optional()
			.map(Bytes::fromBase64);
	}

	/** The account a user handle belongs to, within the given kenpo. */
	public Optional<Long> accountOf(long kenpoId, Bytes handle) {
		return jdbc.sql("select account_id from passkey_user where kenpo_id = ? and user_handle = ?")
			.params(kenpoId, handle.toBase64UrlString())
			.query(Long.class)
			.optional();
	}

	@Override
	public PublicKeyCredentialUserEntity findById(Bytes id) {
		Kenpo kenpo = CurrentKenpo.get();
		return accountOf(kenpo.id(), id).flatMap(accountId -> entity(kenpo, accountId, id)).orElse(null);
	}

	@Override
	public PublicKeyCredentialUserEntity findByUsername(String username) {
		Kenpo kenpo = CurrentKenpo.get();
		long accountId;
		try {
			accountId = Long.parseLong(username);
		}
		catch (NumberFormatException e) {
			return null;
		}
		return handleOf(kenpo.id(), accountId).flatMap(handle -> entity(kenpo, accountId, handle)).orElse(null);
	}

	/** Handles are created by {@link #ensureHandle}; an entity Spring creates on its own is ignored. */
	@Override
	public void save(PublicKeyCredentialUserEntity userEntity) {
	}

	@Override
	public void delete(Bytes id) {
		jdbc.sql("delete from passkey_user where user_handle = ?").param(id.toBase64UrlString()).update();
	}

	private Optional<PublicKeyCredentialUserEntity> entity(Kenpo kenpo, long accountId, Bytes handle) {
		return accounts.find(kenpo.id(), accountId).map(account -> ImmutablePublicKeyCredentialUserEntity.builder()
			.id(handle)
			.name(account.loginId())
			.displayName(members.find(kenpo.id(), account.memberId()).map(m -> m.name()).orElse(account.loginId()))
			.build());
	}
}
