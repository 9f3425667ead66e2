package jp.kenpoportal.signin.totp;

import java.util.Arrays;
import java.util.Base64;

import jp.kenpoportal.common.SecretKeys;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class SecretCipherTest {

	private static final String ACCOUNT = "account-42";

	private final SecretCipher cipher = cipherWithMasterKeyByte((byte) 7);

	private final byte[] secret = TotpSecret.generate().key();

	@Test
	void decryptsWhatItEncrypted() {
		byte[] blob = cipher.encrypt(secret, ACCOUNT);

		assertThat(cipher.decrypt(blob, ACCOUNT)).isEqualTo(secret);
	}

	@Test
	void writesVersionOneThenATwelveByteIvThenCiphertextAndTag() {
		byte[] blob = cipher.encrypt(secret, ACCOUNT);

		assertThat(blob[0]).isEqualTo((byte) 1);
		assertThat(blob).hasSize(1 + 12 + secret.length + 16);
	}

	@Test
	void refusesABlobCopiedToAnotherAccount() {
		byte[] blob = cipher.encrypt(secret, ACCOUNT);

		assertThatIllegalStateException().isThrownBy(() -> cipher.decrypt(blob, "account-43"));
	}

	@Test
	void refusesABlobWithAnyByteFlipped() {
		byte[] blob = cipher.encrypt(secret, ACCOUNT);
		for (int i = 0; i < blob.length; i++) {
			byte[] tampered = blob.clone();
			tampered[i] ^= 0x01;

			assertThatIllegalStateException().as("byte %d flipped", i)
				.isThrownBy(() -> cipher.decrypt(tampered, ACCOUNT));
		}
	}

	@Test
	void refusesATruncatedBlob() {
		byte[] blob = cipher.encrypt(secret, ACCOUNT);

		assertThatIllegalStateException().isThrownBy(() -> cipher.decrypt(Arrays.copyOf(blob, 20), ACCOUNT));
		assertThatIllegalStateException().isThrownBy(() -> cipher.decrypt(new byte[0], ACCOUNT));
	}

	@Test
	void encryptsTheSameSecretDifferentlyEachTime() {
		byte[] first = cipher.encrypt(secret, ACCOUNT);
		byte[] second = cipher.encrypt(secret, ACCOUNT);

		assertThat(first).isNotEqualTo(second);
		assertThat(Arrays.copyOfRange(first, 1, 13)).isNotEqualTo(Arrays.copyOfRange(second, 1, 13));
	}

	@Test
	void refusesABlobEncryptedUnderAnotherMasterKey() {
		byte[] blob = cipherWithMasterKeyByte((byte) 8).encrypt(secret, ACCOUNT);

		assertThatIllegalStateException().isThrownBy(() -> cipher.decrypt(blob, ACCOUNT));
	}

	private static SecretCipher cipherWithMasterKeyByte(byte fill) {
		byte[] master = new byte[32];
		Arrays.fill(master, fill);
		return new SecretCipher(new SecretKeys(Base64.getEncoder().encodeToString(master), "target/unused"));
	}
}
