package jp.kenpoportal.admin.support;

import java.io.Serializable;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Component;

/**
 * 仮パスワード letters waiting for their one download, for the staff member who made them, for a
 * few minutes. The letter is sealed (AES-GCM) with a key of its own and the sealed letter waits in
 * the staff member's session, which every node reads; the key travels only in the link to the
 * download, never to the session table or a log, so the database never holds a readable password.
 * Taking the letter removes it.
 */
@Component
class ResetLetters {

	static final Duration LIFETIME = Duration.ofMinutes(10);

	private static final String ATTRIBUTE = "console.resetLetter.";

	private static final int KEY_BYTES = 32;

	private static final int IV_BYTES = 12;

	private final SecureRandom random = new SecureRandom();

	private final Clock clock;

	ResetLetters(Clock clock) {
		this.clock = clock;
	}

	/** Seals the letter into the session; the key that opens it once, for the download link. */
	String keep(HttpSession session, long staffId, long kenpoId, long accountId, byte[] pdf) {
		byte[] key = new byte[KEY_BYTES];
		byte[] iv = new byte[IV_BYTES];
		random.nextBytes(key);
		random.nextBytes(iv);
		session.setAttribute(ATTRIBUTE + accountId, new Sealed(staffId, kenpoId, accountId, iv,
				crypt(Cipher.ENCRYPT_MODE, key, iv, pdf), clock.instant().plus(LIFETIME)));
		return Base64.getUrlEncoder().withoutPadding().encodeToString(key);
	}

	/** Whether a letter for the account waits in the session, still fresh. */
	boolean waiting(HttpSession session, long accountId) {
		return session != null && session.getAttribute(ATTRIBUTE + accountId) instanceof Sealed s
				&& s.expiresAt().isAfter(clock.instant());
	}

	/** The letter, if the key opens this staff member's letter for this account and it is still fresh; gone afterwards. */
	Optional<byte[]> take(HttpSession session, String key, long staffId, long kenpoId, long accountId) {
		if (session == null || !(session.getAttribute(ATTRIBUTE + accountId) instanceof Sealed letter)
				|| letter.staffId() != staffId || letter.kenpoId() != kenpoId || letter.accountId() != accountId) {
			return Optional.empty();
		}
		session.removeAttribute(ATTRIBUTE + accountId);
		if (!letter.expiresAt().isAfter(clock.instant())) {
			return Optional.empty();
		}
		try {
			byte[] raw = Base64.getUrlDecoder().decode(key == null ? "" : key);
			return raw.length == KEY_BYTES ? Optional.of(crypt(Cipher.DECRYPT_MODE, raw, letter.iv(), letter.sealed()))
					: Optional.empty();
		}
		catch (IllegalArgumentException | IllegalStateException e) {
			// not a key, or not this letter's (GCM refuses it)
			return Optional.empty();
		}
	}

	private static byte[] crypt(int mode, byte[] key, byte[] iv, byte[] data) {
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
			return cipher.doFinal(data);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("letter could not be sealed or opened", e);
		}
	}

	private record Sealed(long staffId, long kenpoId, long accountId, byte[] iv, byte[] sealed, Instant expiresAt)
			implements Serializable {
	}
}
