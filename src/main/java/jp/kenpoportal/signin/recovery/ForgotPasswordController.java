package jp.kenpoportal.signin.recovery;

import jakarta.servlet.http.HttpServletRequest;

import jp.kenpoportal.audit.AuditTrail;
import jp.kenpoportal.audit.AuditType;
import jp.kenpoportal.common.EmailAddress;
import jp.kenpoportal.common.SecuritySettings;
import jp.kenpoportal.common.TypedInput;
import jp.kenpoportal.signin.recovery.RecoveryLimits.Target;
import jp.kenpoportal.tenant.CurrentKenpo;
import jp.kenpoportal.tenant.Kenpo;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * パスワードを忘れた方はこちら: user ID and registered mail address in, a reset link by mail
 * out. The answer is the same page whether or not the pair matched.
 */
@Controller
class ForgotPasswordController {

	private static final String FORM = "recovery/forgot-password";

	private final PasswordResets resets;

	private final RecoveryLimits limits;

	private final SecuritySettings settings;

	private final AuditTrail audit;

	ForgotPasswordController(PasswordResets resets, RecoveryLimits limits, SecuritySettings settings,
			AuditTrail audit) {
		this.resets = resets;
		this.limits = limits;
		this.settings = settings;
		this.audit = audit;
	}

	@GetMapping("/forgot-password")
	String initForm() {
		return FORM;
	}

	@PostMapping("/forgot-password")
	String processForm(@RequestParam(defaultValue = "") String userId, @RequestParam(defaultValue = "") String email,
			Model model, HttpServletRequest request) {
		Kenpo kenpo = CurrentKenpo.get();
		String typedUserId = TypedInput.userId(userId);
		String typedEmail = TypedInput.email(email);
		model.addAttribute("userId", TypedInput.shown(userId));
		model.addAttribute("email", TypedInput.shown(email));
		if (typedUserId.isEmpty()) {
			return error(model, "userId", "recovery.error.userIdRequired");
		}
		if (!EmailAddress.isValid(typedEmail)) {
			return error(model, "email",
					typedEmail.isEmpty() ? "recovery.error.emailRequired" : "recovery.error.emailFormat");
		}
		if (!limits.tryAcquire(kenpo, request.getRemoteAddr(), Target.PASSWORD, typedUserId)) {
			audit.record(kenpo.id(), null, AuditType.RECOVERY_THROTTLED, "PASSWORD " + request.getRemoteAddr());
			model.addAttribute("errorArg", settings.recoveryWindow().toMinutes());
			return error(model, null, "recovery.error.throttled");
		}
		resets.request(kenpo, typedUserId, typedEmail);
		return "redirect:/forgot-password?sent";
	}

	@GetMapping(path = "/forgot-password", params = "sent")
	String sent(Model model) {
		model.addAttribute("lifetimeMinutes", settings.passwordResetLifetime().toMinutes());
		return "recovery/password-sent";
	}

	private static String error(Model model, String field, String key) {
		model.addAttribute("error", key);
		model.addAttribute("errorField", field);
		return FORM;
	}
}
