package jp.kenpoportal.signin.profile;

import java.util.EnumSet;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import jp.kenpoportal.account.Account;
import jp.kenpoportal.audit.AuditTrail;
import jp.kenpoportal.audit.AuditType;
import jp.kenpoportal.common.EmailAddress;
import jp.kenpoportal.common.TypedInput;
import jp.kenpoportal.signin.RecentFactor;
import jp.kenpoportal.signin.SessionControl;
import jp.kenpoportal.signin.SignedInAccount;
import jp.kenpoportal.signin.emailcode.CodeCheck;
import jp.kenpoportal.signin.emailcode.EmailCodeResends;
import jp.kenpoportal.signin.emailcode.EmailVerifications;
import jp.kenpoportal.tenant.CurrentKenpo;
import jp.kenpoportal.tenant.Kenpo;

import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * プロフィール変更: the mail address (changed only once the new one is confirmed), the
 * member's signed-in browsers, and the sign-in history. The password has its own page.
 * Changes need the second factor proved in the last five minutes.
 */
@Controller
class ProfileController {

	static final String PATH = "/profile";

	/**
	 * One row per sign-in or failed attempt: a complete sign-in (second factor accepted after
	 * the password, or a passkey alone; the first registration ends in one too), a wrong
	 * password, a wrong second factor, a lock. The accepted password is only half a sign-in
	 * and signing out none, so neither is listed.
	 */
	private static final Set<AuditType> HISTORY = EnumSet.of(AuditType.SIGN_IN_SECOND_FACTOR_ACCEPTED,
			AuditType.ONBOARDING_COMPLETED, AuditType.SIGN_IN_FAILED, AuditType.SECOND_FACTOR_FAILED,
			AuditType.ACCOUNT_LOCKED);

	private static final int HISTORY_SIZE = 20;

	private final SignedInAccount signedIn;

	private final RecentFactor recentFactor;

	private final EmailVerifications verifications;

	private final SessionControl sessions;

	private final AuditTrail audit;

	private final EmailCodeResends resends;

	private final RequestCache requestCache = new HttpSessionRequestCache();

	ProfileController(SignedInAccount signedIn, RecentFactor recentFactor, EmailVerifications verifications,
			SessionControl sessions, AuditTrail audit, EmailCodeResends resends) {
		this.resends = resends;
		this.signedIn = signedIn;
		this.recentFactor = recentFactor;
		this.verifications = verifications;
		this.sessions = sessions;
		this.audit = audit;
	}

	@GetMapping(PATH)
	String show(Model model, HttpServletRequest request) {
		Account account = signedIn.require();
		model.addAttribute("email", account.email());
		model.addAttribute("publicationMail", account.publicationMail());
		model.addAttribute("recent", recentFactor.proved(account));
		model.addAttribute("pending", verifications.pending(account.id()).orElse(null));
		model.addAttribute("sessions", sessions.sessionsOf(request));
		model.addAttribute("history", audit.recent(account.kenpoId(), account.id(), HISTORY, HISTORY_SIZE));
		if (!model.containsAttribute("newEmail")) {
			model.addAttribute("newEmail", "");
		}
		// 全てのデバイスからサインアウトする: left to the member (a new provider is no reason to sign
		// out the phone), unlike the password page, where it is ticked at first
		if (!model.containsAttribute("signOutOthers")) {
			model.addAttribute("signOutOthers", false);
		}
		return "profile/profile";
	}

	/** Proving the second factor again, then back to the profile. */
	@GetMapping(PATH + "/verify")
	String reauthenticate(HttpServletRequest request, HttpServletResponse response) {
		Account account = signedIn.require();
		if (recentFactor.proved(account)) {
			return "redirect:" + PATH;
		}
		requestCache.saveRequest(request, response);
		return "redirect:" + account.secondFactor().signInPath() + "?reauth";
	}

	/**
	 * Sends the confirmation to the new address. With 全てのデバイスからサインアウトする the
	 * change signs out every other session of the account once it is confirmed (maybe by the
	 * link on another device), keeping this browser's.
	 */
	@PostMapping(PATH + "/email")
	String changeEmail(@RequestParam(defaultValue = "") String newEmail,
			@RequestParam(defaultValue = "false") boolean signOutOthers, Model model, HttpServletRequest request) {
		Kenpo kenpo = CurrentKenpo.get();
		Account account = signedIn.require();
		model.addAttribute("newEmail", newEmail);
		model.addAttribute("signOutOthers", signOutOthers);
		if (!recentFactor.proved(account)) {
			model.addAttribute("error", "profile.error.reauth");
			return show(model, request);
		}
		String address = TypedInput.email(newEmail);
		if (!EmailAddress.isValid(address)) {
			model.addAttribute("emailError", "onboarding.email.error.format");
			return show(model, request);
		}
		if (address.equals(account.email())) {
			model.addAttribute("emailError", "profile.email.error.same");
			return show(model, request);
		}
		boolean earlier = verifications.pending(account.id()).isPresent();
		if (!resends.takeForTypedAddress(account.id(), earlier, request.getRemoteAddr()).allowed()) {
			model.addAttribute("emailError", "code.error.tooMany");
			return show(model, request);
		}
		verifications.send(kenpo, account.id(), address, signOutOthers ? sessions.markThisSession(request) : null);
		audit.record(kenpo.id(), account.id(), AuditType.EMAIL_VERIFICATION_SENT,
				signOutOthers ? "change, sign out others" : "change");
		return "redirect:" + PATH + "?emailSent";
	}

	@PostMapping(PATH + "/email/code")
	String confirmEmail(@RequestParam(defaultValue = "") String code, Model model, HttpServletRequest request) {
		Kenpo kenpo = CurrentKenpo.get();
		Account account = signedIn.require();
		CodeCheck check = verifications.confirmByCode(kenpo.id(), account.id(), code);
		if (check != CodeCheck.ACCEPTED) {
			model.addAttribute("codeError", check.messageKey());
			return show(model, request);
		}
		audit.record(kenpo.id(), account.id(), AuditType.EMAIL_CHANGED, null);
		return "redirect:" + PATH + "?emailChanged";
	}

	@PostMapping(PATH + "/sessions/end")
	String endSession(@RequestParam(defaultValue = "") String session, HttpServletRequest request) {
		Account account = signedIn.require();
		if (sessions.end(request, session)) {
			audit.record(account.kenpoId(), account.id(), AuditType.OTHER_SESSIONS_SIGNED_OUT, "1 session");
		}
		return "redirect:" + PATH + "?sessionEnded";
	}

	@PostMapping(PATH + "/sessions/end-others")
	String endOtherSessions(HttpServletRequest request) {
		Account account = signedIn.require();
		int ended = sessions.signOutOtherSessions(request);
		audit.record(account.kenpoId(), account.id(), AuditType.OTHER_SESSIONS_SIGNED_OUT, ended + " sessions");
		return "redirect:" + PATH + "?sessionsEnded";
	}
}
