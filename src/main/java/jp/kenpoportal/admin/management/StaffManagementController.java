package jp.kenpoportal.admin.management;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import jp.kenpoportal.admin.security.ConsoleSession;
import jp.kenpoportal.admin.security.CurrentStaff;
import jp.kenpoportal.admin.staff.StaffAccount;
import jp.kenpoportal.admin.staff.StaffAccounts;
import jp.kenpoportal.admin.staff.StaffInvitations;
import jp.kenpoportal.admin.staff.StaffRole;
import jp.kenpoportal.audit.AuditTrail;
import jp.kenpoportal.audit.AuditType;
import jp.kenpoportal.common.TypedInput;
import jp.kenpoportal.tenant.Kenpo;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * 職員管理 (管理者 and the operator): the kenpo's staff, invitations, role changes, unlocks and
 * disabling, each with a reason, audited, after the app was proved within 5 minutes. Staff of
 * another kenpo are not found; nobody changes their own role or disables themselves.
 */
@Controller
class StaffManagementController {

	static final int MAX_REASON = 200;

	private final StaffAccounts accounts;

	private final StaffInvitations invitations;

	private final CurrentStaff current;

	private final ConsoleSession session;

	private final AuditTrail audit;

	private final TransactionTemplate tx;

	private final java.time.Clock clock;

	StaffManagementController(StaffAccounts accounts, StaffInvitations invitations, CurrentStaff current,
			ConsoleSession session, AuditTrail audit, TransactionTemplate tx, java.time.Clock clock) {
		this.accounts = accounts;
		this.invitations = invitations;
		this.current = current;
		this.session = session;
		this.audit = audit;
		this.tx = tx;
		this.clock = clock;
	}

	@GetMapping("/staff")
	String list(HttpServletRequest request, Model model) {
		Optional<Kenpo> kenpo = current.kenpo(request);
		if (kenpo.isEmpty()) {
			return "redirect:/kenpos";
		}
		model.addAttribute("members", accounts.listOfKenpo(kenpo.get().id()));
		model.addAttribute("now", clock.instant());
		return "admin/staff/list";
	}

	@GetMapping("/staff/invite")
	String inviteForm(HttpServletRequest request, Model model) {
		if (current.kenpo(request).isEmpty()) {
			return "redirect:/kenpos";
		}
		if (!session.recentlyProved()) {
			return session.askAgain(request, "/staff/invite");
		}
		return invitePage(model, StaffInvitationForm.empty(), Map.of());
	}

	@PostMapping("/staff/invite")
	String invite(@ModelAttribute StaffInvitationForm form, HttpServletRequest request, Model model) {
		Kenpo kenpo = current.kenpo(request).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		if (!session.recentlyProved()) {
			return session.askAgain(request, "/staff/invite");
		}
		StaffAccount me = current.require();
		Map<String, String> errors = form.errors(me.role(), accounts);
		if (!errors.isEmpty()) {
			return invitePage(model, form, errors);
		}
		try {
			inviteInOneTransaction(kenpo, form, me);
		}
		catch (org.springframework.dao.DuplicateKeyException e) {
			// the same user ID taken by another request between the check and the insert
			return invitePage(model, form, Map.of("userId", "console.staff.error.userIdTaken"));
		}
		return "redirect:/staff?invited";
	}

	private void inviteInOneTransaction(Kenpo kenpo, StaffInvitationForm form, StaffAccount me) {
		tx.executeWithoutResult(status -> {
			StaffAccount invited = accounts.create(kenpo.id(), form.normalizedUserId(), form.normalizedName(),
					form.normalizedEmail(), form.parsedRole());
			invitations.send(invited, kenpo.name());
			audit.recordStaff(kenpo.id(), null, me.id(), AuditType.STAFF_INVITED,
					invited.loginId() + " " + invited.role());
		});
	}

	@GetMapping("/staff/{id}")
	String show(@PathVariable long id, HttpServletRequest request, Model model) {
		Kenpo kenpo = kenpoOrRefuse(request, id);
		return detailPage(model, staffOrRefuse(kenpo, id), null, null, null);
	}

	@PostMapping("/staff/{id}/role")
	String changeRole(@PathVariable long id, @RequestParam(defaultValue = "") String role,
			@RequestParam(defaultValue = "") String reason, HttpServletRequest request, Model model) {
		return act(id, "role", reason, request, model, (kenpo, target, me, why) -> {
			StaffRole newRole = Arrays.stream(StaffRole.values()).filter(r -> r.name().equals(role)).findFirst().orElse(null);
			if (newRole == null || !me.role().mayAssign(newRole) || target.id() == me.id()) {
				return "console.staff.error.roleChange";
			}
			accounts.changeRole(target.id(), newRole);
			audit.recordStaff(kenpo.id(), null, me.id(), AuditType.STAFF_ROLE_CHANGED,
					target.loginId() + " " + target.role() + "→" + newRole + ": " + why);
			return null;
		});
	}

	@PostMapping("/staff/{id}/unlock")
	String unlock(@PathVariable long id, @RequestParam(defaultValue = "") String reason, HttpServletRequest request,
			Model model) {
		return act(id, "unlock", reason, request, model, (kenpo, target, me, why) -> {
			accounts.unlock(target.id());
			audit.recordStaff(kenpo.id(), null, me.id(), AuditType.STAFF_UNLOCKED, target.loginId() + ": " + why);
			return null;
		});
	}

	@PostMapping("/staff/{id}/disable")
	String disable(@PathVariable long id, @RequestParam(defaultValue = "") String reason, HttpServletRequest request,
			Model model) {
		return act(id, "disable", reason, request, model, (kenpo, target, me, why) -> {
			if (target.id() == me.id()) {
				return "console.staff.error.disableSelf";
			}
			accounts.disable(target.id());
			audit.recordStaff(kenpo.id(), null, me.id(), AuditType.STAFF_DISABLED, target.loginId() + ": " + why);
			return null;
		});
	}

	/** One change to a staff account: found in the kenpo, proved recently, with a reason, in one transaction. */
	private String act(long id, String action, String reason, HttpServletRequest request, Model model, Change change) {
		Kenpo kenpo = kenpoOrRefuse(request, id);
		StaffAccount target = staffOrRefuse(kenpo, id);
		if (!session.recentlyProved()) {
			return session.askAgain(request, "/staff/" + id);
		}
		String why = TypedInput.text(reason);
		String error = why.isEmpty() ? "console.reason.error.required"
				: why.length() > MAX_REASON ? "console.reason.error.long" : null;
		if (error == null) {
			StaffAccount me = current.require();
			error = tx.execute(status -> {
				String refused = change.apply(kenpo, target, me, why);
				if (refused != null) {
					status.setRollbackOnly();
				}
				return refused;
			});
		}
		if (error != null) {
			return detailPage(model, target, action, error, reason.length() > MAX_REASON * 4 ? "" : reason);
		}
		return "redirect:/staff/" + id + "?done=" + action;
	}

	private String invitePage(Model model, StaffInvitationForm form, Map<String, String> errors) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("roles", assignable());
		return "admin/staff/invite";
	}

	private String detailPage(Model model, StaffAccount target, String action, String error, String reason) {
		model.addAttribute("target", target);
		model.addAttribute("now", clock.instant());
		model.addAttribute("roles", assignable());
		model.addAttribute("action", action);
		model.addAttribute("error", error);
		model.addAttribute("reason", reason);
		model.addAttribute("maxReason", MAX_REASON);
		return "admin/staff/detail";
	}

	private List<StaffRole> assignable() {
		StaffRole mine = current.require().role();
		return Arrays.stream(StaffRole.values()).filter(r -> r != StaffRole.OPERATOR && mine.mayAssign(r)).toList();
	}

	private Kenpo kenpoOrRefuse(HttpServletRequest request, long id) {
		return current.kenpo(request).orElseThrow(() -> refuse(null, "staff " + id + ": no kenpo chosen"));
	}

	private StaffAccount staffOrRefuse(Kenpo kenpo, long id) {
		return accounts.findInKenpo(kenpo.id(), id)
			.orElseThrow(() -> refuse(kenpo, "staff account " + id + " is not of kenpo " + kenpo.code()));
	}

	private ResponseStatusException refuse(Kenpo kenpo, String why) {
		audit.recordStaff(kenpo == null ? null : kenpo.id(), null, current.require().id(),
				AuditType.STAFF_ACCESS_REFUSED, why);
		return new ResponseStatusException(HttpStatus.NOT_FOUND);
	}

	@FunctionalInterface
	private interface Change {

		/** Makes the change; returns the key of a message why it was refused, or null. */
		String apply(Kenpo kenpo, StaffAccount target, StaffAccount me, String reason);
	}
}
