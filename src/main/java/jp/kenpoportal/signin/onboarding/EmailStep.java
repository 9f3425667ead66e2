package jp.kenpoportal.signin.onboarding;

import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import jp.kenpoportal.account.Account;
import jp.kenpoportal.audit.AuditTrail;
import jp.kenpoportal.audit.AuditType;
import jp.kenpoportal.common.SecuritySettings;
import jp.kenpoportal.common.EmailAddress;
import jp.kenpoportal.common.TypedInput;
import jp.kenpoportal.signin.SignedInAccount;
import jp.kenpoportal.signin.emailcode.CodeCheck;
import jp.kenpoportal.signin.emailcode.EmailCodeResends;
import jp.kenpoportal.signin.emailcode.EmailVerifications;
import jp.kenpoportal.tenant.CurrentKenpo;
import jp.kenpoportal.tenant.Kenpo;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * メールアドレスの確認: one mail with a link and a code. The waiting page moves on by itself
 * when the link is opened, on this device or another.
 */
@Controller
class EmailStep implements OnboardingStep {

	static final String PATH = "/onboarding/email";


	private final SignedInAccount signedIn;

	private final EmailVerifications verifications;

	private final SecuritySettings settings;

	private final AuditTrail audit;

	private final EmailCodeResends resends;

	EmailStep(SignedInAccount signedIn, EmailVerifications verifications, SecuritySettings settings,
			AuditTrail audit, EmailCodeResends resends) {
		this.resends = resends;
		this.signedIn = signedIn;
		this.verifications = verifications;
		this.settings = settings;
		this.audit = audit;
	}

	@Override
	public String path() {
		return PATH;
	}

	@Override
	public String name() {
		return "email";
	}

	@Override
	public boolean isPending(Account account, Kenpo kenpo) {
		return !account.emailVerified();
	}

	@GetMapping(PATH)
	String show(@RequestParam(required = false) String change, Model model) {
		Account account = signedIn.require();
		Optional<EmailVerifications.Pending> pending = verifications.pending(account.id());
		if (pending.isPresent() && change == null) {
			return waiting(model, account, pending.get(), null);
		}
		model.addAttribute("email", pending.map(EmailVerifications.Pending::email).orElse(
				account.email() == null ? "" : account.email()));
		return "onboarding/email";
	}

	@PostMapping(PATH)
	String send(@RequestParam(defaultValue = "") String email, Model model, HttpServletRequest request) {
		Kenpo kenpo = CurrentKenpo.get();
		Account account = signedIn.require();
		String address = TypedInput.email(email);
		model.addAttribute("email", email);
		if (address.isEmpty()) {
			model.addAttribute("error", "onboarding.email.error.required");
			return "onboarding/email";
		}
		if (!EmailAddress.isValid(address)) {
			model.addAttribute("error", "onboarding.email.error.format");
			return "onboarding/email";
		}
		Optional<EmailVerifications.Pending> pending = verifications.pending(account.id());
		Duration wait = verifications.waitBeforeResend(account.id());
		if (!wait.isZero() && pending.map(p -> p.email().equals(address)).orElse(false)) {
			return "redirect:" + PATH;
		}
		if (!resends.takeForTypedAddress(account.id(), pending.isPresent(), request.getRemoteAddr()).allowed()) {
			model.addAttribute("error", "code.error.tooMany");
			return "onboarding/email";
		}
		verifications.send(kenpo, account.id(), address);
		audit.record(kenpo.id(), account.id(), AuditType.EMAIL_VERIFICATION_SENT, null);
		return "redirect:" + PATH;
	}

	@PostMapping(PATH + "/code")
	String confirm(@RequestParam(defaultValue = "") String code, Model model) {
		Kenpo kenpo = CurrentKenpo.get();
		Account account = signedIn.require();
		CodeCheck check = verifications.confirmByCode(kenpo.id(), account.id(), code);
		if (check == CodeCheck.ACCEPTED) {
			audit.record(kenpo.id(), account.id(), AuditType.ONBOARDING_STEP_COMPLETED, name());
			return "redirect:/onboarding";
		}
		Optional<EmailVerifications.Pending> pending = verifications.pending(account.id());
		if (pending.isEmpty()) {
			model.addAttribute("email", account.email() == null ? "" : account.email());
			model.addAttribute("error", check.messageKey());
			return "onboarding/email";
		}
		model.addAttribute("code", code);
		return waiting(model, account, pending.get(), check.messageKey());
	}

	@PostMapping(PATH + "/resend")
	String resend(Model model, HttpServletRequest request) {
		Kenpo kenpo = CurrentKenpo.get();
		Account account = signedIn.require();
		Optional<EmailVerifications.Pending> pending = verifications.pending(account.id());
		if (pending.isEmpty()) {
			return "redirect:" + PATH + "?change";
		}
		EmailCodeResends.Resend resend = resends.take(account.id(), verifications.waitBeforeResend(account.id()),
				request.getRemoteAddr());
		if (!resend.allowed()) {
			model.addAttribute("errorArg", resend.refusalArg());
			return waiting(model, account, pending.get(), resend.refusal());
		}
		verifications.send(kenpo, account.id(), pending.get().email());
		audit.record(kenpo.id(), account.id(), AuditType.EMAIL_VERIFICATION_SENT, "resend");
		model.addAttribute("resent", true);
		return waiting(model, account, verifications.pending(account.id()).orElseThrow(), null);
	}

	private String waiting(Model model, Account account, EmailVerifications.Pending pending, String error) {
		model.addAttribute("pendingEmail", pending.email());
		model.addAttribute("error", error);
		model.addAttribute("resendWait", verifications.waitBeforeResend(account.id()).toSeconds());
		model.addAttribute("lifetimeMinutes", settings.emailVerificationLifetime().toMinutes());
		return "onboarding/email-sent";
	}
}
