package jp.kenpoportal.admin.support;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import jp.kenpoportal.admin.ConsoleSettings;
import jp.kenpoportal.admin.security.ConsoleSession;
import jp.kenpoportal.admin.security.CurrentStaff;
import jp.kenpoportal.admin.staff.StaffAccount;
import jp.kenpoportal.audit.AuditTrail;
import jp.kenpoportal.audit.AuditType;
import jp.kenpoportal.common.TypedInput;
import jp.kenpoportal.tenant.Kenpo;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 会員サポート (担当者, 管理者, 運用者): find a household, see its account's state, unlock it.
 * The kenpo is always the staff member's own (or the operator's chosen one); an account ID of
 * another kenpo is refused as not found, and the refusal is audited.
 */
@Controller
class MemberSupportController {

	static final int MAX_QUERY = 100;

	static final int MAX_REASON = 200;

	private final MemberSupport support;

	private final CurrentStaff current;

	private final ConsoleSession session;

	private final AuditTrail audit;

	private final SupportedAccounts accounts;

	private final ConsoleSettings settings;

	MemberSupportController(MemberSupport support, CurrentStaff current, ConsoleSession session, AuditTrail audit,
			ConsoleSettings settings, SupportedAccounts accounts) {
		this.support = support;
		this.current = current;
		this.session = session;
		this.audit = audit;
		this.settings = settings;
		this.accounts = accounts;
	}

	@GetMapping("/members")
	String search(@RequestParam(required = false) String kind, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, HttpServletRequest request, Model model) {
		Optional<Kenpo> kenpo = current.kenpo(request);
		if (kenpo.isEmpty()) {
			return "redirect:/kenpos";
		}
		SearchKind searchKind = SearchKind.parse(kind);
		model.addAttribute("kinds", SearchKind.values());
		model.addAttribute("kind", searchKind);
		model.addAttribute("q", q == null || q.length() > MAX_QUERY * 2 ? "" : q);
		if (q == null || q.isBlank()) {
			return "admin/members/search";
		}
		SearchText text = SearchText.of(searchKind, q);
		if (text.error() != null) {
			model.addAttribute("error", text.error());
			return "admin/members/search";
		}
		int size = settings.pageSize();
		int shown = Math.max(0, Math.min(page, 10_000));
		List<SupportRow> rows = support.search(kenpo.get(), searchKind, text.value(), shown * size, size + 1);
		audit.recordStaff(kenpo.get().id(), null, current.require().id(), AuditType.STAFF_MEMBER_SEARCHED,
				searchKind + " " + text.value());
		model.addAttribute("rows", rows.size() > size ? rows.subList(0, size) : rows);
		model.addAttribute("page", shown);
		// jte gives "page" to the page's context (common.PageContext): the number under a plain name too
		model.addAttribute("pageNumber", shown);
		model.addAttribute("hasNext", rows.size() > size);
		model.addAttribute("searched", true);
		return "admin/members/search";
	}

	@GetMapping("/members/{accountId}")
	String show(@PathVariable long accountId, HttpServletRequest request, Model model) {
		Kenpo kenpo = accounts.kenpoOrRefuse(request, accountId);
		AccountState state = accounts.stateOrRefuse(kenpo, accountId);
		audit.recordStaff(kenpo.id(), accountId, current.require().id(), AuditType.STAFF_MEMBER_VIEWED, null);
		model.addAttribute("state", state);
		return "admin/members/detail";
	}

	@GetMapping("/members/{accountId}/unlock")
	String unlockForm(@PathVariable long accountId, HttpServletRequest request, Model model) {
		Kenpo kenpo = accounts.kenpoOrRefuse(request, accountId);
		AccountState state = accounts.stateOrRefuse(kenpo, accountId);
		if (!session.recentlyProved()) {
			return session.askAgain(request, "/members/" + accountId + "/unlock");
		}
		model.addAttribute("state", state);
		model.addAttribute("maxReason", MAX_REASON);
		return "admin/members/unlock";
	}

	@PostMapping("/members/{accountId}/unlock")
	String unlock(@PathVariable long accountId, @RequestParam(defaultValue = "") String reason,
			HttpServletRequest request, Model model) {
		Kenpo kenpo = accounts.kenpoOrRefuse(request, accountId);
		AccountState state = accounts.stateOrRefuse(kenpo, accountId);
		if (!session.recentlyProved()) {
			return session.askAgain(request, "/members/" + accountId + "/unlock");
		}
		String typed = TypedInput.text(reason);
		String error = typed.isEmpty() ? "console.reason.error.required"
				: typed.length() > MAX_REASON ? "console.reason.error.long"
						: !state.locked() ? "console.members.unlock.error.notLocked" : null;
		if (error != null) {
			model.addAttribute("state", state);
			model.addAttribute("maxReason", MAX_REASON);
			model.addAttribute("reason", reason.length() > MAX_REASON * 4 ? "" : reason);
			model.addAttribute("error", error);
			return "admin/members/unlock";
		}
		StaffAccount staff = current.require();
		support.unlock(kenpo, state.account(), staff, typed);
		return "redirect:/members/" + accountId + "?unlocked";
	}
}
