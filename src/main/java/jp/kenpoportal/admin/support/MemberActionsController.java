package jp.kenpoportal.admin.support;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import jp.kenpoportal.admin.security.ConsoleSession;
import jp.kenpoportal.admin.security.CurrentStaff;
import jp.kenpoportal.admin.staff.StaffAccount;
import jp.kenpoportal.audit.AuditTrail;
import jp.kenpoportal.audit.AuditType;
import jp.kenpoportal.common.EmailAddress;
import jp.kenpoportal.common.TypedInput;
import jp.kenpoportal.tenant.Kenpo;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 会員サポートの操作 (担当者, 管理者, 運用者): remove the second factor, change the mail address,
 * reset to first registration. Each needs the second factor within 5 minutes and a reason; an
 * account ID of another kenpo is refused as not found and audited, as on the account's page.
 */
@Controller
class MemberActionsController {

	private static final String VIEW = "admin/members/action";

	private final MemberSupport support;

	private final MemberActions actions;

	private final ResetLetters letters;

	private final CurrentStaff current;

	private final ConsoleSession session;

	private final AuditTrail audit;

	private final SupportedAccounts accounts;

	MemberActionsController(MemberSupport support, MemberActions actions, ResetLetters letters, CurrentStaff current,
			ConsoleSession session, AuditTrail audit, SupportedAccounts accounts) {
		this.support = support;
		this.actions = actions;
		this.letters = letters;
		this.current = current;
		this.session = session;
		this.audit = audit;
		this.accounts = accounts;
	}

	@GetMapping("/members/{accountId}/{action:factor|email|reset}")
	String form(@PathVariable long accountId, @PathVariable String action, HttpServletRequest request, Model model) {
		Kenpo kenpo = accounts.kenpoOrRefuse(request, accountId);
		AccountState state = accounts.stateOrRefuse(kenpo, accountId);
		if (!session.recentlyProved()) {
			return session.askAgain(request, "/members/" + accountId + "/" + action);
		}
		return view(model, state, action, "", "", null);
	}

	@PostMapping("/members/{accountId}/factor")
	String removeFactor(@PathVariable long accountId, @RequestParam(defaultValue = "") String reason,
			HttpServletRequest request, Model model) {
		Kenpo kenpo = accounts.kenpoOrRefuse(request, accountId);
		AccountState state = accounts.stateOrRefuse(kenpo, accountId);
		if (!session.recentlyProved()) {
			return session.askAgain(request, "/members/" + accountId + "/factor");
		}
		String error = reasonError(reason);
		if (error == null && state.account().secondFactorEnrolledAt() == null) {
			error = "console.support.factor.error.none";
		}
		if (error != null) {
			return view(model, state, "factor", reason, "", error);
		}
		actions.removeFactor(kenpo, state.account(), current.require(), TypedInput.text(reason));
		return "redirect:/members/" + accountId + "?factorRemoved";
	}

	@PostMapping("/members/{accountId}/email")
	String changeEmail(@PathVariable long accountId, @RequestParam(defaultValue = "") String reason,
			@RequestParam(defaultValue = "") String email, HttpServletRequest request, Model model) {
		Kenpo kenpo = accounts.kenpoOrRefuse(request, accountId);
		AccountState state = accounts.stateOrRefuse(kenpo, accountId);
		if (!session.recentlyProved()) {
			return session.askAgain(request, "/members/" + accountId + "/email");
		}
		String address = TypedInput.email(email);
		String error = address.isEmpty() ? "console.support.email.error.required"
				: !EmailAddress.isValid(address) ? "console.support.email.error.format"
						: address.equalsIgnoreCase(String.valueOf(state.account().email()))
								? "console.support.email.error.same" : reasonError(reason);
		if (error != null) {
			return view(model, state, "email", reason, email, error);
		}
		actions.changeEmail(kenpo, state.account(), current.require(), TypedInput.text(reason),
				address.toLowerCase(Locale.ROOT));
		return "redirect:/members/" + accountId + "?emailSent";
	}

	@PostMapping("/members/{accountId}/reset")
	String reset(@PathVariable long accountId, @RequestParam(defaultValue = "") String reason,
			HttpServletRequest request, Model model, RedirectAttributes redirect) {
		Kenpo kenpo = accounts.kenpoOrRefuse(request, accountId);
		AccountState state = accounts.stateOrRefuse(kenpo, accountId);
		if (!session.recentlyProved()) {
			return session.askAgain(request, "/members/" + accountId + "/reset");
		}
		String error = reasonError(reason);
		if (error != null) {
			return view(model, state, "reset", reason, "", error);
		}
		StaffAccount staff = current.require();
		byte[] letter = actions.reset(kenpo, state.account(), state.insured(), staff, TypedInput.text(reason));
		// the key to the sealed letter goes in the link only, never in the session
		redirect.addAttribute("key", letters.keep(request.getSession(), staff.id(), kenpo.id(), accountId, letter));
		return "redirect:/members/" + accountId + "/reset/done";
	}

	/** The page right after the reset, with the letter's one download; without it (reloaded), the account's page. */
	@GetMapping("/members/{accountId}/reset/done")
	String resetDone(@PathVariable long accountId, @RequestParam(defaultValue = "") String key,
			HttpServletRequest request, Model model) {
		Kenpo kenpo = accounts.kenpoOrRefuse(request, accountId);
		AccountState state = accounts.stateOrRefuse(kenpo, accountId);
		if (key.isEmpty() || !letters.waiting(request.getSession(false), accountId)) {
			return "redirect:/members/" + accountId;
		}
		model.addAttribute("letter", key);
		model.addAttribute("state", state);
		return "admin/members/reset-done";
	}

	@GetMapping("/members/{accountId}/reset/letter")
	ResponseEntity<byte[]> letter(@PathVariable long accountId, @RequestParam(defaultValue = "") String token,
			HttpServletRequest request) {
		Kenpo kenpo = accounts.kenpoOrRefuse(request, accountId);
		accounts.stateOrRefuse(kenpo, accountId);
		StaffAccount staff = current.require();
		byte[] pdf = letters.take(request.getSession(false), token, staff.id(), kenpo.id(), accountId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.GONE));
		audit.recordStaff(kenpo.id(), accountId, staff.id(), AuditType.MEMBER_RESET_BY_STAFF, "letter downloaded");
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.cacheControl(CacheControl.noStore())
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("仮パスワードのお知らせ.pdf", StandardCharsets.UTF_8).build()
						.toString())
			.body(pdf);
	}

	private String view(Model model, AccountState state, String action, String reason, String email, String error) {
		model.addAttribute("state", state);
		model.addAttribute("action", action);
		model.addAttribute("maxReason", MemberSupportController.MAX_REASON);
		model.addAttribute("reason", reason.length() > MemberSupportController.MAX_REASON * 4 ? "" : reason);
		model.addAttribute("email", email.length() > 1000 ? "" : email);
		model.addAttribute("error", error);
		return VIEW;
	}

	private static String reasonError(String reason) {
		String typed = TypedInput.text(reason);
		return typed.isEmpty() ? "console.reason.error.required"
				: typed.length() > MemberSupportController.MAX_REASON ? "console.reason.error.long" : null;
	}
}
