package jp.kenpoportal.signin.onboarding;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import jp.kenpoportal.account.Account;
import jp.kenpoportal.account.Accounts;
import jp.kenpoportal.audit.AuditTrail;
import jp.kenpoportal.audit.AuditType;
import jp.kenpoportal.signin.SessionControl;
import jp.kenpoportal.signin.SignedInAccount;
import jp.kenpoportal.signin.emailcode.CodeCheck;
import jp.kenpoportal.signin.emailcode.CodePurpose;
import jp.kenpoportal.signin.emailcode.EmailCodeResends;
import jp.kenpoportal.signin.emailcode.EmailCodes;
import jp.kenpoportal.signin.emailcode.MaskedEmail;
import jp.kenpoportal.signin.passkey.Passkeys;
import jp.kenpoportal.signin.totp.TotpEnrolment;
import jp.kenpoportal.tenant.CurrentKenpo;
import jp.kenpoportal.tenant.Kenpo;
import jp.kenpoportal.tenant.SecondFactor;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 認証方法の登録, in the same session as the rest: for the mail code, a code sent to the
 * confirmed address is typed back. Finishing it finishes onboarding.
 */
@Controller
class FactorEnrolmentStep implements OnboardingStep {

	static final String PATH = "/onboarding/factor";

	private static final String VIEW = "onboarding/factor-email";

	private static final String TOTP_VIEW = "onboarding/factor-totp";

	private static final String PASSKEY_VIEW = "onboarding/factor-passkey";

	private final SignedInAccount signedIn;

	private final EmailCodes codes;

	private final Accounts accounts;

	private final SessionControl sessions;

	private final AuditTrail audit;

	private final TotpEnrolment totp;

	private final Passkeys passkeys;

	FactorEnrolmentStep(SignedInAccount signedIn, EmailCodes codes, Accounts accounts, SessionControl sessions,
			AuditTrail audit, TotpEnrolment totp, Passkeys passkeys) {
		this.signedIn = signedIn;
		this.codes = codes;
		this.accounts = accounts;
		this.sessions = sessions;
		this.audit = audit;
		this.totp = totp;
		this.passkeys = passkeys;
	}

	@Override
	public String path() {
		return PATH;
	}

	@Override
	public String name() {
		return "factor-enrolment";
	}

	@Override
	public boolean isPending(Account account, Kenpo kenpo) {
		return account.secondFactorEnrolledAt() == null;
	}

	@GetMapping(PATH)
	String show(Model model, HttpSession session) {
		Kenpo kenpo = CurrentKenpo.get();
		Account account = signedIn.require();
		if (account.secondFactor() == SecondFactor.TOTP) {
			totp.show(kenpo, account, session, model);
			return TOTP_VIEW;
		}
		if (account.secondFactor() == SecondFactor.PASSKEY) {
			return PASSKEY_VIEW;
		}
		boolean sent = codes.ensureSent(kenpo, account.id(), CodePurpose.ENROL, account.email());
		return view(model, account, sent ? null : "code.error.tooMany");
	}

	@PostMapping(PATH)
	String submit(@RequestParam(defaultValue = "") String code, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		Kenpo kenpo = CurrentKenpo.get();
		Account account = signedIn.require();
		if (account.secondFactor() != SecondFactor.EMAIL_CODE) {
			return "redirect:" + PATH;
		}
		CodeCheck check = codes.check(account.id(), CodePurpose.ENROL, code);
		if (check != CodeCheck.ACCEPTED) {
			audit.record(kenpo.id(), account.id(), AuditType.SECOND_FACTOR_FAILED, "ENROL " + check);
			model.addAttribute("code", code);
			return view(model, account, check.messageKey());
		}
		return complete(kenpo, account, SecondFactor.EMAIL_CODE, request, response);
	}

	@PostMapping(PATH + "/totp")
	String confirmTotp(@RequestParam(defaultValue = "") String code, Model model, HttpSession session,
			HttpServletRequest request, HttpServletResponse response) {
		Kenpo kenpo = CurrentKenpo.get();
		Account account = signedIn.require();
		if (account.secondFactor() != SecondFactor.TOTP) {
			return "redirect:" + PATH;
		}
		if (!totp.confirm(account, session, code)) {
			audit.record(kenpo.id(), account.id(), AuditType.SECOND_FACTOR_FAILED, "ENROL TOTP");
			model.addAttribute("error", "totp.error.enrol");
			totp.show(kenpo, account, session, model);
			return TOTP_VIEW;
		}
		audit.record(kenpo.id(), account.id(), AuditType.TOTP_ENROLLED, null);
		return complete(kenpo, account, SecondFactor.TOTP, request, response);
	}

	/** passkey.js posts here once the passkey is registered. */
	@PostMapping(PATH + "/passkey")
	String confirmPasskey(Model model, HttpServletRequest request, HttpServletResponse response) {
		Kenpo kenpo = CurrentKenpo.get();
		Account account = signedIn.require();
		if (account.secondFactor() != SecondFactor.PASSKEY) {
			return "redirect:" + PATH;
		}
		if (passkeys.count(account) == 0) {
			model.addAttribute("error", "onboarding.factorPasskey.error.none");
			return PASSKEY_VIEW;
		}
		return complete(kenpo, account, SecondFactor.PASSKEY, request, response);
	}

	private String complete(Kenpo kenpo, Account account, SecondFactor factor, HttpServletRequest request,
			HttpServletResponse response) {
		accounts.completeOnboarding(kenpo.id(), account.id(), factor);
		accounts.clearFailures(kenpo.id(), account.id());
		sessions.grantFactor(factor.authority(), request, response);
		audit.record(kenpo.id(), account.id(), AuditType.ONBOARDING_COMPLETED, factor.name());
		return "redirect:/?welcome";
	}

	@PostMapping(PATH + "/resend")
	String resend(Model model, HttpServletRequest request) {
		Kenpo kenpo = CurrentKenpo.get();
		Account account = signedIn.require();
		if (account.secondFactor() != SecondFactor.EMAIL_CODE) {
			return "redirect:" + PATH;
		}
		EmailCodeResends.Resend resend = codes.resend(kenpo, account.id(), CodePurpose.ENROL, account.email(),
				request.getRemoteAddr());
		if (!resend.allowed()) {
			model.addAttribute("errorArg", resend.refusalArg());
			return view(model, account, resend.refusal());
		}
		audit.record(kenpo.id(), account.id(), AuditType.EMAIL_CODE_SENT, "ENROL resend");
		model.addAttribute("resent", true);
		return view(model, account, null);
	}

	private String view(Model model, Account account, String error) {
		model.addAttribute("maskedEmail", MaskedEmail.of(account.email()));
		model.addAttribute("error", error);
		model.addAttribute("resendWait", codes.waitBeforeResend(account.id(), CodePurpose.ENROL).toSeconds());
		return VIEW;
	}
}
