package jp.kenpoportal.browser;

import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;

/**
 * A platform authenticator with a fingerprint reader that always says yes (Chromium's
 * WebAuthn domain over CDP): resident keys, user verification, presence simulated. It belongs
 * to the one page (target) it was added to, so a test keeps using that same page.
 */
final class VirtualAuthenticator {

	private static final String OPTIONS = """
			{"options":{"protocol":"ctap2","transport":"internal","hasResidentKey":true,
			"hasUserVerification":true,"isUserVerified":true,"automaticPresenceSimulation":true}}""";

	private final CDPSession cdp;

	private final String id;

	private VirtualAuthenticator(CDPSession cdp, String id) {
		this.cdp = cdp;
		this.id = id;
	}

	/** Adds an authenticator to the page, as if the member's device had one built in. */
	static VirtualAuthenticator addTo(Page page) {
		CDPSession cdp = page.context().newCDPSession(page);
		cdp.send("WebAuthn.enable");
		JsonObject added = cdp.send("WebAuthn.addVirtualAuthenticator", JsonParser.parseString(OPTIONS).getAsJsonObject());
		return new VirtualAuthenticator(cdp, added.get("authenticatorId").getAsString());
	}

	/**
	 * Another authenticator on the same page (another device of the member's), empty. Chromium
	 * emulates one built-in authenticator at a time: {@link #remove()} the current one first.
	 */
	VirtualAuthenticator another() {
		JsonObject added = cdp.send("WebAuthn.addVirtualAuthenticator", JsonParser.parseString(OPTIONS).getAsJsonObject());
		return new VirtualAuthenticator(cdp, added.get("authenticatorId").getAsString());
	}

	/** The passkeys the authenticator holds now. */
	List<Credential> credentials() {
		JsonObject args = new JsonObject();
		args.addProperty("authenticatorId", id);
		List<Credential> found = new ArrayList<>();
		for (JsonElement e : cdp.send("WebAuthn.getCredentials", args).getAsJsonArray("credentials")) {
			JsonObject c = e.getAsJsonObject();
			found.add(new Credential(c.get("credentialId").getAsString(), c.get("rpId").getAsString(),
					c.get("isResidentCredential").getAsBoolean(), c.get("signCount").getAsLong(), c));
		}
		return found;
	}

	/** Puts a passkey (with its private key) into this authenticator, as if it had been created here. */
	void add(Credential credential) {
		JsonObject args = new JsonObject();
		args.addProperty("authenticatorId", id);
		args.add("credential", credential.raw());
		cdp.send("WebAuthn.addCredential", args);
	}

	/** Takes the authenticator away from the page, as when the member stops using the device. */
	void remove() {
		JsonObject args = new JsonObject();
		args.addProperty("authenticatorId", id);
		cdp.send("WebAuthn.removeVirtualAuthenticator", args);
	}

	/**
	 * One passkey as the authenticator keeps it (the credential ID in base64); {@code raw} is
	 * what CDP reported, private key included.
	 */
	record Credential(String id, String rpId, boolean discoverable, long signCount, JsonObject raw) {
	}
}
