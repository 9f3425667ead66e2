package jp.kenpoportal.admin.security;

import java.util.Optional;
import java.util.OptionalLong;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import jp.kenpoportal.admin.passkey.StaffPasskeys;
import jp.kenpoportal.admin.staff.StaffAccount;
import jp.kenpoportal.admin.staff.StaffAccounts;
import jp.kenpoportal.admin.staff.StaffTotp;
import jp.kenpoportal.audit.AuditTrail;
import jp.kenpoportal.audit.AuditType;
import jp.kenpoportal.signin.totp.OtpAuthUri;
import jp.kenpoportal.signin.totp.QrCode;
import jp.kenpoportal.signin.totp.TotpSecret;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The second factor of staff: the authenticator app, enrolled on the first sign-in (a new
 * secret waits in the session until a code from the app confirms it), proved on every
 * sign-in and again before changes. Wrong codes count toward the same lock as passwords;
 * never a mail code.
 */
@Controller
class ConsoleMfaController {

	static final String ISSUER = "Kenpo Portal 管理コンソール";

	private static final String PENDING = "console.totpPending";

	private static final int QR_SIZE = 240;

	private final CurrentStaff current;

	private final StaffAccounts accounts;

	private final StaffTotp totp;

	private final ConsoleSession session;

	private final AuditTrail audit;

	private final java.time.Clock clock;

	private final StaffPasskeys passkeys;

	ConsoleMfaController(CurrentStaff current, StaffAccounts accounts, StaffTotp totp, ConsoleSession session,
			AuditTrail audit, java.time.Clock clock, StaffPasskeys passkeys) {
		this.passkeys = passkeys;
		this.current = current;
		this.accounts = accounts;
		this.totp = totp;
		this.session = session;
		this.audit = audit;
		this.clock = clock;
	}

	@GetMapping("/mfa")
	String show(HttpServletRequest request, Model model) {
		StaffAccount staff = current.require();
		// a passkey instead of the app: the staff member's passkey, or the choice on the first sign-in
		Optional<String> instead = passkeys.instead(staff, request);
		if (instead.isPresent()) {
			return "redirect:" + instead.get();
		}
		if (!staff.totpEnrolled()) {
			return enrolPage(staff, request.getSession(), model);
		}
		return "admin/mfa";
	}

	@PostMapping("/mfa")
	String verify(@RequestParam(defaultValue = "") String code, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		StaffAccount staff = current.require();
		if (!staff.totpEnrolled()) {
			return "redirect:/mfa";
		}
		if (staff.lockedAt(clock.instant())) {
			// locked meanwhile (by failures in another browser): no code is accepted until it ends
			session.signOut(request, response);
			return "redirect:/login?locked";
		}
		if (totp.verify(staff.id(), code)) {
			return succeed(staff, request, response);
		}
		return refuse(staff, request, response, model, "admin/mfa");
	}

	@PostMapping("/mfa/enrol")
	String enrol(@RequestParam(defaultValue = "") String code, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		StaffAccount staff = current.require();
		HttpSession http = request.getSession();
		if (staff.totpEnrolled() || passkeys.instead(staff, request).isPresent()
				|| !(http.getAttribute(PENDING) instanceof String base32)) {
			return "redirect:/mfa";
		}
		TotpSecret pending = TotpSecret.fromBase32(base32);
		OptionalLong step = totp.confirm(pending, code);
		if (step.isEmpty()) {
			enrolPage(staff, http, model);
			return refuse(staff, request, response, model, "admin/mfa-enrol");
		}
		totp.save(staff.id(), pending, step.getAsLong());
		http.removeAttribute(PENDING);
		audit.recordStaff(staff.kenpoId(), null, staff.id(), AuditType.STAFF_TOTP_ENROLLED, null);
		return succeed(staff, request, response);
	}

	private String succeed(StaffAccount staff, HttpServletRequest request, HttpServletResponse response) {
		accounts.completeSignIn(staff.id());
		audit.recordStaff(staff.kenpoId(), null, staff.id(), AuditType.STAFF_SECOND_FACTOR_ACCEPTED, null);
		session.grantSecondFactor(staff, request, response);
		return "redirect:" + session.takeContinue(request);
	}

	private String refuse(StaffAccount staff, HttpServletRequest request, HttpServletResponse response, Model model,
			String page) {
		boolean locked = accounts.registerFailure(staff.id());
		audit.recordStaff(staff.kenpoId(), null, staff.id(),
				locked ? AuditType.STAFF_LOCKED : AuditType.STAFF_SECOND_FACTOR_FAILED, "TOTP");
		if (locked) {
			session.signOut(request, response);
			return "redirect:/login?locked";
		}
		model.addAttribute("error", "console.mfa.error.wrong");
		return page;
	}

	private String enrolPage(StaffAccount staff, HttpSession http, Model model) {
		if (!(http.getAttribute(PENDING) instanceof String)) {
			http.setAttribute(PENDING, TotpSecret.generate().base32());
		}
		TotpSecret secret = TotpSecret.fromBase32((String) http.getAttribute(PENDING));
		model.addAttribute("totpQr", QrCode.pngDataUri(OtpAuthUri.of(ISSUER, staff.loginId(), secret.base32()), QR_SIZE));
		model.addAttribute("totpIssuer", ISSUER);
		model.addAttribute("totpAccount", staff.loginId());
		model.addAttribute("totpKey", secret.groupedForDisplay());
		return "admin/mfa-enrol";
	}
}
