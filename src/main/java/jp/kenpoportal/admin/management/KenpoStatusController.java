package jp.kenpoportal.admin.management;

import jakarta.servlet.http.HttpServletRequest;

import jp.kenpoportal.admin.security.ConsoleSession;
import jp.kenpoportal.admin.security.CurrentStaff;
import jp.kenpoportal.audit.AuditTrail;
import jp.kenpoportal.audit.AuditType;
import jp.kenpoportal.common.TypedInput;
import jp.kenpoportal.tenant.Kenpo;
import jp.kenpoportal.tenant.KenpoDirectory;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The operator stops a kenpo's portal (its contract ended, an incident) and resumes it. Stopping
 * deletes nothing: members see a page naming the kenpo's contact, its staff cannot sign in.
 * Both ask for the kenpo's code typed again and a reason, after a recent second factor, and
 * are audited with the reason.
 */
@Controller
class KenpoStatusController {

	private static final String PAGE = "admin/kenpos/status";

	private final KenpoDirectory kenpos;

	private final CurrentStaff current;

	private final ConsoleSession session;

	private final AuditTrail audit;

	private final TransactionTemplate tx;

	KenpoStatusController(KenpoDirectory kenpos, CurrentStaff current, ConsoleSession session, AuditTrail audit,
			TransactionTemplate tx) {
		this.kenpos = kenpos;
		this.current = current;
		this.session = session;
		this.audit = audit;
		this.tx = tx;
	}

	@GetMapping({ "/kenpos/{id}/disable", "/kenpos/{id}/enable" })
	String form(@PathVariable long id, HttpServletRequest request, Model model) {
		Kenpo kenpo = kenpo(id);
		if (!session.recentlyProved()) {
			return session.askAgain(request, request.getRequestURI().substring(request.getContextPath().length()));
		}
		return page(model, kenpo, "", "", null);
	}

	@PostMapping("/kenpos/{id}/disable")
	String disable(@PathVariable long id, @RequestParam(defaultValue = "") String code,
			@RequestParam(defaultValue = "") String reason, HttpServletRequest request, Model model) {
		return change(id, true, code, reason, request, model);
	}

	@PostMapping("/kenpos/{id}/enable")
	String enable(@PathVariable long id, @RequestParam(defaultValue = "") String code,
			@RequestParam(defaultValue = "") String reason, HttpServletRequest request, Model model) {
		return change(id, false, code, reason, request, model);
	}

	private String change(long id, boolean stop, String code, String reason, HttpServletRequest request,
			Model model) {
		Kenpo kenpo = kenpo(id);
		if (!session.recentlyProved()) {
			return session.askAgain(request, "/kenpos/" + id + (stop ? "/disable" : "/enable"));
		}
		String typedReason = TypedInput.text(reason);
		String typedCode = TypedInput.text(code).trim();
		String error = stop == kenpo.disabled() ? (stop ? "console.kenpoStatus.error.alreadyStopped"
				: "console.kenpoStatus.error.alreadyRunning")
				: !typedCode.equals(kenpo.code()) ? "console.kenpoStatus.error.code"
						: typedReason.isEmpty() ? "console.reason.error.required"
								: typedReason.length() > StaffManagementController.MAX_REASON
										? "console.reason.error.long" : null;
		if (error != null) {
			return page(model, kenpo, code.length() > 100 ? "" : code,
					reason.length() > StaffManagementController.MAX_REASON * 4 ? "" : reason, error);
		}
		long operatorId = current.require().id();
		tx.executeWithoutResult(status -> {
			if (stop) {
				kenpos.disable(kenpo.id());
			}
			else {
				kenpos.enable(kenpo.id());
			}
			audit.recordStaff(kenpo.id(), null, operatorId, stop ? AuditType.KENPO_DISABLED : AuditType.KENPO_ENABLED,
					typedReason);
		});
		return "redirect:/kenpos?" + (stop ? "disabled" : "enabled");
	}

	private Kenpo kenpo(long id) {
		return kenpos.findById(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private String page(Model model, Kenpo kenpo, String code, String reason, String error) {
		model.addAttribute("kenpo", kenpo);
		model.addAttribute("code", code);
		model.addAttribute("reason", reason);
		model.addAttribute("error", error);
		model.addAttribute("maxReason", StaffManagementController.MAX_REASON);
		return PAGE;
	}
}
