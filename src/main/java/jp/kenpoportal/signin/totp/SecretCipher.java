package jp.kenpoportal.signin.totp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jp.kenpoportal.common.SecretKeys;

import org.springframework.stereotype.Component;

/**
 * Encrypts TOTP secrets at rest (AES-256-GCM): unlike passwords they must be readable again,
 * so a leaked database alone must not yield working authenticator keys.
 */
@Component
public class SecretCipher {

	/** Lets a later format or key coexist with blobs already stored. */
	private static final byte VERSION = 1;

	private static final int IV_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final String TRANSFORMATION = "AES/GCM/NoPadding";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final SecretKey key;

	public SecretCipher(SecretKeys secretKeys) {
		this.key = new SecretKeySpec(secretKeys.derive("totp-secret-encryption"), "AES");
	}

	/**
	 * @param associatedData the account ID, so a blob copied to another account's row fails to decrypt
	 * @return version byte, 12-byte random IV, then ciphertext and tag
	 */
	public byte[] encrypt(byte[] plain, String associatedData) {
		byte[] iv = new byte[IV_BYTES];
		RANDOM.nextBytes(iv);
		byte[] sealed = run(Cipher.ENCRYPT_MODE, iv, associatedData, plain);
		return ByteBuffer.allocate(1 + IV_BYTES + sealed.length).put(VERSION).put(iv).put(sealed).array();
	}

	/** @throws IllegalStateException if the blob was altered or belongs to other associated data */
	public byte[] decrypt(byte[] blob, String associatedData) {
		if (blob == null || blob.length < 1 + IV_BYTES + TAG_BITS / 8 || blob[0] != VERSION) {
			throw new IllegalStateException("Not an encrypted TOTP secret of a known version");
		}
		byte[] iv = Arrays.copyOfRange(blob, 1, 1 + IV_BYTES);
		byte[] sealed = Arrays.copyOfRange(blob, 1 + IV_BYTES, blob.length);
		return run(Cipher.DECRYPT_MODE, iv, associatedData, sealed);
	}

	private byte[] run(int mode, byte[] iv, String associatedData, byte[] input) {
		try {
			Cipher cipher = Cipher.getInstance(TRANSFORMATION);
			cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
			cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
			return cipher.doFinal(input);
		}
		catch (GeneralSecurityException e) {
			// A failed tag check is the expected way tampering shows up; callers need not tell it apart.
			throw new IllegalStateException("TOTP secret could not be " + (mode == Cipher.ENCRYPT_MODE ? "encrypted" : "decrypted"), e);
		}
	}
}
