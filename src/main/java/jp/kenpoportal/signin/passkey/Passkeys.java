package jp.kenpoportal.signin.passkey;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jp.kenpoportal.account.Account;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.stereotype.Service;

/** A member's passkeys: listed, renamed and removed only through the member's own account. */
// published as a named interface: the staff console removes a member's passkeys when staff remove the second factor
@org.springframework.modulith.NamedInterface("passkeys")
@Service
public class Passkeys {

	private final PasskeyUserEntities userEntities;

	private final UserCredentialRepository credentials;

	private final JdbcClient jdbc;

	Passkeys(PasskeyUserEntities userEntities, UserCredentialRepository credentials, JdbcClient jdbc) {
		this.userEntities = userEntities;
		this.credentials = credentials;
		this.jdbc = jdbc;
	}

	public List<Passkey> list(Account account) {
		return userEntities.handleOf(account.kenpoId(), account.id())
			.map(handle -> credentials.findByUserId(handle)
				.stream()
				.map(Passkeys::view)
				.sorted(Comparator.comparing(Passkey::created))
				.toList())
			.orElse(List.of());
	}

	public int count(Account account) {
		return list(account).size();
	}

	public boolean rename(Account account, String credentialId, String label) {
		return owned(account, credentialId).map(c -> {
			jdbc.sql("update user_credentials set label = ? where credential_id = ?").params(label, credentialId).update();
			return true;
		}).orElse(false);
	}

	public boolean remove(Account account, String credentialId) {
		return owned(account, credentialId).map(c -> {
			credentials.delete(c.getCredentialId());
			return true;
		}).orElse(false);
	}

	public void removeAll(Account account) {
		list(account).forEach(p -> remove(account, p.id()));
	}

	private Optional<CredentialRecord> owned(Account account, String credentialId) {
		Optional<Bytes> handle = userEntities.handleOf(account.kenpoId(), account.id());
		if (handle.isEmpty() || credentialId == null || credentialId.isBlank()) {
			return Optional.empty();
		}
		CredentialRecord record;
		try {
			record = credentials.findByCredentialId(Bytes.fromBase64(credentialId));
		}
		catch (IllegalArgumentException e) {
			return Optional.empty();
		}
		return Optional.ofNullable(record).filter(r -> r.getUserEntityUserId().equals(handle.get()));
	}

	private static Passkey view(CredentialRecord r) {
		return new Passkey(r.getCredentialId().toBase64UrlString(), r.getLabel(), r.getCreated(), r.getLastUsed());
	}

	/** One passkey as the member sees it. */
	public record Passkey(String id, String label, Instant created, Instant lastUsed) {
	}
}
