package jp.kenpoportal.admin.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import jp.kenpoportal.admin.ConsoleSettings;
import jp.kenpoportal.admin.staff.StaffAccount;
import jp.kenpoportal.admin.staff.StaffAccounts;
import jp.kenpoportal.admin.staff.StaffPasswordCheck;
import jp.kenpoportal.audit.AuditTrail;
import jp.kenpoportal.audit.AuditType;
import jp.kenpoportal.common.TypedInput;
import jp.kenpoportal.signin.RateLimits;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's sign-in page: user ID and password, then on to the authenticator app. Unknown
 * IDs, wrong passwords, locked and disabled accounts all get the same message; the audit trail
 * records which it was.
 */
@Controller
class ConsoleLoginController {

	private static final String PAGE = "admin/login";

	private final StaffAccounts accounts;

	private final ConsoleSession session;

	private final RateLimits limits;

	private final AuditTrail audit;

	private final ConsoleSettings settings;

	private final StoppedKenpos stoppedKenpos;

	ConsoleLoginController(StaffAccounts accounts, ConsoleSession session, RateLimits limits, AuditTrail audit,
			ConsoleSettings settings, StoppedKenpos stoppedKenpos) {
		this.stoppedKenpos = stoppedKenpos;
		this.accounts = accounts;
		this.session = session;
		this.limits = limits;
		this.audit = audit;
		this.settings = settings;
	}

	@GetMapping("/login")
	String form(Model model) {
		lockRules(model);
		return PAGE;
	}

	@PostMapping("/login")
	String signIn(@RequestParam(defaultValue = "") String userId, @RequestParam(defaultValue = "") String password,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		String addressKey = "console:" + request.getRemoteAddr();
		lockRules(model);
		model.addAttribute("userId", userId.length() > 100 ? "" : userId);
		if (limits.exhausted(RateLimits.Limit.SIGN_IN_FAILURES_PER_ADDRESS, addressKey)) {
			audit.record(null, null, AuditType.STAFF_SIGN_IN_THROTTLED, request.getRemoteAddr());
			model.addAttribute("error", "console.signin.error.throttled");
			return PAGE;
		}
		String loginId = StaffAccounts.normalizeLoginId(TypedInput.text(userId));
		StaffPasswordCheck check = accounts.checkPassword(loginId, TypedInput.password(password));
		if (check.accepted()) {
			StaffAccount staff = check.staff().orElseThrow();
			if (stoppedKenpos.shutOut(staff)) {
				// told only to whom knows the password: the kenpo's staff, whose contract ended
				audit.recordStaff(staff.kenpoId(), null, staff.id(), AuditType.STAFF_SIGN_IN_KENPO_DISABLED, null);
				model.addAttribute("error", "console.signin.error.kenpoDisabled");
				return PAGE;
			}
			audit.recordStaff(staff.kenpoId(), null, staff.id(), AuditType.STAFF_SIGN_IN_PASSWORD_ACCEPTED, null);
			session.signInWithPassword(staff, request, response);
			return "redirect:/mfa";
		}
		limits.tryAcquire(RateLimits.Limit.SIGN_IN_FAILURES_PER_ADDRESS, addressKey);
		check.staff()
			.ifPresentOrElse(
					staff -> audit.recordStaff(staff.kenpoId(), null, staff.id(),
							check.outcome() == StaffPasswordCheck.Outcome.LOCKED_NOW ? AuditType.STAFF_LOCKED
									: AuditType.STAFF_SIGN_IN_FAILED,
							check.outcome().name()),
					() -> audit.record(null, null, AuditType.STAFF_SIGN_IN_FAILED,
							"UNKNOWN " + (loginId.length() > 100 ? loginId.substring(0, 100) : loginId)));
		model.addAttribute("error", "console.signin.error.invalid");
		return PAGE;
	}

	private void lockRules(Model model) {
		model.addAttribute("lockoutThreshold", settings.lockoutThreshold());
		model.addAttribute("lockoutMinutes", settings.lockoutDuration().toMinutes());
	}
}
