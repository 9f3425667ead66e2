package jp.kenpoportal.signin.recovery;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import jp.kenpoportal.account.Account;
import jp.kenpoportal.account.PasswordContext;
import jp.kenpoportal.account.PasswordPolicy;
import jp.kenpoportal.account.PolicyViolation;
import jp.kenpoportal.audit.AuditTrail;
import jp.kenpoportal.audit.AuditType;
import jp.kenpoportal.common.TypedInput;
import jp.kenpoportal.member.MemberDirectory;
import jp.kenpoportal.signin.SessionControl;
import jp.kenpoportal.signin.SignedInAccount;
import jp.kenpoportal.tenant.CurrentKenpo;
import jp.kenpoportal.tenant.Kenpo;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The link in the reset mail. Opening it only shows the form (mail scanners open links too);
 * posting a password that keeps the kenpo's rules uses the link up, ends every session of
 * the account and sends the member to sign in again, second factor included.
 */
@Controller
class ResetPasswordController {

	private static final String FORM = "recovery/reset-password";

	private static final String INVALID = "recovery/reset-invalid";

	private final PasswordResets resets;

	private final PasswordPolicy policy;

	private final MemberDirectory members;

	private final SessionControl sessions;

	private final SignedInAccount signedIn;

	private final MessageSource messages;

	private final AuditTrail audit;

	ResetPasswordController(PasswordResets resets, PasswordPolicy policy, MemberDirectory members,
			SessionControl sessions, SignedInAccount signedIn, MessageSource messages, AuditTrail audit) {
		this.resets = resets;
		this.policy = policy;
		this.members = members;
		this.sessions = sessions;
		this.signedIn = signedIn;
		this.messages = messages;
		this.audit = audit;
	}

	@GetMapping("/reset-password")
	String initForm(@RequestParam(defaultValue = "") String token, Model model) {
		Kenpo kenpo = CurrentKenpo.get();
		Optional<Account> account = resets.peek(kenpo, token);
		if (account.isEmpty()) {
			return INVALID;
		}
		return form(model, kenpo, account.get(), token);
	}

	@PostMapping("/reset-password")
	String processForm(@RequestParam(defaultValue = "") String token, @RequestParam(defaultValue = "") String password,
			@RequestParam(defaultValue = "") String passwordConfirm, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		Kenpo kenpo = CurrentKenpo.get();
		Optional<Account> account = resets.peek(kenpo, token);
		if (account.isEmpty()) {
			return INVALID;
		}
		String typed = TypedInput.password(password);
		List<String> errors = check(kenpo, account.get(), typed, TypedInput.password(passwordConfirm));
		if (!errors.isEmpty()) {
			model.addAttribute("errors", errors);
			return form(model, kenpo, account.get(), token);
		}
		Optional<Account> reset = resets.complete(kenpo, token, typed);
		if (reset.isEmpty()) {
			return INVALID;
		}
		signOutEverywhere(kenpo, reset.get(), request, response);
		return "redirect:/login?passwordReset";
	}

	private List<String> check(Kenpo kenpo, Account account, String typed, String confirm) {
		List<String> errors = new ArrayList<>();
		if (typed.isEmpty()) {
			errors.add(text(new PolicyViolation("recovery.reset.error.required")));
			return errors;
		}
		PasswordContext context = new PasswordContext(account.loginId(),
				members.find(kenpo.id(), account.memberId()).map(m -> m.birthDate()).orElse(null), null);
		policy.check(kenpo.passwordRules(), typed, context).forEach(v -> errors.add(text(v)));
		if (!typed.equals(confirm)) {
			errors.add(text(new PolicyViolation("recovery.reset.error.confirm")));
		}
		return errors;
	}

	// This browser's own session is ended first, so that the end of the request does not save it again.
	private void signOutEverywhere(Kenpo kenpo, Account account, HttpServletRequest request,
			HttpServletResponse response) {
		if (signedIn.principal().map(p -> p.accountId() == account.id()).orElse(false)) {
			sessions.signOut(request, response);
		}
		int ended = sessions.endAllSessions(account.id());
		audit.record(kenpo.id(), account.id(), AuditType.OTHER_SESSIONS_SIGNED_OUT, ended + " sessions (password reset)");
	}

	private String form(Model model, Kenpo kenpo, Account account, String token) {
		model.addAttribute("token", token);
		model.addAttribute("loginId", account.loginId());
		model.addAttribute("rules", policy.describe(kenpo.passwordRules()).stream().map(this::text).toList());
		model.addAttribute("maxLength", kenpo.passwordRules().maxLength());
		return FORM;
	}

	private String text(PolicyViolation v) {
		return messages.getMessage(v.messageKey(), v.args(), Locale.JAPANESE);
	}
}
