package jp.kenpoportal.signin.passkey;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import jp.kenpoportal.account.Account;
import jp.kenpoportal.account.Accounts;
import jp.kenpoportal.audit.AuditTrail;
import jp.kenpoportal.audit.AuditType;
import jp.kenpoportal.common.TypedInput;
import jp.kenpoportal.signin.AccessEndedException;
import jp.kenpoportal.signin.MemberPrincipal;
import jp.kenpoportal.signin.QualificationAccess;
import jp.kenpoportal.signin.RecentFactor;
import jp.kenpoportal.signin.SecurityNotices;
import jp.kenpoportal.signin.SessionControl;
import jp.kenpoportal.signin.SignedInAccount;
import jp.kenpoportal.tenant.CurrentKenpo;
import jp.kenpoportal.tenant.Kenpo;
import jp.kenpoportal.tenant.SecondFactor;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.security.web.webauthn.api.AuthenticatorAssertionResponse;
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
 * The WebAuthn ceremonies, with Spring Security's relying-party operations (webauthn4j):
 * registering a passkey, and signing in with one — as the second factor after the
 * password, or alone from the sign-in page (a user-verified passkey is two factors).
 */
@RestController
class PasskeyCeremonyController {

	private static final String CREATION = PasskeyCeremonyController.class.getName() + ".creation";

	private static final String REQUEST = PasskeyCeremonyController.class.getName() + ".request";

	private static final int MAX_LABEL = 64;

	private final JsonMapper json = JsonMapper.builder().addModule(new WebauthnJacksonModule()).build();

	private final PasskeyRelyingParty relyingParty;

	private final PasskeyUserEntities userEntities;

	private final SignedInAccount signedIn;

	private final Accounts accounts;

	private final RecentFactor recentFactor;

	private final SessionControl sessions;

	private final AuditTrail audit;

	private final MessageSource messages;

	private final java.time.Clock clock;

	private final SecurityNotices notices;

	private final TransactionTemplate tx;

	private final QualificationAccess qualificationAccess;

	private final RequestCache requestCache = new HttpSessionRequestCache();

	PasskeyCeremonyController(PasskeyRelyingParty relyingParty, PasskeyUserEntities userEntities,
			SignedInAccount signedIn, Accounts accounts, RecentFactor recentFactor, SessionControl sessions,
			AuditTrail audit, MessageSource messages, java.time.Clock clock, SecurityNotices notices,
			TransactionTemplate tx, QualificationAccess qualificationAccess) {
		this.qualificationAccess = qualificationAccess;
		this.tx = tx;
		this.notices = notices;
		this.relyingParty = relyingParty;
		this.userEntities = userEntities;
		this.signedIn = signedIn;
		this.accounts = accounts;
		this.recentFactor = recentFactor;
		this.sessions = sessions;
		this.audit = audit;
		this.messages = messages;
		this.clock = clock;
	}

	@PostMapping(path = "/passkeys/register/options", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> registrationOptions(HttpServletRequest request, HttpSession session) {
		Optional<Account> account = signedIn.find().filter(this::mayEnrol);
		if (account.isEmpty()) {
			return refuse(403, "passkey.error.notAllowed");
		}
		userEntities.ensureHandle(account.get());
		PublicKeyCredentialCreationOptions options = relyingParty.forRequest(request)
			.createPublicKeyCredentialCreationOptions(new ImmutablePublicKeyCredentialCreationOptionsRequest(
					SecurityContextHolder.getContext().getAuthentication()));
		session.setAttribute(CREATION, options);
		return ResponseEntity.ok(json.writeValueAsString(options));
	}

	@PostMapping(path = "/passkeys/register", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> register(HttpServletRequest request, HttpSession session) throws IOException {
		Optional<Account> account = signedIn.find().filter(this::mayEnrol);
		PublicKeyCredentialCreationOptions options = (PublicKeyCredentialCreationOptions) session.getAttribute(CREATION);
		session.removeAttribute(CREATION);
		if (account.isEmpty() || options == null) {
			return refuse(403, "passkey.error.notAllowed");
		}
		Registration body = json.readValue(request.getInputStream(), Registration.class);
		String label = TypedInput.text(body.publicKey().getLabel());
		if (label.isEmpty() || label.length() > MAX_LABEL) {
			return refuse(400, "passkey.error.label");
		}
		Account member = account.get();
		// the passkey, its audit record and its notice commit together
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
			audit.record(member.kenpoId(), member.id(), AuditType.PASSKEY_REGISTERED, label);
			if (member.onboarded()) {
				notices.send(CurrentKenpo.get(), member, "notice.passkeyAdded");
			}
			return null;
		});
		if (failure != null) {
			audit.record(member.kenpoId(), member.id(), AuditType.SECOND_FACTOR_FAILED,
					"PASSKEY registration: " + failure);
			return refuse(400, "passkey.error.registration");
		}
		return ResponseEntity.ok(json.writeValueAsString(Map.of("success", true)));
	}

	@PostMapping(path = "/passkeys/authenticate/options", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> authenticationOptions(HttpServletRequest request, HttpSession session) {
		Authentication current = SecurityContextHolder.getContext().getAuthentication();
		PublicKeyCredentialRequestOptions options = relyingParty.forRequest(request)
			.createCredentialRequestOptions(new ImmutablePublicKeyCredentialRequestOptionsRequest(
					current != null ? current : new AnonymousAuthenticationToken("passkey", "anonymous",
							List.of(new SimpleGrantedAuthority("ROLE_ANONYMOUS")))));
		session.setAttribute(REQUEST, options);
		return ResponseEntity.ok(json.writeValueAsString(options));
	}

	@PostMapping(path = "/passkeys/authenticate", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> authenticate(HttpServletRequest request, HttpServletResponse response,
			HttpSession session) throws IOException {
		Kenpo kenpo = CurrentKenpo.get();
		PublicKeyCredentialRequestOptions options = (PublicKeyCredentialRequestOptions) session.getAttribute(REQUEST);
		session.removeAttribute(REQUEST);
		if (options == null) {
			return refuse(400, "passkey.error.signIn");
		}
		PublicKeyCredential<AuthenticatorAssertionResponse> credential = json.readValue(request.getInputStream(),
				new TypeReference<PublicKeyCredential<AuthenticatorAssertionResponse>>() {
				});
		Optional<Account> account;
		try {
			PublicKeyCredentialUserEntity user = relyingParty.forRequest(request)
				.authenticate(new RelyingPartyAuthenticationRequest(options, credential));
			account = userEntities.accountOf(kenpo.id(), user.getId()).flatMap(id -> accounts.find(kenpo.id(), id));
		}
		catch (RuntimeException e) {
			account = Optional.empty();
		}
		// not filtered by what the kenpo offers: a member keeps signing in with the factor they
		// use until they switch, as with the app and the mail code (only new enrolments stop)
		Optional<Account> usable = account.filter(a -> a.onboarded() && a.secondFactor() == SecondFactor.PASSKEY
				&& !a.lockedAt(clock.instant()));
		if (usable.isEmpty()) {
			audit.record(kenpo.id(), account.map(Account::id).orElse(null), AuditType.SECOND_FACTOR_FAILED, "PASSKEY");
			return refuse(401, "passkey.error.signIn");
		}
		Account member = usable.get();
		try {
			qualificationAccess.refuseIfEnded(kenpo, member, "PASSKEY");
		}
		catch (AccessEndedException e) {
			return refuseWith(403, qualificationAccess.message(kenpo));
		}
		boolean secondFactor = signedIn.principal().map(p -> p.accountId() == member.id()).orElse(false);
		if (secondFactor) {
			sessions.grantFactor(SecondFactor.PASSKEY.authority(), request, response);
			accounts.clearFailures(member.kenpoId(), member.id());
		}
		else {
			signInWithPasskeyAlone(member, request, response);
		}
		audit.record(kenpo.id(), member.id(), AuditType.SIGN_IN_SECOND_FACTOR_ACCEPTED,
				secondFactor ? "PASSKEY" : "PASSKEY alone");
		SavedRequest saved = requestCache.getRequest(request, response);
		requestCache.removeRequest(request, response);
		String target = saved == null ? "/" : saved.getRedirectUrl();
		return ResponseEntity.ok(json.writeValueAsString(Map.of("authenticated", true, "redirectUrl", target)));
	}

	/** A user-verified passkey is something the member has and is (or knows): two factors at once. */
	private void signInWithPasskeyAlone(Account member, HttpServletRequest request, HttpServletResponse response) {
		var token = UsernamePasswordAuthenticationToken.authenticated(
				new MemberPrincipal(member.id(), member.kenpoId()), null,
				List.of(FactorGrantedAuthority.withAuthority(SecondFactor.PASSKEY.authority())
					.issuedAt(clock.instant())
					.build(), new SimpleGrantedAuthority("ROLE_MEMBER")));
		sessions.signIn(token, request, response);
		accounts.clearFailures(member.kenpoId(), member.id());
	}

	/**
	 * With the password alone only during first registration, after the mail address is
	 * confirmed and passkeys were chosen; afterwards only right after proving the current
	 * second factor, so a stolen password cannot add a passkey. Never once the kenpo stopped
	 * offering passkeys: members who have one keep it, nobody adds one.
	 */
	private boolean mayEnrol(Account account) {
		Kenpo kenpo = CurrentKenpo.get();
		if (!kenpo.offers(SecondFactor.PASSKEY)) {
			return false;
		}
		if (!account.onboarded()) {
			return account.emailVerified() && account.secondFactor() == SecondFactor.PASSKEY
					&& account.userIdConfirmedAt() != null && account.secondFactorEnrolledAt() == null;
		}
		return recentFactor.proved(account);
	}

	private ResponseEntity<String> refuse(int status, String key) {
		return refuseWith(status, messages.getMessage(key, null, Locale.JAPANESE));
	}

	private ResponseEntity<String> refuseWith(int status, String message) {
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_JSON)
			.body(json.writeValueAsString(Map.of("error", message)));
	}

	/** The body the browser posts after navigator.credentials.create. */
	record Registration(RelyingPartyPublicKey publicKey) {
	}
}
