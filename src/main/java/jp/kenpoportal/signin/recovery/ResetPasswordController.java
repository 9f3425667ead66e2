package jp.kenpoportal.signin.recovery;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import jp.kenpoportal.account.Account;
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

/**
 * The link in the reset mail. Opening it only shows the form (mail scanners open links too);
 * posting the member's birth date and a password that keeps the kenpo's rules uses the link up,
 * lifts any lock, ends every session of the account and sends the member to sign in again,
 * second factor included.
 */
@Controller
class ResetPasswordController {

	private static final String FORM = "recovery/reset-password";

	private static final String INVALID = "recovery/reset-invalid";

	private final PasswordResets resets;

	private final NewPasswords newPasswords;

	private final SessionControl sessions;

	private final SignedInAccount signedIn;

	private final AuditTrail audit;

	ResetPasswordController(PasswordResets resets, NewPasswords newPasswords, SessionControl sessions,
			SignedInAccount signedIn, AuditTrail audit) {
		this.resets = resets;
		this.newPasswords = newPasswords;
		this.sessions = sessions;
		this.signedIn = signedIn;
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
	String processForm(@RequestParam(defaultValue = "") String token, @RequestParam(defaultValue = "") String birthDate,
			@RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "") String passwordConfirm,
			Model model, HttpServletRequest request, HttpServletResponse response) {
		Kenpo kenpo = CurrentKenpo.get();
		Optional<Account> account = resets.peek(kenpo, token);
		if (account.isEmpty()) {
			return INVALID;
		}
		model.addAttribute("birthDate", TypedInput.shown(birthDate));
		Optional<LocalDate> typedBirthDate = TypedInput.birthDate(birthDate);
		if (typedBirthDate.isEmpty()) {
			return birthDateError(model, kenpo, account.get(), token, "recovery.error.birthDateFormat");
		}
		switch (resets.checkBirthDate(kenpo, token, account.get(), typedBirthDate.get())) {
			case LINK_VOID:
				return INVALID;
			case WRONG:
				return birthDateError(model, kenpo, account.get(), token, "recovery.error.birthDateMismatch");
			case MATCHED:
				break;
		}
		String typed = TypedInput.password(password);
		List<String> errors = newPasswords.problems(kenpo, account.get(), typed, TypedInput.password(passwordConfirm));
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

	// This browser's own session is ended first, so that the end of the request does not save it again.
	private void signOutEverywhere(Kenpo kenpo, Account account, HttpServletRequest request,
			HttpServletResponse response) {
		if (signedIn.principal().map(p -> p.accountId() == account.id()).orElse(false)) {
			sessions.signOut(request, response);
		}
		int ended = sessions.endAllSessions(account.id());
		audit.record(kenpo.id(), account.id(), AuditType.OTHER_SESSIONS_SIGNED_OUT, ended + " sessions (password reset)");
	}

	private String birthDateError(Model model, Kenpo kenpo, Account account, String token, String key) {
		model.addAttribute("error", key);
		model.addAttribute("errorField", "birthDate");
		return form(model, kenpo, account, token);
	}

	private String form(Model model, Kenpo kenpo, Account account, String token) {
		model.addAttribute("token", token);
		model.addAttribute("loginId", account.loginId());
		newPasswords.describe(kenpo, model);
		return FORM;
	}
}
