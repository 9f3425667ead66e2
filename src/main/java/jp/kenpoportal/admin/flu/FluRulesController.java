package jp.kenpoportal.admin.flu;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import jp.kenpoportal.admin.security.ConsoleSession;
import jp.kenpoportal.audit.AuditTrail;
import jp.kenpoportal.audit.AuditType;
import jp.kenpoportal.flu.FluSeason;
import jp.kenpoportal.flu.FluSeasons;
import jp.kenpoportal.tenant.Kenpo;

import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * インフルエンザ予防接種補助 rules per season (管理者, 運用者): one form per 年度; saving needs a
 * reason and the app proved within 5 minutes, and is audited with the old and new rules.
 */
@Controller
class FluRulesController {

	private static final String PATH = "/flu/rules";

	private final FluConsoleGuard guard;

	private final FluSeasons seasons;

	private final ConsoleSession session;

	private final AuditTrail audit;

	private final TransactionTemplate tx;

	private final Clock clock;

	FluRulesController(FluConsoleGuard guard, FluSeasons seasons, ConsoleSession session, AuditTrail audit,
			TransactionTemplate tx, Clock clock) {
		this.guard = guard;
		this.seasons = seasons;
		this.session = session;
		this.audit = audit;
		this.tx = tx;
		this.clock = clock;
	}

	@GetMapping(PATH)
	String show(@RequestParam(required = false) Integer year, HttpServletRequest request, Model model) {
		Kenpo kenpo = guard.kenpo(request);
		int shown = year != null && year >= 2000 && year <= 2100 ? year
				: FluSeason.fiscalYearOf(LocalDate.ofInstant(clock.instant(), FluReviewController.JAPAN));
		FluRulesForm form = seasons.find(kenpo.id(), shown).map(FluRulesForm::of).orElse(FluRulesForm.defaults(shown));
		return page(kenpo, form, Map.of(), model);
	}

	@PostMapping(PATH)
	String save(@RequestParam Map<String, String> params, HttpServletRequest request, Model model) {
		Kenpo kenpo = guard.kenpo(request);
		if (!session.recentlyProved()) {
			return session.askAgain(request, PATH);
		}
		FluRulesForm form = FluRulesForm.from(params);
		Map<String, String> errors = new LinkedHashMap<>();
		Optional<FluSeason> season = form.season(kenpo.id(), errors);
		if (season.isEmpty()) {
			return page(kenpo, form, errors, model);
		}
		FluSeason s = season.get();
		String before = seasons.find(kenpo.id(), s.fiscalYear()).map(FluRulesForm::summary).orElse("（なし）");
		tx.executeWithoutResult(t -> {
			seasons.save(kenpo.id(), s);
			audit.recordStaff(kenpo.id(), null, guard.staffId(), AuditType.FLU_RULES_CHANGED,
					before + " → " + FluRulesForm.summary(s) + " 理由: " + ConsoleText.reason(form.reason()));
		});
		return "redirect:" + PATH + "?year=" + s.fiscalYear() + "&saved";
	}

	private String page(Kenpo kenpo, FluRulesForm form, Map<String, String> errors, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("seasons", seasons.list(kenpo.id()));
		return "admin/flu/rules";
	}
}
