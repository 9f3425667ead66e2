package jp.kenpoportal.signin.recovery;

import java.time.LocalDate;
import java.util.Optional;

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
 * ユーザIDを忘れた方はこちら: registered mail address and birth date in, a mail listing the
 * matching user IDs out. The answer is the same page whether or not anything matched.
 */
@Controller
class ForgotUserIdController {

	private static final String FORM = "recovery/forgot-user-id";

	private final UserIdReminders reminders;

	private final RecoveryLimits limits;

	private final SecuritySettings settings;

	private final AuditTrail audit;

	ForgotUserIdController(UserIdReminders reminders, RecoveryLimits limits, SecuritySettings settings,
			AuditTrail audit) {
		this.reminders = reminders;
		this.limits = limits;
		this.settings = settings;
		this.audit = audit;
	}

	@GetMapping("/forgot-user-id")
	String initForm() {
		return FORM;
	}

	@PostMapping("/forgot-user-id")
	String processForm(@RequestParam(defaultValue = "") String email,
			@RequestParam(defaultValue = "") String birthDate, Model model, HttpServletRequest request) {
		Kenpo kenpo = CurrentKenpo.get();
		String typedEmail = TypedInput.email(email);
		Optional<LocalDate> typedBirthDate = TypedInput.birthDate(birthDate);
		model.addAttribute("email", TypedInput.shown(email));
		model.addAttribute("birthDate", TypedInput.shown(birthDate));
		if (!EmailAddress.isValid(typedEmail)) {
			return error(model, "email",
					typedEmail.isEmpty() ? "recovery.error.emailRequired" : "recovery.error.emailFormat");
		}
		if (typedBirthDate.isEmpty()) {
			return error(model, "birthDate", "recovery.error.birthDateFormat");
		}
		if (!limits.tryAcquire(kenpo, request.getRemoteAddr(), Target.USER_ID, typedEmail)) {
			audit.record(kenpo.id(), null, AuditType.RECOVERY_THROTTLED, "USER_ID " + request.getRemoteAddr());
			model.addAttribute("errorArg", settings.recoveryWindow().toMinutes());
			return error(model, null, "recovery.error.throttled");
		}
		reminders.send(kenpo, typedEmail, typedBirthDate.get());
		return "redirect:/forgot-user-id?sent";
	}

	@GetMapping(path = "/forgot-user-id", params = "sent")
	String sent() {
		return "recovery/user-id-sent";
	}

	private static String error(Model model, String field, String key) {
		model.addAttribute("error", key);
		model.addAttribute("errorField", field);
		return FORM;
	}
}
