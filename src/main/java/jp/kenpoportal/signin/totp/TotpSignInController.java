package jp.kenpoportal.signin.totp;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import jp.kenpoportal.account.Account;
import jp.kenpoportal.account.Accounts;
import jp.kenpoportal.audit.AuditTrail;
import jp.kenpoportal.audit.AuditType;
import jp.kenpoportal.common.SecuritySettings;
import jp.kenpoportal.common.TypedInput;
import jp.kenpoportal.signin.SessionControl;
import jp.kenpoportal.signin.SignedInAccount;
import jp.kenpoportal.tenant.SecondFactor;

import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The second factor by an authenticator app (OTP アプリ認証). Five wrong codes end the
 * sign-in attempt, and such an attempt counts toward the account lock.
 */
@Controller
class TotpSignInController {

	private static final String FAILURES = TotpSignInController.class.getName() + ".failures";

	private static final String PAGE = "signin/mfa-totp";

	private final SignedInAccount signedIn;

	private final TotpCredentials credentials;

	private final Accounts accounts;

	private final SessionControl sessions;

	private final AuditTrail audit;

	private final SecuritySettings settings;

	private final RequestCache requestCache = new HttpSessionRequestCache();

	TotpSignInController(SignedInAccount signedIn, TotpCredentials credentials, Accounts accounts,
			SessionControl sessions, AuditTrail audit, SecuritySettings settings) {
		this.signedIn = signedIn;
		this.credentials = credentials;
		this.accounts = accounts;
		this.sessions = sessions;
		this.audit = audit;
		this.settings = settings;
	}

	@GetMapping("/mfa/totp")
	String show(Model model) {
		return usesTotp(signedIn.require()) ? PAGE : "redirect:/";
	}

	@PostMapping("/mfa/totp")
	String verify(@RequestParam(defaultValue = "") String code, Model model, HttpServletRequest request,
			HttpServletResponse response, HttpSession session) {
		Account account = signedIn.require();
		if (!usesTotp(account)) {
			return "redirect:/";
		}
		if (!TypedInput.digits(code).matches("\\d{6}")) {
			model.addAttribute("error", "code.error.malformed");
			return PAGE;
		}
		if (credentials.verify(account, code)) {
			session.removeAttribute(FAILURES);
			sessions.grantFactor(SecondFactor.TOTP.authority(), request, response);
			audit.record(account.kenpoId(), account.id(), AuditType.SIGN_IN_SECOND_FACTOR_ACCEPTED, "TOTP");
			SavedRequest saved = requestCache.getRequest(request, response);
			requestCache.removeRequest(request, response);
			return "redirect:" + (saved == null ? "/" : saved.getRedirectUrl());
		}
		int failures = (session.getAttribute(FAILURES) instanceof Integer n ? n : 0) + 1;
		session.setAttribute(FAILURES, failures);
		audit.record(account.kenpoId(), account.id(), AuditType.SECOND_FACTOR_FAILED, "TOTP " + failures);
		if (failures >= settings.emailCodeMaxAttempts()) {
			boolean locked = accounts.registerFailure(account.kenpoId(), account.id()).locked();
			if (locked) {
				audit.record(account.kenpoId(), account.id(), AuditType.ACCOUNT_LOCKED, "TOTP");
			}
			sessions.signOut(request, response);
			return "redirect:/login?" + (locked ? "locked" : "codeFailures");
		}
		model.addAttribute("error", "totp.error.wrong");
		return PAGE;
	}

	private static boolean usesTotp(Account account) {
		return account.onboarded() && account.secondFactor() == SecondFactor.TOTP;
	}
}
