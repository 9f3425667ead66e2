package jp.kenpoportal.admin.settings;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import jp.kenpoportal.audit.AuditTrail;
import jp.kenpoportal.audit.AuditType;
import jp.kenpoportal.tenant.CharacterClass;
import jp.kenpoportal.tenant.Kenpo;
import jp.kenpoportal.tenant.KenpoDirectory;
import jp.kenpoportal.tenant.KenpoSettings;
import jp.kenpoportal.tenant.SecondFactor;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 設定: the kenpo's settings on one page; 確認 shows each changed field old → new; 保存 writes
 * them through the tenant module (which refreshes its caches at once) and audits old and new
 * values with the staff account. Both steps need the app proved within 5 minutes.
 */
@Controller
class SettingsController {

	private static final String PATH = "/settings";

	private final KenpoDirectory kenpos;

	private final SettingsGuard guard;

	private final AuditTrail audit;

	private final MessageSource messages;

	private final TransactionTemplate tx;

	private final Clock clock;

	SettingsController(KenpoDirectory kenpos, SettingsGuard guard, AuditTrail audit, MessageSource messages,
			TransactionTemplate tx, Clock clock) {
		this.kenpos = kenpos;
		this.guard = guard;
		this.audit = audit;
		this.messages = messages;
		this.tx = tx;
		this.clock = clock;
	}

	@GetMapping(PATH)
	String show(HttpServletRequest request, Model model) {
		Optional<Kenpo> kenpo = guard.kenpo(request);
		if (kenpo.isEmpty()) {
			return "redirect:/kenpos";
		}
		if (!guard.recentlyProved()) {
			return guard.askAgain(request, PATH);
		}
		return editPage(model, kenpo.get(), SettingsForm.of(current(kenpo.get())), Map.of(), false);
	}

	@PostMapping(PATH + "/confirm")
	String confirm(@ModelAttribute SettingsForm form, HttpServletRequest request, Model model) {
		Optional<Kenpo> kenpo = guard.kenpo(request);
		if (kenpo.isEmpty()) {
			return "redirect:/kenpos";
		}
		if (!guard.recentlyProved()) {
			return guard.askAgain(request, PATH);
		}
		Map<String, String> errors = form.errors(today());
		if (!errors.isEmpty()) {
			return editPage(model, kenpo.get(), form, errors, false);
		}
		KenpoSettings before = current(kenpo.get());
		SettingsChange change = SettingsChange.between(before, form.toSettings(before));
		if (change.isEmpty()) {
			return editPage(model, kenpo.get(), form, errors, true);
		}
		model.addAttribute("kenpo", kenpo.get());
		model.addAttribute("form", form);
		model.addAttribute("rows", change.rows(messages));
		return "admin/settings/confirm";
	}

	@PostMapping(PATH)
	String save(@ModelAttribute SettingsForm form, @RequestParam(defaultValue = "") String kenpoId,
			@RequestParam(defaultValue = "") String action, HttpServletRequest request, Model model) {
		Kenpo kenpo = guard.confirmedKenpo(request, kenpoId);
		if (!guard.recentlyProved()) {
			return guard.askAgain(request, PATH);
		}
		Map<String, String> errors = form.errors(today());
		if (!"save".equals(action) || !errors.isEmpty()) {
			// 戻る, or a form changed on the way: the edit page with what was typed
			return editPage(model, kenpo, form, errors, false);
		}
		long staffId = guard.staffId();
		boolean changed = Boolean.TRUE.equals(tx.execute(status -> {
			KenpoSettings before = current(kenpo);
			KenpoSettings after = form.toSettings(before);
			SettingsChange change = SettingsChange.between(before, after);
			if (change.isEmpty()) {
				return false;
			}
			kenpos.updateSettings(kenpo.id(), after);
			audit.recordStaff(kenpo.id(), null, staffId, AuditType.KENPO_SETTINGS_CHANGED, change.auditDetail());
			return true;
		}));
		return "redirect:" + PATH + (changed ? "?saved" : "?unchanged");
	}

	private KenpoSettings current(Kenpo kenpo) {
		return kenpos.settings(kenpo.id()).orElseThrow();
	}

	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), SettingsForm.JAPAN);
	}

	private String editPage(Model model, Kenpo kenpo, SettingsForm form, Map<String, String> errors,
			boolean unchanged) {
		model.addAttribute("kenpo", kenpo);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("unchanged", unchanged);
		model.addAttribute("classes", CharacterClass.values());
		model.addAttribute("factors", java.util.Arrays.stream(SecondFactor.values()).filter(SecondFactor::available).toList());
		model.addAttribute("services", SettingsForm.SERVICES);
		model.addAttribute("maxLinks", SettingsForm.MAX_LINKS);
		return "admin/settings/edit";
	}
}
