package jp.kenpoportal.signin.loginmethod;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import jp.kenpoportal.account.Account;
import jp.kenpoportal.audit.AuditTrail;
import jp.kenpoportal.audit.AuditType;
import jp.kenpoportal.signin.SessionControl;
import jp.kenpoportal.signin.SignedInAccount;
import jp.kenpoportal.signin.emailcode.CodePurpose;
import jp.kenpoportal.signin.emailcode.EmailCodeResends;
import jp.kenpoportal.signin.emailcode.EmailCodes;
import jp.kenpoportal.signin.emailcode.MaskedEmail;
import jp.kenpoportal.signin.totp.TotpEnrolment;
import jp.kenpoportal.tenant.CurrentKenpo;
import jp.kenpoportal.tenant.Kenpo;
import jp.kenpoportal.tenant.SecondFactor;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 認証方法を変更する: the page of a switch to another factor the kenpo allows. Opening it
 * changes nothing (at most it asks for the current factor again); the switch starts by a POST
 * from its button, and the new factor is enrolled before the old one is retired.
 */
@Controller
class FactorSwitchController {

	private static final String PATH = OverviewPage.PATH + "/switch";

	private final SignedInAccount signedIn;

	private final RecentProof recentProof;

	private final FactorSwitches switches;

	private final EmailCodes codes;

	private final TotpEnrolment totpEnrolment;

	private final SessionControl sessions;

	private final AuditTrail audit;

	FactorSwitchController(SignedInAccount signedIn, RecentProof recentProof, FactorSwitches switches,
			EmailCodes codes, TotpEnrolment totpEnrolment, SessionControl sessions, AuditTrail audit) {
		this.signedIn = signedIn;
		this.recentProof = recentProof;
		this.switches = switches;
		this.codes = codes;
		this.totpEnrolment = totpEnrolment;
		this.sessions = sessions;
		this.audit = audit;
	}

	/** The switch's page: its start button, or the enrolment of the new factor once started. */
	@GetMapping(PATH + "/{factor}")
	String show(@PathVariable String factor, Model model, HttpSession session, HttpServletRequest request,
			HttpServletResponse response) {
		Kenpo kenpo = CurrentKenpo.get();
		Account account = signedIn.require();
		Optional<SecondFactor> target = FactorSwitches.switchable(kenpo, account, factor);
		if (target.isEmpty()) {
			return "redirect:" + OverviewPage.PATH;
		}
		Optional<String> reauth = recentProof.require(account, request, response);
		if (reauth.isPresent()) {
			return reauth.get();
		}
		if (!switches.inProgress(account, target.get(), session)) {
			model.addAttribute("target", target.get());
			return "loginmethod/switch-start";
		}
		return enrolmentPage(kenpo, account, target.get(), model, session, null);
	}

	@PostMapping(PATH + "/{factor}/start")
	String start(@PathVariable String factor, Model model, HttpSession session) {
		Kenpo kenpo = CurrentKenpo.get();
		Account account = signedIn.require();
		Optional<SecondFactor> target = FactorSwitches.switchable(kenpo, account, factor);
		if (target.isEmpty()) {
			return "redirect:" + OverviewPage.PATH;
		}
		if (!recentProof.proved(account)) {
			// the page asks for the factor and comes back to its start button
			return "redirect:" + PATH + "/" + target.get().name();
		}
		String problem = switches.start(kenpo, account, target.get(), session);
		if (problem != null) {
			return enrolmentPage(kenpo, account, target.get(), model, session, problem);
		}
		return "redirect:" + PATH + "/" + target.get().name();
	}

	@PostMapping(PATH + "/{factor}")
	String finish(@PathVariable String factor, @RequestParam(defaultValue = "") String code, Model model,
			HttpSession session, HttpServletRequest request, HttpServletResponse response) {
		Kenpo kenpo = CurrentKenpo.get();
		Account account = signedIn.require();
		Optional<SecondFactor> target = FactorSwitches.switchable(kenpo, account, factor);
		if (target.isEmpty() || !recentProof.proved(account)) {
			return "redirect:" + OverviewPage.PATH;
		}
		SecondFactor next = target.get();
		if (!switches.inProgress(account, next, session)) {
			return "redirect:" + PATH + "/" + next.name();
		}
		String error = switches.finish(kenpo, account, next, code, session);
		if (error != null) {
			if (next == SecondFactor.EMAIL_CODE
					&& !codes.ensureSent(kenpo, account.id(), CodePurpose.ENROL, account.email())) {
				error = "code.error.tooMany";
			}
			return enrolmentPage(kenpo, account, next, model, session, error);
		}
		sessions.grantFactor(next.authority(), request, response);
		return "redirect:" + OverviewPage.PATH + "?changed";
	}

	@PostMapping(PATH + "/EMAIL_CODE/resend")
	String resendCode(Model model, HttpSession session, HttpServletRequest request) {
		Kenpo kenpo = CurrentKenpo.get();
		Account account = signedIn.require();
		if (FactorSwitches.switchable(kenpo, account, SecondFactor.EMAIL_CODE.name()).isEmpty()
				|| !switches.inProgress(account, SecondFactor.EMAIL_CODE, session)) {
			return "redirect:" + OverviewPage.PATH;
		}
		EmailCodeResends.Resend resend = codes.resend(kenpo, account.id(), CodePurpose.ENROL, account.email(),
				request.getRemoteAddr());
		if (!resend.allowed()) {
			model.addAttribute("errorArg", resend.refusalArg());
			return enrolmentPage(kenpo, account, SecondFactor.EMAIL_CODE, model, session, resend.refusal());
		}
		audit.record(kenpo.id(), account.id(), AuditType.EMAIL_CODE_SENT, "SWITCH resend");
		model.addAttribute("resent", true);
		return enrolmentPage(kenpo, account, SecondFactor.EMAIL_CODE, model, session, null);
	}

	/** The new factor's enrolment; shows what the switch's start prepared and changes nothing. */
	private String enrolmentPage(Kenpo kenpo, Account account, SecondFactor target, Model model, HttpSession session,
			String error) {
		model.addAttribute("target", target);
		model.addAttribute("error", error);
		switch (target) {
			case EMAIL_CODE -> {
				model.addAttribute("maskedEmail", MaskedEmail.of(account.email()));
				model.addAttribute("resendWait", codes.waitBeforeResend(account.id(), CodePurpose.ENROL).toSeconds());
			}
			case TOTP -> totpEnrolment.show(kenpo, account, session, model);
			case PASSKEY -> {
			}
		}
		return "loginmethod/enrol";
	}
}
