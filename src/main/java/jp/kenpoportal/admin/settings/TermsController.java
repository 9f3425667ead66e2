package jp.kenpoportal.admin.settings;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import jp.kenpoportal.audit.AuditTrail;
import jp.kenpoportal.audit.AuditType;
import jp.kenpoportal.tenant.Kenpo;
import jp.kenpoportal.tenant.KenpoDirectory;
import jp.kenpoportal.tenant.Terms;

import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 利用規約の改定: the versions so far, a new version written, previewed as members will see
 * it, then published with the day it takes effect. Members are asked to accept it at their
 * first sign-in from that day (the onboarding terms step asks for the version in effect).
 */
@Controller
class TermsController {

	private static final String PATH = "/settings/terms";

	private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter.ofPattern("uuuu年M月d日");

	private final KenpoDirectory kenpos;

	private final SettingsGuard guard;

	private final AuditTrail audit;

	private final TransactionTemplate tx;

	private final Clock clock;

	TermsController(KenpoDirectory kenpos, SettingsGuard guard, AuditTrail audit, TransactionTemplate tx, Clock clock) {
		this.kenpos = kenpos;
		this.guard = guard;
		this.audit = audit;
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
		return formPage(model, kenpo.get(), TermsForm.empty(today()), Map.of());
	}

	@PostMapping(PATH + "/preview")
	String preview(@ModelAttribute TermsForm form, HttpServletRequest request, Model model) {
		Optional<Kenpo> kenpo = guard.kenpo(request);
		if (kenpo.isEmpty()) {
			return "redirect:/kenpos";
		}
		if (!guard.recentlyProved()) {
			return guard.askAgain(request, PATH);
		}
		Map<String, String> errors = form.errors(today());
		if (!errors.isEmpty()) {
			return formPage(model, kenpo.get(), form, errors);
		}
		model.addAttribute("kenpo", kenpo.get());
		model.addAttribute("form", form);
		model.addAttribute("current", kenpos.currentTerms(kenpo.get().id()).orElse(null));
		model.addAttribute("immediately", !form.date().isAfter(today()));
		model.addAttribute("effectiveDate", DAY.format(form.date()));
		return "admin/settings/terms-preview";
	}

	@PostMapping(PATH)
	String publish(@ModelAttribute TermsForm form, @RequestParam(defaultValue = "") String kenpoId,
			@RequestParam(defaultValue = "") String action, HttpServletRequest request, Model model) {
		Kenpo kenpo = guard.confirmedKenpo(request, kenpoId);
		if (!guard.recentlyProved()) {
			return guard.askAgain(request, PATH);
		}
		Map<String, String> errors = form.errors(today());
		if (!"publish".equals(action) || !errors.isEmpty()) {
			return formPage(model, kenpo, form, errors);
		}
		long staffId = guard.staffId();
		tx.executeWithoutResult(status -> {
			String before = kenpos.currentTerms(kenpo.id()).map(t -> "v" + t.version()).orElse("none");
			Terms terms = kenpos.publishTerms(kenpo.id(), form.normalizedTitle(), form.normalizedBody(),
					form.effectiveAt(clock));
			audit.recordStaff(kenpo.id(), null, staffId, AuditType.TERMS_VERSION_PUBLISHED,
					before + " → v" + terms.version() + " 「" + terms.title() + "」 effective " + terms.effectiveAt());
		});
		return "redirect:" + PATH + "?published";
	}

	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), SettingsForm.JAPAN);
	}

	private String formPage(Model model, Kenpo kenpo, TermsForm form, Map<String, String> errors) {
		List<Terms> versions = kenpos.termsVersions(kenpo.id());
		int inEffect = kenpos.currentTerms(kenpo.id()).map(Terms::version).orElse(0);
		model.addAttribute("kenpo", kenpo);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("versions", versions.stream().map(t -> TermsRow.of(t, inEffect)).toList());
		return "admin/settings/terms";
	}

	/** A version in the list: its state said in words, not by colour. */
	record TermsRow(int version, String title, String effective, String stateKey) {

		static TermsRow of(Terms t, int inEffect) {
			String state = t.version() == inEffect ? "console.terms.state.current"
					: t.version() > inEffect ? "console.terms.state.scheduled" : "console.terms.state.past";
			return new TermsRow(t.version(), t.title(), DAY.format(LocalDate.ofInstant(t.effectiveAt(), SettingsForm.JAPAN)), state);
		}
	}
}
