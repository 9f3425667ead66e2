package jp.kenpoportal.signin.onboarding;

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
import jp.kenpoportal.tenant.KenpoDirectory;
import jp.kenpoportal.tenant.Terms;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 利用規約: 同意する records the version; 同意しない signs out. A new version asks again. */
@Controller
class TermsStep implements OnboardingStep {

	static final String PATH = "/onboarding/terms";

	private final SignedInAccount signedIn;

	private final KenpoDirectory kenpos;

	private final Accounts accounts;

	private final SessionControl sessions;

	private final AuditTrail audit;

	TermsStep(SignedInAccount signedIn, KenpoDirectory kenpos, Accounts accounts, SessionControl sessions,
			AuditTrail audit) {
		this.signedIn = signedIn;
		this.kenpos = kenpos;
		this.accounts = accounts;
		this.sessions = sessions;
		this.audit = audit;
	}

	@Override
	public String path() {
		return PATH;
	}

	@Override
	public String name() {
		return "terms";
	}

	@Override
	public boolean isPending(Account account, Kenpo kenpo) {
		return kenpos.currentTerms(kenpo.id())
			.map(t -> account.termsVersion() == null || account.termsVersion() < t.version())
			.orElse(false);
	}

	@GetMapping(PATH)
	String show(Model model) {
		Kenpo kenpo = CurrentKenpo.get();
		Account account = signedIn.require();
		model.addAttribute("terms", kenpos.currentTerms(kenpo.id()).orElseThrow());
		model.addAttribute("revised", account.termsVersion() != null);
		return "onboarding/terms";
	}

	@PostMapping(PATH)
	String submit(@RequestParam(defaultValue = "") String decision, @RequestParam(defaultValue = "0") int version,
			Model model, HttpServletRequest request, HttpServletResponse response) {
		Kenpo kenpo = CurrentKenpo.get();
		Account account = signedIn.require();
		Terms terms = kenpos.currentTerms(kenpo.id()).orElseThrow();
		if ("decline".equals(decision)) {
			audit.record(kenpo.id(), account.id(), AuditType.TERMS_DECLINED, "version " + terms.version());
			sessions.signOut(request, response);
			return "redirect:/login?declined";
		}
		if (!"agree".equals(decision) || version != terms.version()) {
			// the terms changed while the page was open: show the current version
			return show(model);
		}
		accounts.acceptTerms(kenpo.id(), account.id(), terms.version());
		audit.record(kenpo.id(), account.id(), AuditType.ONBOARDING_STEP_COMPLETED, name() + " v" + terms.version());
		return "redirect:/onboarding";
	}
}
