package jp.kenpoportal.admin.passkey;

import java.io.IOException;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import jp.kenpoportal.admin.security.ConsoleSession;
import jp.kenpoportal.admin.security.CurrentStaff;
import jp.kenpoportal.admin.staff.StaffAccount;
import jp.kenpoportal.admin.staff.StaffAccounts;
import jp.kenpoportal.audit.AuditTrail;
import jp.kenpoportal.audit.AuditType;
import jp.kenpoportal.common.TypedInput;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.webauthn.api.AuthenticatorAssertionResponse;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.PublicKeyCredential;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.jackson.WebauthnJacksonModule;
import org.springframework.security.web.webauthn.management.ImmutablePublicKeyCredentialCreationOptionsRequest;
import org.springframework.security.web.webauthn.management.ImmutablePublicKeyCredentialRequestOptionsRequest;
import org.springframework.security.web.webauthn.management.ImmutableRelyingPartyRegistrationRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyAuthenticationRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyPublicKey;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The WebAuthn ceremonies of staff on the console host (the paths passkey.js uses; the members'
 * controller answers them on kenpo hosts only): registering the passkey on the first sign-in,
 * and proving it after the password. Only a passkey of the console's own store, belonging to the
 * staff member who typed the password, is accepted: never a member's, never a colleague's.
 */
@RestController
class StaffPasskeyCeremonyController {

	private static final String CREATION = StaffPasskeyCeremonyController.class.getName() + ".creation";

	private static final String REQUEST = StaffPasskeyCeremonyController.class.getName() + ".request";

	private static final int MAX_LABEL = 64;

	private static final Logger LOG = LoggerFactory.getLogger(StaffPasskeyCeremonyController.class);

	private final JsonMapper json = JsonMapper.builder().addModule(new WebauthnJacksonModule()).build();

	private final StaffRelyingParty relyingParty;

	private final StaffPasskeys passkeys;

	private final CurrentStaff current;

	private final StaffAccounts accounts;

	private final ConsoleSession session;

	private final AuditTrail audit;

	private final MessageSource messages;

	private final Clock clock;

	private final TransactionTemplate tx;

	StaffPasskeyCeremonyController(StaffRelyingParty relyingParty, StaffPasskeys passkeys, CurrentStaff current,
			StaffAccounts accounts, ConsoleSession session, AuditTrail audit, MessageSource messages, Clock clock,
			TransactionTemplate tx) {
		this.relyingParty = relyingParty;
		this.passkeys = passkeys;
		this.current = current;
		this.accounts = accounts;
		this.session = session;
		this.audit = audit;
		this.messages = messages;
		this.clock = clock;
		this.tx = tx;
	}

	@PostMapping(path = "/passkeys/register/options", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> registrationOptions(HttpServletRequest request, HttpSession http) {
		Optional<StaffAccount> staff = current.find().filter(s -> mayEnrol(s, request));
		if (staff.isEmpty()) {
			return refuse(403, "console.passkey.error.notAllowed");
		}
		relyingParty.userEntities().ensureHandle(staff.get().id());
		PublicKeyCredentialCreationOptions options = relyingParty.forRequest(request)
			.createPublicKeyCredentialCreationOptions(new ImmutablePublicKeyCredentialCreationOptionsRequest(
					SecurityContextHolder.getContext().getAuthentication()));
		http.setAttribute(CREATION, options);
		return ResponseEntity.ok(json.writeValueAsString(options));
	}

	@PostMapping(path = "/passkeys/register", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> register(HttpServletRequest request, HttpServletResponse response, HttpSession http)
			throws IOException {
		Optional<StaffAccount> found = current.find().filter(s -> mayEnrol(s, request));
		PublicKeyCredentialCreationOptions options = (PublicKeyCredentialCreationOptions) http.getAttribute(CREATION);
		http.removeAttribute(CREATION);
		if (found.isEmpty() || options == null) {
			return refuse(403, "console.passkey.error.notAllowed");
		}
		Registration body = json.readValue(request.getInputStream(), Registration.class);
		String label = TypedInput.text(body.publicKey().getLabel());
		if (label.isEmpty() || label.length() > MAX_LABEL) {
			return refuse(400, "console.passkey.error.label");
		}
		StaffAccount staff = found.get();
		// the passkey and its audit record commit together
		String failure = tx.execute(status -> {
			try {
				relyingParty.forRequest(request)
					.registerCredential(new ImmutableRelyingPartyRegistrationRequest(options,
							new RelyingPartyPublicKey(body.publicKey().getCredential(), label)));
			}
			catch (RuntimeException e) {
				status.setRollbackOnly();
				return String.valueOf(e.getMessage());
			}
			audit.recordStaff(staff.kenpoId(), null, staff.id(), AuditType.STAFF_PASSKEY_ENROLLED, label);
			return null;
		});
		if (failure != null) {
			audit.recordStaff(staff.kenpoId(), null, staff.id(), AuditType.STAFF_SECOND_FACTOR_FAILED,
					"PASSKEY registration: " + failure);
			return refuse(400, "console.passkey.error.registration");
		}
		// a user-verified new passkey proves the second factor, as the app's first code does
		http.removeAttribute(StaffPasskeys.CHOICE);
		succeed(staff, "PASSKEY enrolment", request, response);
		return ResponseEntity.ok(json.writeValueAsString(Map.of("success", true)));
	}

	@PostMapping(path = "/passkeys/authenticate/options", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> authenticationOptions(HttpServletRequest request, HttpSession http) {
		Optional<StaffAccount> staff = current.find().filter(passkeys::enrolled);
		if (staff.isEmpty()) {
			return refuse(403, "console.passkey.error.signIn");
		}
		// allowCredentials: the passkeys of the staff member who typed the password, nobody else's
		PublicKeyCredentialRequestOptions options = relyingParty.forRequest(request)
			.createCredentialRequestOptions(new ImmutablePublicKeyCredentialRequestOptionsRequest(
					SecurityContextHolder.getContext().getAuthentication()));
		http.setAttribute(REQUEST, options);
		return ResponseEntity.ok(json.writeValueAsString(options));
	}

	@PostMapping(path = "/passkeys/authenticate", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> authenticate(HttpServletRequest request, HttpServletResponse response, HttpSession http)
			throws IOException {
		PublicKeyCredentialRequestOptions options = (PublicKeyCredentialRequestOptions) http.getAttribute(REQUEST);
		http.removeAttribute(REQUEST);
		Optional<StaffAccount> found = current.find().filter(passkeys::enrolled);
		if (found.isEmpty() || options == null) {
			return refuse(403, "console.passkey.error.signIn");
		}
		StaffAccount staff = found.get();
		if (staff.lockedAt(clock.instant())) {
			// locked meanwhile (by failures in another browser): no passkey is accepted until it ends
			session.signOut(request, response);
			return refuse(401, "console.passkey.error.locked");
		}
		if (!provedOwnPasskey(staff, options, request)) {
			return refuseSignIn(staff, request, response);
		}
		succeed(staff, "PASSKEY", request, response);
		String target = session.takeContinue(request);
		return ResponseEntity.ok(json.writeValueAsString(Map.of("authenticated", true, "redirectUrl", target)));
	}

	/** The assertion verifies (challenge, origin, RP ID, signature, user verification) and names this staff member. */
	private boolean provedOwnPasskey(StaffAccount staff, PublicKeyCredentialRequestOptions options,
			HttpServletRequest request) {
		try {
			PublicKeyCredential<AuthenticatorAssertionResponse> credential = json.readValue(request.getInputStream(),
					new TypeReference<PublicKeyCredential<AuthenticatorAssertionResponse>>() {
					});
			PublicKeyCredentialUserEntity user = relyingParty.forRequest(request)
				.authenticate(new RelyingPartyAuthenticationRequest(options, credential));
			Optional<Bytes> own = relyingParty.userEntities().handleOf(staff.id());
			return user != null && own.isPresent() && own.get().equals(user.getId());
		}
		catch (RuntimeException | IOException e) {
			// why it was refused (unknown credential, not this staff member's, bad signature) is for the log only
			LOG.debug("staff passkey refused: {}", e.toString());
			return false;
		}
	}

	private void succeed(StaffAccount staff, String detail, HttpServletRequest request, HttpServletResponse response) {
		accounts.completeSignIn(staff.id());
		audit.recordStaff(staff.kenpoId(), null, staff.id(), AuditType.STAFF_SECOND_FACTOR_ACCEPTED, detail);
		session.grantSecondFactor(staff, request, response);
	}

	/** A refused passkey counts toward the same lock as wrong passwords and codes. */
	private ResponseEntity<String> refuseSignIn(StaffAccount staff, HttpServletRequest request,
			HttpServletResponse response) {
		boolean locked = accounts.registerFailure(staff.id());
		audit.recordStaff(staff.kenpoId(), null, staff.id(),
				locked ? AuditType.STAFF_LOCKED : AuditType.STAFF_SECOND_FACTOR_FAILED, "PASSKEY");
		if (locked) {
			session.signOut(request, response);
			return refuse(401, "console.passkey.error.locked");
		}
		return refuse(401, "console.passkey.error.signIn");
	}

	/**
	 * Only on the first sign-in, after the password, once the passkey was chosen and while no
	 * factor is enrolled: a stolen password can never add a passkey to an enrolled account.
	 */
	private boolean mayEnrol(StaffAccount staff, HttpServletRequest request) {
		return !staff.totpEnrolled() && !passkeys.enrolled(staff) && !staff.lockedAt(clock.instant())
				&& StaffPasskeys.PASSKEY.equals(StaffPasskeys.choice(request));
	}

	private ResponseEntity<String> refuse(int status, String key) {
		String message = messages.getMessage(key, null, Locale.JAPANESE);
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_JSON)
			.body(json.writeValueAsString(Map.of("error", message)));
	}

	/** The body the browser posts after navigator.credentials.create. */
	record Registration(RelyingPartyPublicKey publicKey) {
	}
}
