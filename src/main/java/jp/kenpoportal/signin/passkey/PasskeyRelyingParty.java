package jp.kenpoportal.signin.passkey;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;

import jp.kenpoportal.tenant.CurrentKenpo;
import jp.kenpoportal.tenant.Kenpo;

import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;
import org.springframework.stereotype.Component;

/**
 * One WebAuthn relying party per kenpo host: the RP ID is the host the member uses, the
 * origin the one the browser reports. User verification (biometrics or the device PIN) is
 * required, so a passkey alone is two factors; no authenticator attachment is set, so a
 * phone can serve a PC through the browser's cross-device QR flow.
 */
@Component
class PasskeyRelyingParty {

	private final PasskeyUserEntities userEntities;

	private final UserCredentialRepository credentials;

	private static final int MAX_CACHED = 256;

	private final Map<String, WebAuthnRelyingPartyOperations> byOrigin = new ConcurrentHashMap<>();

	PasskeyRelyingParty(PasskeyUserEntities userEntities, UserCredentialRepository credentials) {
		this.userEntities = userEntities;
		this.credentials = credentials;
	}

	WebAuthnRelyingPartyOperations forRequest(HttpServletRequest request) {
		Kenpo kenpo = CurrentKenpo.get();
		String origin = origin(request);
		if (byOrigin.size() > MAX_CACHED) {
			// the port comes from the Host header: never let it grow the cache without bound
			byOrigin.clear();
		}
		return byOrigin.computeIfAbsent(kenpo.id() + " " + origin, key -> create(kenpo, origin));
	}

	private WebAuthnRelyingPartyOperations create(Kenpo kenpo, String origin) {
		Webauthn4JRelyingPartyOperations operations = new Webauthn4JRelyingPartyOperations(userEntities, credentials,
				PublicKeyCredentialRpEntity.builder().id(kenpo.host()).name(kenpo.name()).build(), Set.of(origin));
		operations.setCustomizeCreationOptions(options -> options.authenticatorSelection(AuthenticatorSelectionCriteria
			.builder()
			.residentKey(ResidentKeyRequirement.REQUIRED)
			.userVerification(UserVerificationRequirement.REQUIRED)
			.build()));
		operations.setCustomizeRequestOptions(options -> options.userVerification(UserVerificationRequirement.REQUIRED));
		return operations;
	}

	/** The origin as the browser sees it (behind a proxy, from X-Forwarded-Proto and the Host header). */
	private static String origin(HttpServletRequest request) {
		String scheme = request.getScheme();
		int port = request.getServerPort();
		boolean defaultPort = ("https".equals(scheme) && port == 443) || ("http".equals(scheme) && port == 80);
		return scheme + "://" + request.getServerName() + (defaultPort ? "" : ":" + port);
	}
}
