package jp.kenpoportal.common;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import org.springframework.stereotype.Component;

/**
 * Makes and hashes one-time codes and link tokens. Codes are hashed with a server key
 * (HMAC) and bound to their owner, so a database copy reveals none of them.
 */
@Component
public class OneTimeSecrets {

	private final SecureRandom random = new SecureRandom();

	private final byte[] key;

	public OneTimeSecrets(SecretKeys keys) {
		this.key = keys.derive("one-time-codes");
	}

	/** Six random digits. */
	public String newCode() {
		return String.format("%06d", random.nextInt(1_000_000));
	}

	/** 256 random bits, URL-safe. */
	public String newToken() {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	public String hash(String owner, String secret) {
		return HexFormat.of().formatHex(SecretKeys.hmac(key, (owner + ':' + secret).getBytes(StandardCharsets.UTF_8)));
	}

	public boolean matches(String owner, String secret, String hash) {
		return MessageDigest.isEqual(hash(owner, secret).getBytes(StandardCharsets.US_ASCII),
				hash.getBytes(StandardCharsets.US_ASCII));
	}
}
