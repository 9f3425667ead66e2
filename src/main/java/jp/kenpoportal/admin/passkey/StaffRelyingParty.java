package jp.kenpoportal.admin.passkey;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;

import jp.kenpoportal.admin.staff.StaffAccounts;
import jp.kenpoportal.common.ConsoleHost;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;
import org.springframework.stereotype.Component;

/**
 * The console as a WebAuthn relying party: the RP ID is the console host (never a kenpo's), the
 * credentials and user handles are the staff's own tables. User verification (biometrics or the
 * device PIN) is required. A discoverable credential is preferred, not required: staff always type
 * their user ID first, so a security key without resident-key storage serves as well.
 */
@Component
class StaffRelyingParty {

	static final String NAME = "Kenpo Portal 管理コンソール";

	private static final int MAX_CACHED = 16;

	private final ConsoleHost console;

	private final StaffUserEntities userEntities;

	private final StaffCredentialRepository credentials;

	private final Map<String, WebAuthnRelyingPartyOperations> byOrigin = new ConcurrentHashMap<>();

	StaffRelyingParty(ConsoleHost console, JdbcClient jdbc, StaffAccounts accounts) {
		this.console = console;
		this.userEntities = new StaffUserEntities(jdbc, accounts);
		this.credentials = new StaffCredentialRepository(jdbc);
	}

	StaffUserEntities userEntities() {
		return userEntities;
	}

	StaffCredentialRepository credentials() {
		return credentials;
	}

	WebAuthnRelyingPartyOperations forRequest(HttpServletRequest request) {
		String origin = origin(request);
		if (byOrigin.size() > MAX_CACHED) {
			// the port comes from the Host header: never let it grow the cache without bound
			byOrigin.clear();
		}
		return byOrigin.computeIfAbsent(origin, this::create);
	}

	private WebAuthnRelyingPartyOperations create(String origin) {
		Webauthn4JRelyingPartyOperations operations = new Webauthn4JRelyingPartyOperations(userEntities, credentials,
				PublicKeyCredentialRpEntity.builder().id(console.host()).name(NAME).build(), Set.of(origin));
		operations.setCustomizeCreationOptions(options -> options.authenticatorSelection(AuthenticatorSelectionCriteria
			.builder()
			.residentKey(ResidentKeyRequirement.PREFERRED)
			.userVerification(UserVerificationRequirement.REQUIRED)
			.build()));
		operations.setCustomizeRequestOptions(options -> options.userVerification(UserVerificationRequirement.REQUIRED));
		return operations;
	}

	/** The origin as the browser sees it: the console host only (the security chain answers no other). */
	private String origin(HttpServletRequest request) {
		String scheme = request.getScheme();
		int port = request.getServerPort();
		boolean defaultPort = ("https".equals(scheme) && port == 443) || ("http".equals(scheme) && port == 80);
		return scheme + "://" + console.host() + (defaultPort ? "" : ":" + port);
	}
}
