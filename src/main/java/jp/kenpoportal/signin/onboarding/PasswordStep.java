package jp.kenpoportal.signin.onboarding;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import jp.kenpoportal.account.Account;
import jp.kenpoportal.account.Accounts;
import jp.kenpoportal.account.PolicyViolation;
import jp.kenpoportal.audit.AuditTrail;
import jp.kenpoportal.audit.AuditType;
import jp.kenpoportal.common.TypedInput;
import jp.kenpoportal.signin.NewPasswords;
import jp.kenpoportal.signin.SessionControl;
import jp.kenpoportal.signin.SignedInAccount;
import jp.kenpoportal.tenant.CurrentKenpo;
import jp.kenpoportal.tenant.Kenpo;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** パスワードの更新: a new password by the kenpo's policy, the rules shown before typing. */
@Controller
class PasswordStep implements OnboardingStep {

	static final String PATH = "/onboarding/password";

	private static final String VIEW = "onboarding/password";

	private final SignedInAccount signedIn;

	private final Accounts accounts;

	private final NewPasswords newPasswords;

	private final SessionControl sessions;

	private final AuditTrail audit;

	PasswordStep(SignedInAccount signedIn, Accounts accounts, NewPasswords newPasswords, SessionControl sessions,
			AuditTrail audit) {
		this.signedIn = signedIn;
		this.accounts = accounts;
		this.newPasswords = newPasswords;
		this.sessions = sessions;
		this.audit = audit;
	}

	@Override
	public String path() {
		return PATH;
	}

	@Override
	public String name() {
		return "password";
	}

	@Override
	public boolean isPending(Account account, Kenpo kenpo) {
		return !account.hasPassword();
	}

	@GetMapping(PATH)
	String show(Model model) {
		model.addAttribute("signOutOthers", false);
		return view(model, CurrentKenpo.get());
	}

	@PostMapping(PATH)
	String submit(@RequestParam(defaultValue = "") String password,
			@RequestParam(defaultValue = "") String passwordConfirm,
			@RequestParam(defaultValue = "false") boolean signOutOthers, Model model, HttpServletRequest request) {
		Kenpo kenpo = CurrentKenpo.get();
		Account account = signedIn.require();
		model.addAttribute("signOutOthers", signOutOthers);
		String typed = TypedInput.password(password);
		List<String> errors = newPasswords.problems(kenpo, account, typed, TypedInput.password(passwordConfirm));
		if (errors.isEmpty() && accounts.isInitialPassword(kenpo.id(), account.id(), typed)) {
			errors.add(newPasswords.text(new PolicyViolation("onboarding.password.error.initial")));
		}
		if (!errors.isEmpty()) {
			model.addAttribute("errors", errors);
			return view(model, kenpo);
		}
		accounts.changePassword(kenpo.id(), account.id(), typed);
		audit.record(kenpo.id(), account.id(), AuditType.ONBOARDING_STEP_COMPLETED, name());
		if (signOutOthers) {
			int ended = sessions.signOutOtherSessions(request);
			audit.record(kenpo.id(), account.id(), AuditType.OTHER_SESSIONS_SIGNED_OUT, ended + " sessions");
		}
		return "redirect:/onboarding";
	}

	private String view(Model model, Kenpo kenpo) {
		newPasswords.describe(kenpo, model);
		return VIEW;
	}
}
