package jp.kenpoportal.signin.totp;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import jp.kenpoportal.account.Account;
import jp.kenpoportal.account.Accounts;
import jp.kenpoportal.audit.AuditTrail;
import jp.kenpoportal.audit.AuditType;
import jp.kenpoportal.common.TypedInput;
import jp.kenpoportal.signin.SessionControl;
import jp.kenpoportal.signin.SignedInAccount;
import jp.kenpoportal.tenant.SecondFactor;

import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The second factor by an authenticator app (OTP アプリ認証). Every wrong code counts toward
 * the account lock; the lock ends the sign-in attempt.
 */
@Controller
class TotpSignInController {

	private static final String PAGE = "signin/mfa-totp";

	private final SignedInAccount signedIn;

	private final TotpCredentials credentials;

	private final Accounts accounts;

	private final SessionControl sessions;

	private final AuditTrail audit;

	private final java.time.Clock clock;

	private final RequestCache requestCache = new HttpSessionRequestCache();

	private final TransactionOperations tx;

	TotpSignInController(SignedInAccount signedIn, TotpCredentials credentials, Accounts accounts,
			SessionControl sessions, AuditTrail audit, java.time.Clock clock, TransactionOperations tx) {
		this.signedIn = signedIn;
		this.credentials = credentials;
		this.accounts = accounts;
		this.sessions = sessions;
		this.audit = audit;
		this.clock = clock;
		this.tx = tx;
	}

	@GetMapping("/mfa/totp")
	String show(Model model) {
		return usesTotp(signedIn.require()) ? PAGE : "redirect:/";
	}

	@PostMapping("/mfa/totp")
	String verify(@RequestParam(defaultValue = "") String code, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		Account account = signedIn.require();
		if (!usesTotp(account)) {
			return "redirect:/";
		}
		if (account.lockedAt(clock.instant())) {
			sessions.signOut(request, response);
			return "redirect:/login?locked";
		}
		if (!TypedInput.digits(code).matches("\\d{6}")) {
			model.addAttribute("error", "code.error.malformed");
			return PAGE;
		}
		if (accepted(account, code)) {
			sessions.grantFactor(SecondFactor.TOTP.authority(), request, response);
			SavedRequest saved = requestCache.getRequest(request, response);
			requestCache.removeRequest(request, response);
			return "redirect:" + (saved == null ? "/" : saved.getRedirectUrl());
		}
		// counted in the database, atomically: parallel guesses cannot slip past the lock, and
		// a new password sign-in does not reset the count (only a complete sign-in does)
		audit.record(account.kenpoId(), account.id(), AuditType.SECOND_FACTOR_FAILED, "TOTP");
		if (accounts.registerFailure(account.kenpoId(), account.id()).locked()) {
			sessions.signOut(request, response);
			return "redirect:/login?locked";
		}
		model.addAttribute("error", "totp.error.wrong");
		return PAGE;
	}

	/**
	 * The code checked and, when right, its step used up, the failure count cleared and the sign-in
	 * audited: one transaction, one commit (three before), all or nothing as before.
	 */
	private boolean accepted(Account account, String code) {
		return Boolean.TRUE.equals(tx.execute(status -> {
			if (!credentials.verify(account, code)) {
				return false;
			}
			accounts.clearFailures(account.kenpoId(), account.id());
			audit.record(account.kenpoId(), account.id(), AuditType.SIGN_IN_SECOND_FACTOR_ACCEPTED, "TOTP");
			return true;
		}));
	}

	private static boolean usesTotp(Account account) {
		return account.onboarded() && account.secondFactor() == SecondFactor.TOTP;
	}
}
