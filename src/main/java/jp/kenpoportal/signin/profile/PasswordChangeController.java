package jp.kenpoportal.signin.profile;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import jp.kenpoportal.account.Account;
import jp.kenpoportal.account.Accounts;
import jp.kenpoportal.account.PasswordCheck;
import jp.kenpoportal.account.PolicyViolation;
import jp.kenpoportal.audit.AuditTrail;
import jp.kenpoportal.audit.AuditType;
import jp.kenpoportal.common.TypedInput;
import jp.kenpoportal.signin.NewPasswords;
import jp.kenpoportal.signin.RecentFactor;
import jp.kenpoportal.signin.SecurityNotices;
import jp.kenpoportal.signin.SessionControl;
import jp.kenpoportal.signin.SignedInAccount;
import jp.kenpoportal.tenant.CurrentKenpo;
import jp.kenpoportal.tenant.Kenpo;

import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** パスワードの変更: the current password and a new one by the kenpo's policy, after a recent second factor. */
@Controller
class PasswordChangeController {

	private static final String PATH = "/profile/password";

	private static final String VIEW = "profile/password";

	private final SignedInAccount signedIn;

	private final Accounts accounts;

	private final NewPasswords newPasswords;

	private final RecentFactor recentFactor;

	private final SessionControl sessions;

	private final SecurityNotices notices;

	private final AuditTrail audit;

	private final RequestCache requestCache = new HttpSessionRequestCache();

	private final TransactionTemplate tx;

	PasswordChangeController(SignedInAccount signedIn, Accounts accounts, NewPasswords newPasswords,
			RecentFactor recentFactor, SessionControl sessions, SecurityNotices notices, AuditTrail audit,
			TransactionTemplate tx) {
		this.tx = tx;
		this.signedIn = signedIn;
		this.accounts = accounts;
		this.newPasswords = newPasswords;
		this.recentFactor = recentFactor;
		this.sessions = sessions;
		this.notices = notices;
		this.audit = audit;
	}

	@GetMapping(PATH)
	String show(Model model, HttpServletRequest request, HttpServletResponse response) {
		Account account = signedIn.require();
		if (!recentFactor.proved(account)) {
			requestCache.saveRequest(request, response);
			return "redirect:" + account.secondFactor().signInPath() + "?reauth";
		}
		model.addAttribute("signOutOthers", true);
		return view(model, CurrentKenpo.get());
	}

	@PostMapping(PATH)
	String change(@RequestParam(defaultValue = "") String currentPassword,
			@RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "") String passwordConfirm,
			@RequestParam(defaultValue = "false") boolean signOutOthers, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		Kenpo kenpo = CurrentKenpo.get();
		Account account = signedIn.require();
		model.addAttribute("signOutOthers", signOutOthers);
		if (!recentFactor.proved(account)) {
			return "redirect:" + PATH;
		}
		PasswordCheck current = accounts.checkPassword(kenpo, account.loginId(), TypedInput.password(currentPassword));
		if (!current.accepted()) {
			if (current.outcome() == PasswordCheck.Outcome.LOCKED_NOW) {
				sessions.signOut(request, response);
				return "redirect:/login?locked";
			}
			model.addAttribute("errors", List.of(text(new PolicyViolation("profile.password.error.current"))));
			return view(model, kenpo);
		}
		String typed = TypedInput.password(password);
		List<String> errors = newPasswords.problems(kenpo, account, typed, TypedInput.password(passwordConfirm));
		if (typed.equals(TypedInput.password(currentPassword))) {
			errors.add(text(new PolicyViolation("profile.password.error.same")));
		}
		if (!errors.isEmpty()) {
			model.addAttribute("errors", errors);
			return view(model, kenpo);
		}
		// the change, its audit record and its notice mail stand or fall together
		tx.executeWithoutResult(status -> {
			accounts.changePassword(kenpo.id(), account.id(), typed);
			audit.record(kenpo.id(), account.id(), AuditType.PASSWORD_CHANGED, null);
			notices.send(kenpo, account, "notice.passwordChanged");
		});
		if (signOutOthers) {
			int ended = sessions.signOutOtherSessions(request);
			audit.record(kenpo.id(), account.id(), AuditType.OTHER_SESSIONS_SIGNED_OUT, ended + " sessions");
		}
		return "redirect:/profile?passwordChanged";
	}

	private String view(Model model, Kenpo kenpo) {
		newPasswords.describe(kenpo, model);
		return VIEW;
	}

	private String text(PolicyViolation v) {
		return newPasswords.text(v);
	}
}
