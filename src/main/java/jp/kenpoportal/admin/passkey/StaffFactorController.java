package jp.kenpoportal.admin.passkey;

import jakarta.servlet.http.HttpServletRequest;

import jp.kenpoportal.admin.security.ConsoleSession;
import jp.kenpoportal.admin.security.CurrentStaff;
import jp.kenpoportal.admin.staff.StaffAccount;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The staff member's second factor on the first sign-in: the choice between the authenticator
 * app and a passkey (never a mail code), the passkey's enrolment, and later the passkey as the
 * sign-in's second step. The ceremonies themselves run in passkey.js against
 * {@link StaffPasskeyCeremonyController}.
 */
@Controller
class StaffFactorController {

	private final CurrentStaff current;

	private final StaffPasskeys passkeys;

	private final ConsoleSession session;

	StaffFactorController(CurrentStaff current, StaffPasskeys passkeys, ConsoleSession session) {
		this.current = current;
		this.passkeys = passkeys;
		this.session = session;
	}

	@GetMapping("/mfa/choose")
	String choice(HttpServletRequest request, Model model) {
		StaffAccount staff = current.require();
		if (hasFactor(staff)) {
			return "redirect:/mfa";
		}
		model.addAttribute("factor", StaffPasskeys.choice(request));
		return "admin/passkey/choose";
	}

	@PostMapping("/mfa/choose")
	String choose(@RequestParam(defaultValue = "") String factor, HttpServletRequest request, Model model) {
		StaffAccount staff = current.require();
		if (hasFactor(staff)) {
			return "redirect:/mfa";
		}
		if (!StaffPasskeys.APP.equals(factor) && !StaffPasskeys.PASSKEY.equals(factor)) {
			model.addAttribute("error", "console.passkey.choose.error.none");
			return "admin/passkey/choose";
		}
		request.getSession(true).setAttribute(StaffPasskeys.CHOICE, factor);
		return StaffPasskeys.APP.equals(factor) ? "redirect:/mfa" : "redirect:/mfa/passkey/enrol";
	}

	@GetMapping("/mfa/passkey/enrol")
	String enrolPage(HttpServletRequest request) {
		StaffAccount staff = current.require();
		if (hasFactor(staff)) {
			return "redirect:/mfa";
		}
		return StaffPasskeys.PASSKEY.equals(StaffPasskeys.choice(request)) ? "admin/passkey/enrol"
				: "redirect:/mfa/choose";
	}

	/** Where passkey.js goes once the passkey is registered (and the second factor granted with it). */
	@PostMapping("/mfa/passkey/enrolled")
	String enrolled(HttpServletRequest request) {
		StaffAccount staff = current.require();
		return passkeys.enrolled(staff) && session.recentlyProved() ? "redirect:" + session.takeContinue(request)
				: "redirect:/mfa";
	}

	@GetMapping("/mfa/passkey")
	String signInPage() {
		return passkeys.enrolled(current.require()) ? "admin/passkey/signin" : "redirect:/mfa";
	}

	private boolean hasFactor(StaffAccount staff) {
		return staff.totpEnrolled() || passkeys.enrolled(staff);
	}
}
