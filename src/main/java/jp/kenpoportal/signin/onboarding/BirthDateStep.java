package jp.kenpoportal.signin.onboarding;

import java.time.LocalDate;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import jp.kenpoportal.account.Account;
import jp.kenpoportal.account.Accounts;
import jp.kenpoportal.audit.AuditTrail;
import jp.kenpoportal.audit.AuditType;
import jp.kenpoportal.common.TypedInput;
import jp.kenpoportal.member.Member;
import jp.kenpoportal.member.MemberDirectory;
import jp.kenpoportal.signin.SessionControl;
import jp.kenpoportal.signin.SignedInAccount;
import jp.kenpoportal.tenant.CurrentKenpo;
import jp.kenpoportal.tenant.Kenpo;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 生年月日の入力: the member proves to be the person on the roster. A wrong date counts as a failed attempt. */
@Controller
class BirthDateStep implements OnboardingStep {

	static final String PATH = "/onboarding/birth-date";

	private final SignedInAccount signedIn;

	private final Accounts accounts;

	private final MemberDirectory members;

	private final SessionControl sessions;

	private final AuditTrail audit;

	BirthDateStep(SignedInAccount signedIn, Accounts accounts, MemberDirectory members, SessionControl sessions,
			AuditTrail audit) {
		this.signedIn = signedIn;
		this.accounts = accounts;
		this.members = members;
		this.sessions = sessions;
		this.audit = audit;
	}

	@Override
	public String path() {
		return PATH;
	}

	@Override
	public String name() {
		return "birth-date";
	}

	@Override
	public boolean isPending(Account account, Kenpo kenpo) {
		return account.birthDateConfirmedAt() == null;
	}

	@GetMapping(PATH)
	String show(Model model) {
		model.addAttribute("birthDate", "");
		return "onboarding/birth-date";
	}

	@PostMapping(PATH)
	String submit(@RequestParam(defaultValue = "") String birthDate, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		Kenpo kenpo = CurrentKenpo.get();
		Account account = signedIn.require();
		model.addAttribute("birthDate", birthDate);
		Optional<LocalDate> typed = TypedInput.birthDate(birthDate);
		if (typed.isEmpty()) {
			model.addAttribute("error", "onboarding.birthDate.error.format");
			return "onboarding/birth-date";
		}
		Member member = members.find(kenpo.id(), account.memberId()).orElseThrow();
		if (!member.birthDate().equals(typed.get())) {
			audit.record(kenpo.id(), account.id(), AuditType.SIGN_IN_FAILED, "BIRTH_DATE_MISMATCH");
			if (accounts.registerFailure(kenpo.id(), account.id()).locked()) {
				sessions.signOut(request, response);
				return "redirect:/login?locked";
			}
			model.addAttribute("error", "onboarding.birthDate.error.mismatch");
			return "onboarding/birth-date";
		}
		accounts.confirmBirthDate(kenpo.id(), account.id());
		audit.record(kenpo.id(), account.id(), AuditType.ONBOARDING_STEP_COMPLETED, name());
		return "redirect:/onboarding";
	}
}
