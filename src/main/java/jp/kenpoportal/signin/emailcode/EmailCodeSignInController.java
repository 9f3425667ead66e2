package jp.kenpoportal.signin.emailcode;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import jp.kenpoportal.account.Account;
import jp.kenpoportal.account.Accounts;
import jp.kenpoportal.audit.AuditTrail;
import jp.kenpoportal.audit.AuditType;
import jp.kenpoportal.signin.SessionControl;
import jp.kenpoportal.signin.SignedInAccount;
import jp.kenpoportal.tenant.CurrentKenpo;
import jp.kenpoportal.tenant.Kenpo;
import jp.kenpoportal.tenant.SecondFactor;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;

/** The second factor at sign-in by a code sent to the registered address (OTP メール認証). */
@Controller
class EmailCodeSignInController {

	private static final String PAGE = "signin/mfa-email";

	private final SignedInAccount signedIn;

	private final EmailCodes codes;

	private final Accounts accounts;

	private final SessionControl sessions;

	private final AuditTrail audit;

	private final RequestCache requestCache = new HttpSessionRequestCache();

	private final java.time.Clock clock;

	EmailCodeSignInController(SignedInAccount signedIn, EmailCodes codes, Accounts accounts, SessionControl sessions,
			AuditTrail audit, java.time.Clock clock) {
		this.clock = clock;
		this.signedIn = signedIn;
		this.codes = codes;
		this.accounts = accounts;
		this.sessions = sessions;
		this.audit = audit;
	}

	@GetMapping("/mfa/email")
	String show(Model model) {
		Account account = signedIn.require();
		if (!usesEmailCode(account)) {
			return "redirect:/";
		}
		Kenpo kenpo = CurrentKenpo.get();
		boolean sent = codes.ensureSent(kenpo, account.id(), CodePurpose.SIGN_IN, account.email());
		return page(model, account, sent ? null : "code.error.tooMany");
	}

	@PostMapping("/mfa/email")
	String verify(@RequestParam(defaultValue = "") String code, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		Account account = signedIn.require();
		if (!usesEmailCode(account)) {
			return "redirect:/";
		}
		Kenpo kenpo = CurrentKenpo.get();
		if (account.lockedAt(clock.instant())) {
			sessions.signOut(request, response);
			return "redirect:/login?locked";
		}
		CodeCheck check = codes.check(account.id(), CodePurpose.SIGN_IN, code);
		if (check == CodeCheck.ACCEPTED) {
			accounts.clearFailures(kenpo.id(), account.id());
			sessions.grantFactor(SecondFactor.EMAIL_CODE.authority(), request, response);
			audit.record(kenpo.id(), account.id(), AuditType.SIGN_IN_SECOND_FACTOR_ACCEPTED, "EMAIL_CODE");
			SavedRequest saved = requestCache.getRequest(request, response);
			requestCache.removeRequest(request, response);
			return "redirect:" + (saved == null ? "/" : saved.getRedirectUrl());
		}
		audit.record(kenpo.id(), account.id(), AuditType.SECOND_FACTOR_FAILED, check.name());
		// every wrong code counts toward the account lock, and only a complete sign-in resets
		// the count: guessing stays bounded across resends and new password sign-ins
		if (check != CodeCheck.MALFORMED && accounts.registerFailure(kenpo.id(), account.id()).locked()) {
			sessions.signOut(request, response);
			return "redirect:/login?locked";
		}
		return page(model, account, check.messageKey());
	}

	@PostMapping("/mfa/email/resend")
	String resend(Model model, HttpServletRequest request) {
		Account account = signedIn.require();
		if (!usesEmailCode(account)) {
			return "redirect:/";
		}
		Kenpo kenpo = CurrentKenpo.get();
		EmailCodeResends.Resend resend = codes.resend(kenpo, account.id(), CodePurpose.SIGN_IN, account.email(),
				request.getRemoteAddr());
		if (!resend.allowed()) {
			model.addAttribute("errorArg", resend.refusalArg());
			return page(model, account, resend.refusal());
		}
		audit.record(kenpo.id(), account.id(), AuditType.EMAIL_CODE_SENT, "SIGN_IN resend");
		model.addAttribute("resent", true);
		return page(model, account, null);
	}

	private String page(Model model, Account account, String errorKey) {
		model.addAttribute("maskedEmail", MaskedEmail.of(account.email()));
		model.addAttribute("error", errorKey);
		model.addAttribute("resendWait", codes.waitBeforeResend(account.id(), CodePurpose.SIGN_IN).toSeconds());
		return PAGE;
	}

	private static boolean usesEmailCode(Account account) {
		return account.onboarded() && account.secondFactor() == SecondFactor.EMAIL_CODE;
	}
}
