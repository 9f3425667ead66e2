package jp.kenpoportal.admin.management;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import jp.kenpoportal.admin.security.ConsoleSession;
import jp.kenpoportal.admin.security.CurrentStaff;
import jp.kenpoportal.admin.staff.StaffAccount;
import jp.kenpoportal.admin.staff.StaffAccounts;
import jp.kenpoportal.admin.staff.StaffInvitations;
import jp.kenpoportal.admin.staff.StaffRole;
import jp.kenpoportal.audit.AuditTrail;
import jp.kenpoportal.audit.AuditType;
import jp.kenpoportal.common.ConsoleHost;
import jp.kenpoportal.tenant.Kenpo;
import jp.kenpoportal.tenant.KenpoDirectory;
import jp.kenpoportal.tenant.NewKenpo;
import jp.kenpoportal.tenant.PasswordRules;
import jp.kenpoportal.tenant.SecondFactor;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The operator registers a kenpo with its first 管理者, who gets the invitation mail. The kenpo
 * starts with every factor allowed, a plain password policy, no services and provisional terms,
 * which its 管理者 changes in the settings (a later issue); nothing is written unless all of
 * it is.
 */
@Controller
class KenpoRegistrationController {

	/** Members may use the initial password for a year unless the kenpo sets another deadline. */
	private static final Duration INITIAL_PASSWORD_PERIOD = Duration.ofDays(365);

	private final KenpoDirectory kenpos;

	private final StaffAccounts staff;

	private final StaffInvitations invitations;

	private final CurrentStaff current;

	private final ConsoleSession session;

	private final ConsoleHost console;

	private final AuditTrail audit;

	private final MessageSource messages;

	private final TransactionTemplate tx;

	private final Clock clock;

	KenpoRegistrationController(KenpoDirectory kenpos, StaffAccounts staff, StaffInvitations invitations,
			CurrentStaff current, ConsoleSession session, ConsoleHost console, AuditTrail audit,
			MessageSource messages, TransactionTemplate tx, Clock clock) {
		this.kenpos = kenpos;
		this.staff = staff;
		this.invitations = invitations;
		this.current = current;
		this.session = session;
		this.console = console;
		this.audit = audit;
		this.messages = messages;
		this.tx = tx;
		this.clock = clock;
	}

	@GetMapping("/kenpos/new")
	String form(HttpServletRequest request, Model model) {
		if (!session.recentlyProved()) {
			return session.askAgain(request, "/kenpos/new");
		}
		return page(model, KenpoForm.empty(), Map.of());
	}

	@PostMapping("/kenpos/new")
	String create(@ModelAttribute KenpoForm form, HttpServletRequest request, Model model) {
		if (!session.recentlyProved()) {
			return session.askAgain(request, "/kenpos/new");
		}
		Map<String, String> errors = form.errors(kenpos, staff, console);
		if (!errors.isEmpty()) {
			return page(model, form, errors);
		}
		StaffAccount operator = current.require();
		Kenpo kenpo;
		try {
			kenpo = register(form, operator);
		}
		catch (org.springframework.dao.DuplicateKeyException e) {
			// a code, host or user ID taken by another request between the checks and the inserts
			return page(model, form, form.errors(kenpos, staff, console));
		}
		current.choose(request, kenpo);
		return "redirect:/staff?invited";
	}

	private Kenpo register(KenpoForm form, StaffAccount operator) {
		return tx.execute(status -> {
			Kenpo created = kenpos.create(new NewKenpo(form.normalizedCode(), form.normalizedHost(),
					form.normalizedName(), form.normalizedInsurerNumber(), form.normalizedContactEmail(),
					form.normalizedContactPhone(), form.symbols(), form.numbers(),
					clock.instant().plus(INITIAL_PASSWORD_PERIOD), EnumSet.allOf(SecondFactor.class),
					SecondFactor.EMAIL_CODE, new PasswordRules(8, 64, "-_.!#$%&", Set.of()), List.of()));
			kenpos.publishTerms(created.id(), messages.getMessage("console.kenpoForm.terms.title", null, java.util.Locale.JAPAN),
					messages.getMessage("console.kenpoForm.terms.body", new Object[] { created.name() }, java.util.Locale.JAPAN));
			StaffInvitationForm admin = form.admin();
			StaffAccount invited = staff.create(created.id(), admin.normalizedUserId(), admin.normalizedName(),
					admin.normalizedEmail(), StaffRole.ADMIN);
			invitations.send(invited, created.name());
			audit.recordStaff(created.id(), null, operator.id(), AuditType.KENPO_CREATED,
					created.code() + " " + created.host() + " " + created.insurerNumber());
			audit.recordStaff(created.id(), null, operator.id(), AuditType.STAFF_INVITED,
					invited.loginId() + " " + invited.role());
			return created;
		});
	}

	private String page(Model model, KenpoForm form, Map<String, String> errors) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		return "admin/kenpos/new";
	}
}
