package jp.kenpoportal.support;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A platform authenticator in software (ES256, user verified, "none" attestation), as a phone
 * holds a passkey: it answers the portal's WebAuthn creation and request options with the bodies
 * passkey.js posts after navigator.credentials.create / get. One instance is one credential. It
 * signs for any RP ID and origin it is given, as a browser never would for a foreign host, so
 * tests can prove what the server refuses.
 */
public final class SoftAuthenticator {

	/** base64url without padding, as WebAuthn's JSON carries binary values. */
	public static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final KeyPair keys;

	private final byte[] credentialId = random(32);

	private String userHandle = B64.encodeToString(random(32));

	private int signCount;

	public SoftAuthenticator() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(new ECGenParameterSpec("secp256r1"));
			this.keys = generator.generateKeyPair();
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	public String credentialId() {
		return B64.encodeToString(credentialId);
	}

	/** The user handle (base64url) returned with every assertion: its own until a registration gives one. */
	public String userHandle() {
		return userHandle;
	}

	/** The body passkey.js posts to /passkeys/register for these creation options (the user handle taken from them). */
	public String registration(String creationOptions, String rpId, String origin, String label) {
		JsonNode options = JSON.readTree(creationOptions);
		userHandle = options.get("user").get("id").asString();
		ObjectNode response = JSON.createObjectNode()
			.put("attestationObject", B64.encodeToString(attestationObject(rpId)))
			.put("clientDataJSON", B64.encodeToString(clientData("webauthn.create", options, origin)));
		response.set("transports", JSON.createArrayNode().add("internal"));
		ObjectNode publicKey = JSON.createObjectNode().put("label", label);
		publicKey.set("credential", credential(response));
		ObjectNode body = JSON.createObjectNode();
		body.set("publicKey", publicKey);
		return JSON.writeValueAsString(body);
	}

	/** The body passkey.js posts to /passkeys/authenticate for these request options, signed for this RP ID and origin. */
	public String assertion(String requestOptions, String rpId, String origin) {
		byte[] clientData = clientData("webauthn.get", JSON.readTree(requestOptions), origin);
		byte[] authenticatorData = ByteBuffer.allocate(37)
			.put(sha256(rpId.getBytes(StandardCharsets.UTF_8)))
			// user present and user verified
			.put((byte) 0x05)
			.putInt(++signCount)
			.array();
		byte[] signature = sign(concat(authenticatorData, sha256(clientData)));
		ObjectNode response = JSON.createObjectNode()
			.put("authenticatorData", B64.encodeToString(authenticatorData))
			.put("clientDataJSON", B64.encodeToString(clientData))
			.put("signature", B64.encodeToString(signature))
			.put("userHandle", userHandle);
		return JSON.writeValueAsString(credential(response));
	}

	/** A "none" attestation: {fmt: "none", attStmt: {}, authData} in CBOR, the credential's key attested. */
	public byte[] attestationObject(String rpId) {
		byte[] cose = coseKey();
		ByteBuffer authData = ByteBuffer.allocate(32 + 1 + 4 + 16 + 2 + credentialId.length + cose.length)
			.put(sha256(rpId.getBytes(StandardCharsets.UTF_8)))
			// user present, user verified, attested credential data
			.put((byte) 0x45)
			.putInt(0)
			.put(new byte[16])
			.putShort((short) credentialId.length)
			.put(credentialId)
			.put(cose);
		ByteArrayOutputStream cbor = new ByteArrayOutputStream();
		cbor.write(0xA3);
		text(cbor, "fmt");
		text(cbor, "none");
		text(cbor, "attStmt");
		cbor.write(0xA0);
		text(cbor, "authData");
		byte[] data = authData.array();
		cbor.write(0x59);
		cbor.write(data.length >> 8);
		cbor.write(data.length & 0xFF);
		cbor.writeBytes(data);
		return cbor.toByteArray();
	}

	/** The COSE EC2 key (kty 2, alg -7 ES256, crv 1 P-256, x, y) in CBOR, as an authenticator reports it. */
	public byte[] coseKey() {
		ECPublicKey key = (ECPublicKey) keys.getPublic();
		ByteArrayOutputStream cbor = new ByteArrayOutputStream();
		cbor.writeBytes(new byte[] { (byte) 0xA5, 0x01, 0x02, 0x03, 0x26, 0x20, 0x01, 0x21, 0x58, 0x20 });
		cbor.writeBytes(unsigned32(key.getW().getAffineX()));
		cbor.writeBytes(new byte[] { 0x22, 0x58, 0x20 });
		cbor.writeBytes(unsigned32(key.getW().getAffineY()));
		return cbor.toByteArray();
	}

	private ObjectNode credential(ObjectNode response) {
		ObjectNode credential = JSON.createObjectNode()
			.put("id", credentialId())
			.put("rawId", credentialId())
			.put("type", "public-key")
			.put("authenticatorAttachment", "platform");
		credential.set("response", response);
		credential.set("clientExtensionResults", JSON.createObjectNode());
		return credential;
	}

	private static byte[] clientData(String type, JsonNode options, String origin) {
		return ("{\"type\":\"" + type + "\",\"challenge\":\"" + options.get("challenge").asString() + "\",\"origin\":\""
				+ origin + "\",\"crossOrigin\":false}")
			.getBytes(StandardCharsets.UTF_8);
	}

	/** A short CBOR text string (under 24 bytes). */
	private static void text(ByteArrayOutputStream cbor, String text) {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		cbor.write(0x60 + bytes.length);
		cbor.writeBytes(bytes);
	}

	private byte[] sign(byte[] data) {
		try {
			Signature ecdsa = Signature.getInstance("SHA256withECDSA");
			ecdsa.initSign(keys.getPrivate());
			ecdsa.update(data);
			return ecdsa.sign();
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	private static byte[] unsigned32(BigInteger n) {
		byte[] raw = n.toByteArray();
		byte[] out = new byte[32];
		int copy = Math.min(raw.length, 32);
		System.arraycopy(raw, raw.length - copy, out, 32 - copy, copy);
		return out;
	}

	private static byte[] sha256(byte[] data) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(data);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	private static byte[] concat(byte[] a, byte[] b) {
		byte[] out = new byte[a.length + b.length];
		System.arraycopy(a, 0, out, 0, a.length);
		System.arraycopy(b, 0, out, a.length, b.length);
		return out;
	}

	private static byte[] random(int length) {
		byte[] bytes = new byte[length];
		new SecureRandom().nextBytes(bytes);
		return bytes;
	}
}
