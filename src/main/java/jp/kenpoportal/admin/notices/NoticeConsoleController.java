package jp.kenpoportal.admin.notices;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import jp.kenpoportal.admin.ConsoleSettings;
import jp.kenpoportal.admin.security.CurrentStaff;
import jp.kenpoportal.audit.AuditTrail;
import jp.kenpoportal.audit.AuditType;
import jp.kenpoportal.member.Employer;
import jp.kenpoportal.member.MemberDirectory;
import jp.kenpoportal.portal.KenpoNotice;
import jp.kenpoportal.portal.NoticeAudience;
import jp.kenpoportal.portal.NoticePreviews;
import jp.kenpoportal.portal.Notices;
import jp.kenpoportal.tenant.Kenpo;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * お知らせ (担当者, 管理者, 運用者): the kenpo's notices, writing one with a preview of the member
 * page at a phone's and a PC's width, editing and withdrawing. The kenpo is always the staff
 * member's own (or the operator's chosen one); a notice ID of another kenpo is refused as not
 * found, and the refusal is audited.
 */
@Controller
class NoticeConsoleController {

	private final NoticeAuthoring authoring;

	private final Notices notices;

	private final NoticePreviews previews;

	private final MemberDirectory members;

	private final CurrentStaff current;

	private final AuditTrail audit;

	private final ConsoleSettings settings;

	private final MessageSource messages;

	private final Clock clock;

	NoticeConsoleController(NoticeAuthoring authoring, Notices notices, NoticePreviews previews,
			MemberDirectory members, CurrentStaff current, AuditTrail audit, ConsoleSettings settings,
			MessageSource messages, Clock clock) {
		this.authoring = authoring;
		this.notices = notices;
		this.previews = previews;
		this.members = members;
		this.current = current;
		this.audit = audit;
		this.settings = settings;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/notices")
	String list(@RequestParam(defaultValue = "0") int page, HttpServletRequest request, Model model) {
		Kenpo kenpo = current.kenpo(request).orElse(null);
		if (kenpo == null) {
			return "redirect:/kenpos";
		}
		int size = settings.pageSize();
		int shown = Math.max(0, Math.min(page, 10_000));
		List<KenpoNotice> rows = notices.listForKenpo(kenpo.id(), shown * size, size + 1);
		model.addAttribute("notices", rows.size() > size ? rows.subList(0, size) : rows);
		model.addAttribute("page", shown);
		// the jte page (admin/notices/list.jte) has "page" for its PageContext: the number under a name of its own
		model.addAttribute("pageNumber", shown);
		model.addAttribute("hasNext", rows.size() > size);
		model.addAttribute("now", clock.instant());
		return "admin/notices/list";
	}

	@GetMapping("/notices/new")
	String newForm(HttpServletRequest request, Model model) {
		Kenpo kenpo = current.kenpo(request).orElse(null);
		if (kenpo == null) {
			return "redirect:/kenpos";
		}
		return form(kenpo, null, NoticeForm.empty(), Map.of(), null, model);
	}

	@PostMapping("/notices/new")
	String create(NoticeFormParams params, HttpServletRequest request, HttpServletResponse response, Model model) {
		Kenpo kenpo = kenpoOrRefuse(request, null);
		NoticeForm form = params.form();
		List<Employer> employers = members.employers(kenpo.id());
		Map<String, String> errors = form.errors(employers, clock.instant());
		if (!errors.isEmpty() || !params.saving()) {
			return form(kenpo, null, form.kept(), errors, errors.isEmpty() ? preview(kenpo, form, request, response) : null,
					model);
		}
		long id = authoring.create(kenpo, current.require(), form.draft(clock.instant()));
		return "redirect:/notices/" + id + "?saved";
	}

	@GetMapping("/notices/{id}")
	String show(@PathVariable long id, HttpServletRequest request, HttpServletResponse response, Model model) {
		Kenpo kenpo = kenpoOrRefuse(request, id);
		KenpoNotice notice = noticeOrRefuse(kenpo, id);
		model.addAttribute("notice", notice);
		model.addAttribute("status", notice.status(clock.instant()));
		model.addAttribute("employers", employerNames(kenpo, notice.draft().employerCodes()));
		model.addAttribute("preview", previews.memberPage(kenpo, notice.draft(), sampleName(), request, response));
		return "admin/notices/detail";
	}

	@GetMapping("/notices/{id}/edit")
	String editForm(@PathVariable long id, HttpServletRequest request, Model model) {
		Kenpo kenpo = kenpoOrRefuse(request, id);
		KenpoNotice notice = editableOrRefuse(kenpo, id);
		return form(kenpo, notice, NoticeForm.of(notice.draft()), Map.of(), null, model);
	}

	@PostMapping("/notices/{id}/edit")
	String update(@PathVariable long id, NoticeFormParams params, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Kenpo kenpo = kenpoOrRefuse(request, id);
		KenpoNotice notice = editableOrRefuse(kenpo, id);
		NoticeForm form = params.form();
		Map<String, String> errors = form.errors(members.employers(kenpo.id()), clock.instant());
		if (!errors.isEmpty() || !params.saving()) {
			return form(kenpo, notice, form.kept(), errors,
					errors.isEmpty() ? preview(kenpo, form, request, response) : null, model);
		}
		if (!authoring.update(kenpo, current.require(), notice, form.draft(clock.instant()))) {
			throw refuse(kenpo, id, "notice " + id + " was withdrawn meanwhile");
		}
		return "redirect:/notices/" + id + "?updated";
	}

	/** A withdrawal cannot be undone: it is asked for once more on a page of its own. */
	@GetMapping("/notices/{id}/withdraw")
	String withdrawForm(@PathVariable long id, HttpServletRequest request, Model model) {
		Kenpo kenpo = kenpoOrRefuse(request, id);
		KenpoNotice notice = editableOrRefuse(kenpo, id);
		model.addAttribute("notice", notice);
		model.addAttribute("status", notice.status(clock.instant()));
		return "admin/notices/withdraw";
	}

	@PostMapping("/notices/{id}/withdraw")
	String withdraw(@PathVariable long id, HttpServletRequest request) {
		Kenpo kenpo = kenpoOrRefuse(request, id);
		KenpoNotice notice = editableOrRefuse(kenpo, id);
		authoring.withdraw(kenpo, current.require(), notice);
		return "redirect:/notices/" + id + "?withdrawn";
	}

	private String form(Kenpo kenpo, KenpoNotice notice, NoticeForm form, Map<String, String> errors, String preview,
			Model model) {
		model.addAttribute("notice", notice);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("audiences", NoticeAudience.values());
		model.addAttribute("employers", members.employers(kenpo.id()));
		model.addAttribute("preview", preview);
		model.addAttribute("maxTitle", NoticeForm.MAX_TITLE);
		model.addAttribute("maxBody", NoticeForm.MAX_BODY);
		return "admin/notices/form";
	}

	private String preview(Kenpo kenpo, NoticeForm form, HttpServletRequest request, HttpServletResponse response) {
		return previews.memberPage(kenpo, form.draft(clock.instant()), sampleName(), request, response);
	}

	private String sampleName() {
		return messages.getMessage("console.notices.preview.memberName", null, java.util.Locale.JAPANESE);
	}

	private List<Employer> employerNames(Kenpo kenpo, List<String> codes) {
		List<Employer> known = members.employers(kenpo.id());
		return codes.stream()
			.map(c -> known.stream().filter(e -> e.code().equals(c)).findFirst().orElse(new Employer(c, "")))
			.toList();
	}

	private Kenpo kenpoOrRefuse(HttpServletRequest request, Long noticeId) {
		return current.kenpo(request).orElseThrow(() -> refuse(null, noticeId, "no kenpo chosen"));
	}

	private KenpoNotice noticeOrRefuse(Kenpo kenpo, long id) {
		return authoring.find(kenpo, id)
			.orElseThrow(() -> refuse(kenpo, id, "notice " + id + " is not of kenpo " + kenpo.code()));
	}

	/** A withdrawn notice stays withdrawn: its edit and withdraw URLs answer as for none. */
	private KenpoNotice editableOrRefuse(Kenpo kenpo, long id) {
		KenpoNotice notice = noticeOrRefuse(kenpo, id);
		if (!notice.editable()) {
			throw refuse(kenpo, id, "notice " + id + " is withdrawn");
		}
		return notice;
	}

	/** Not found, as for an ID that does not exist: another kenpo's IDs tell nothing. */
	private ResponseStatusException refuse(Kenpo kenpo, Long noticeId, String why) {
		audit.recordStaff(kenpo == null ? null : kenpo.id(), null, current.require().id(), AuditType.STAFF_ACCESS_REFUSED,
				why);
		return new ResponseStatusException(HttpStatus.NOT_FOUND);
	}
}
