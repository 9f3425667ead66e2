package jp.kenpoportal.admin.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import jp.kenpoportal.account.PasswordContext;
import jp.kenpoportal.account.PasswordPolicy;
import jp.kenpoportal.admin.ConsoleSettings;
import jp.kenpoportal.admin.staff.StaffAccount;
import jp.kenpoportal.admin.staff.StaffAccounts;
import jp.kenpoportal.admin.staff.StaffInvitations;
import jp.kenpoportal.audit.AuditTrail;
import jp.kenpoportal.audit.AuditType;
import jp.kenpoportal.common.TypedInput;
import jp.kenpoportal.tenant.PasswordRules;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The invitation link: the new staff member sets their own password (nobody else ever knows
 * it), then signs in and enrols the authenticator app. The token moves from the URL into the
 * session at once, so it never stays in the address bar, history or a Referer.
 */
@Controller
class InvitationController {

	private static final String TOKEN = "console.invitation";

	/** Every printable ASCII symbol: staff passwords come from password managers. */
	private static final String SYMBOLS = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

	private static final int MAX_LENGTH = 128;

	private final StaffAccounts accounts;

	private final StaffInvitations invitations;

	private final PasswordPolicy policy;

	private final MessageSource messages;

	private final AuditTrail audit;

	private final TransactionTemplate tx;

	private final PasswordRules rules;

	InvitationController(StaffAccounts accounts, StaffInvitations invitations, PasswordPolicy policy,
			MessageSource messages, AuditTrail audit, TransactionTemplate tx, ConsoleSettings settings) {
		this.accounts = accounts;
		this.invitations = invitations;
		this.policy = policy;
		this.messages = messages;
		this.audit = audit;
		this.tx = tx;
		this.rules = new PasswordRules(settings.passwordMinLength(), MAX_LENGTH, SYMBOLS, Set.of());
	}

	@GetMapping(path = "/invitation", params = "token")
	String open(@RequestParam String token, HttpServletRequest request) {
		request.getSession(true).setAttribute(TOKEN, token);
		return "redirect:/invitation";
	}

	@GetMapping("/invitation")
	String form(HttpSession session, Model model) {
		Optional<StaffAccount> staff = invited(session);
		if (staff.isEmpty()) {
			return "admin/invitation-invalid";
		}
		return page(staff.get(), model, null);
	}

	@PostMapping("/invitation")
	String setPassword(@RequestParam(defaultValue = "") String password,
			@RequestParam(defaultValue = "") String passwordConfirm, HttpSession session, Model model) {
		Optional<StaffAccount> invited = invited(session);
		if (invited.isEmpty()) {
			return "admin/invitation-invalid";
		}
		StaffAccount staff = invited.get();
		String typed = TypedInput.password(password);
		List<String> errors = new ArrayList<>();
		if (!typed.equals(TypedInput.password(passwordConfirm))) {
			errors.add(messages.getMessage("console.invitation.error.confirm", null, java.util.Locale.JAPAN));
		}
		policy.check(rules, typed, new PasswordContext(staff.loginId(), null, null))
			.forEach(v -> errors.add(messages.getMessage((MessageSourceResolvable) v, java.util.Locale.JAPAN)));
		if (!errors.isEmpty()) {
			return page(staff, model, errors);
		}
		String token = (String) session.getAttribute(TOKEN);
		boolean done = Boolean.TRUE.equals(tx.execute(status -> {
			if (!invitations.use(token)) {
				return false;
			}
			accounts.setPassword(staff.id(), typed);
			audit.recordStaff(staff.kenpoId(), null, staff.id(), AuditType.STAFF_PASSWORD_SET, "invitation");
			return true;
		}));
		session.removeAttribute(TOKEN);
		return done ? "redirect:/login?passwordSet" : "admin/invitation-invalid";
	}

	private Optional<StaffAccount> invited(HttpSession session) {
		return session.getAttribute(TOKEN) instanceof String token ? invitations.staffFor(token, accounts)
				: Optional.empty();
	}

	private String page(StaffAccount staff, Model model, List<String> errors) {
		model.addAttribute("invited", staff);
		model.addAttribute("errors", errors);
		model.addAttribute("rules", policy.describe(rules)
			.stream()
			// staff have no birth date or initial password on file
			.filter(r -> !r.messageKey().endsWith(".birthDate") && !r.messageKey().endsWith(".initialPassword"))
			.map(r -> messages.getMessage(r, java.util.Locale.JAPAN))
			.toList());
		model.addAttribute("maxLength", MAX_LENGTH);
		return "admin/invitation";
	}
}
