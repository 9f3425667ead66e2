package jp.kenpoportal.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The portal's master key, and keys derived from it per purpose (HMAC-SHA256). Production
 * sets {@code PORTAL_MASTER_KEY}; the embedded default generates one under the data folder
 * once and keeps it, so codes and secrets survive a restart.
 */
@Component
public class SecretKeys {

	private final byte[] master;

	public SecretKeys(@Value("${portal.master-key:}") String configured, @Value("${portal.data-dir}") String dataDir) {
		this.master = configured.isBlank() ? loadOrCreate(Path.of(dataDir, "master.key"))
				: Base64.getDecoder().decode(configured.strip());
		if (master.length < 32) {
			throw new IllegalStateException("portal.master-key must be at least 32 bytes (base64)");
		}
	}

	/** A key for one purpose; different purposes never share a key. */
	public byte[] derive(String purpose) {
		return hmac(master, purpose.getBytes(StandardCharsets.UTF_8));
	}

	public static byte[] hmac(byte[] key, byte[] data) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal(data);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	private static byte[] loadOrCreate(Path file) {
		try {
			if (Files.exists(file)) {
				return Base64.getDecoder().decode(Files.readString(file).strip());
			}
			byte[] key = new byte[32];
			new SecureRandom().nextBytes(key);
			Files.createDirectories(file.toAbsolutePath().getParent());
			Files.writeString(file, Base64.getEncoder().encodeToString(key));
			try {
				Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException ignored) {
				// not a POSIX file system
			}
			return key;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
