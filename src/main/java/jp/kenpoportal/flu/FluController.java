package jp.kenpoportal.flu;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jp.kenpoportal.audit.AuditTrail;
import jp.kenpoportal.audit.AuditType;
import jp.kenpoportal.member.Household;
import jp.kenpoportal.member.Member;
import jp.kenpoportal.signin.RateLimits;
import jp.kenpoportal.signin.SignedInAccount;
import jp.kenpoportal.signin.SignedInHousehold;
import jp.kenpoportal.tenant.KenpoService;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * インフルエンザ予防接種補助 for the insured: the season's rules and the household's applications,
 * a new application (kept as a draft with its receipts while there are errors), its confirmation,
 * correction after 修正依頼, withdrawal until review starts, and the receipts, served only as
 * {@link ReceiptResponses} allows. Every application is found through the signed-in household.
 */
@Controller
@KenpoService("flu")
class FluController {

	private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

	private final FluSeasons seasons;

	private final FluApplications applications;

	private final FluReceipts receipts;

	private final BankDirectory banks;

	private final SignedInHousehold households;

	private final SignedInAccount accounts;

	private final AuditTrail audit;

	private final Clock clock;

	private final RateLimits limits;

	FluController(FluSeasons seasons, FluApplications applications, FluReceipts receipts, BankDirectory banks,
			SignedInHousehold households, SignedInAccount accounts, AuditTrail audit, Clock clock, RateLimits limits) {
		this.limits = limits;
		this.seasons = seasons;
		this.applications = applications;
		this.receipts = receipts;
		this.banks = banks;
		this.households = households;
		this.accounts = accounts;
		this.audit = audit;
		this.clock = clock;
	}

	@GetMapping("/flu")
	String index(Model model) {
		Household household = households.require();
		Optional<FluSeason> season = seasons.of(household.kenpoId(), today());
		model.addAttribute("household", household);
		model.addAttribute("season", season.orElse(null));
		model.addAttribute("open", season.map(s -> s.openOn(today())).orElse(false));
		model.addAttribute("eligibility", season.map(s -> eligibility(s, household, 0)).orElse(Map.of()));
		model.addAttribute("applications", applications.ofHousehold(household));
		return "flu/index";
	}

	@GetMapping("/flu/applications/new")
	String newForm(Model model) {
		Household household = households.require();
		FluSeason season = openSeason(household);
		FluForm empty = FluForm.from(Map.of(), household);
		return form(household, season, null, empty, Map.of(), model);
	}

	@PostMapping("/flu/applications/new")
	String create(@RequestParam Map<String, String> params,
			@RequestParam(name = "files", required = false) List<MultipartFile> files, Model model) {
		Household household = households.require();
		FluSeason season = openSeason(household);
		long id = applications.draft(household, accounts.require().id(), season);
		return save(household, season, editable(household, id), params, files, model);
	}

	@GetMapping("/flu/applications/{id}")
	String detail(@PathVariable long id, Model model) {
		Household household = households.require();
		FluApplication app = find(household, id);
		model.addAttribute("household", household);
		model.addAttribute("app", app);
		model.addAttribute("history", applications.history(app.kenpoId(), app.id()));
		// the jte page names the banks through the model (the Thymeleaf one reads the bean @bankDirectory)
		model.addAttribute("bankDirectory", banks);
		return "flu/detail";
	}

	@GetMapping("/flu/applications/{id}/edit")
	String editForm(@PathVariable long id, Model model) {
		Household household = households.require();
		FluApplication app = editable(household, id);
		FluSeason season = openSeason(household);
		return form(household, season, app, FluForm.of(app, household), Map.of(), model);
	}

	@PostMapping("/flu/applications/{id}/edit")
	String update(@PathVariable long id, @RequestParam Map<String, String> params,
			@RequestParam(name = "files", required = false) List<MultipartFile> files, Model model) {
		Household household = households.require();
		FluSeason season = openSeason(household);
		return save(household, season, editable(household, id), params, files, model);
	}

	@GetMapping("/flu/applications/{id}/confirm")
	String confirm(@PathVariable long id, Model model) {
		Household household = households.require();
		FluApplication app = editable(household, id);
		model.addAttribute("household", household);
		model.addAttribute("app", app);
		model.addAttribute("season", openSeason(household));
		model.addAttribute("bankDirectory", banks);
		return "flu/confirm";
	}

	@PostMapping("/flu/applications/{id}/submit")
	String submit(@PathVariable long id, Model model) {
		Household household = households.require();
		FluApplication app = editable(household, id);
		FluSeason season = openSeason(household);
		// the rules are checked again as the application stands: the day may have moved on since
		Map<String, String> errors = new LinkedHashMap<>();
		FluForm stored = FluForm.of(app, household);
		stored.validate(season, household, today(), claimedElsewhere(household, season, app), banks, errors);
		check(household, season, app, errors);
		if (!errors.isEmpty()) {
			return form(household, season, app, stored, errors, model);
		}
		applications.submit(app);
		return "redirect:/flu/applications/" + id + "?submitted";
	}

	@PostMapping("/flu/applications/{id}/withdraw")
	String withdraw(@PathVariable long id) {
		Household household = households.require();
		FluApplication app = find(household, id);
		if (!applications.withdraw(app)) {
			return "redirect:/flu/applications/" + id + "?notWithdrawn";
		}
		return "redirect:/flu/applications/" + id + "?withdrawn";
	}

	@GetMapping("/flu/applications/{id}/receipts/{receiptId}")
	ResponseEntity<byte[]> receipt(@PathVariable long id, @PathVariable long receiptId) {
		Household household = households.require();
		FluApplication app = find(household, id);
		return receipts.read(app, receiptId)
			.map(ReceiptResponses::of)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private String save(Household household, FluSeason season, FluApplication app, Map<String, String> params,
			List<MultipartFile> files, Model model) {
		Map<String, String> errors = new LinkedHashMap<>();
		for (String key : params.keySet()) {
			if (key.startsWith("remove.")) {
				parseId(key.substring("remove.".length())).ifPresent(rid -> receipts.remove(app, rid));
			}
		}
		store(app, files, errors);
		FluApplication now = editable(household, app.id());
		FluForm form = FluForm.from(params, household);
		Optional<FluForm.Valid> valid = form.validate(season, household, today(), claimedElsewhere(household, season, now),
				banks, errors);
		check(household, season, now, errors);
		if (valid.isEmpty() || !errors.isEmpty()) {
			return form(household, season, now, form, errors, model);
		}
		applications.saveDetails(now, valid.get().clinic(), valid.get().account(), valid.get().lines());
		return "redirect:/flu/applications/" + app.id() + "/confirm";
	}

	/** Checks each file as it comes; the accepted ones stay with the draft whatever else is wrong. */
	private void store(FluApplication app, List<MultipartFile> files, Map<String, String> errors) {
		if (files == null) {
			return;
		}
		List<String> refused = new java.util.ArrayList<>();
		for (MultipartFile file : files) {
			if (file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isEmpty())) {
				continue;
			}
			String shown = FluReceipts.displayName(file.getOriginalFilename(), ReceiptType.PDF);
			if (!limits.tryAcquire(RateLimits.Limit.UPLOADS_PER_ACCOUNT, "flu:" + app.accountId())) {
				// decoding and encoding each image costs CPU: a script cannot make the node do it all day
				refused.add("flu.receipt.refused.THROTTLED|" + shown);
				continue;
			}
			ReceiptCheck.Result result;
			try {
				result = file.getSize() > ReceiptCheck.MAX_BYTES
						? new ReceiptCheck.Result(null, null, ReceiptCheck.Refusal.TOO_LARGE)
						: ReceiptCheck.check(file.getBytes());
			}
			catch (IOException e) {
				result = new ReceiptCheck.Result(null, null, ReceiptCheck.Refusal.BROKEN);
			}
			if (!result.accepted()) {
				refused.add(result.refusal().messageKey() + "|" + shown);
				audit.record(app.kenpoId(), app.accountId(), AuditType.FLU_RECEIPT_REFUSED,
						"application " + app.id() + ": " + result.refusal() + " " + shown);
			}
			else if (receipts.count(app) >= FluReceipts.MAX_PER_APPLICATION) {
				refused.add("flu.receipt.refused.TOO_MANY|" + shown);
			}
			else {
				receipts.store(app, result, file.getOriginalFilename());
			}
		}
		for (int i = 0; i < refused.size(); i++) {
			errors.put("files" + i, refused.get(i));
		}
	}

	/** What the stored application must have beyond the form: a receipt; one per household if so ruled. */
	private void check(Household household, FluSeason season, FluApplication app, Map<String, String> errors) {
		if (app.receipts().isEmpty() && errors.keySet().stream().noneMatch(k -> k.startsWith("files"))) {
			errors.put("files", "flu.error.receipts");
		}
		if (season.perHousehold()
				&& applications.householdHasOther(household.kenpoId(), season.id(), household.insured().id(), app.id())) {
			errors.put("persons", "flu.error.householdApplied");
		}
	}

	private String form(Household household, FluSeason season, FluApplication app, FluForm form,
			Map<String, String> errors, Model model) {
		model.addAttribute("household", household);
		model.addAttribute("season", season);
		model.addAttribute("app", app);
		model.addAttribute("form", form);
		model.addAttribute("payee", season.payeeFor(household.insured()));
		model.addAttribute("errors", errors);
		model.addAttribute("eligibility", eligibility(season, household, app == null ? 0 : app.id()));
		model.addAttribute("banks", banks.banks());
		model.addAttribute("today", today());
		return "flu/form";
	}

	/** Per household member: why they cannot be claimed for, or null when they can. */
	private Map<Long, String> eligibility(FluSeason season, Household household, long applicationId) {
		List<Long> claimed = applications.claimedElsewhere(household.kenpoId(), season.id(), applicationId,
				household.memberIds());
		Map<Long, String> result = new LinkedHashMap<>();
		for (Member m : household.members()) {
			String why = season.ineligibleInSeason(m, today())
				.map(Ineligible::messageKey)
				.orElse(claimed.contains(m.id()) ? Ineligible.ALREADY_CLAIMED.messageKey() : null);
			result.put(m.id(), why);
		}
		return result;
	}

	private List<Long> claimedElsewhere(Household household, FluSeason season, FluApplication app) {
		return applications.claimedElsewhere(household.kenpoId(), season.id(), app.id(), household.memberIds());
	}

	private FluSeason openSeason(Household household) {
		return seasons.of(household.kenpoId(), today())
			.filter(s -> s.openOn(today()))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private FluApplication find(Household household, long id) {
		return applications.ofHousehold(household, id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private FluApplication editable(Household household, long id) {
		FluApplication app = find(household, id);
		if (!app.state().editableByMember()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return app;
	}

	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), JAPAN);
	}

	private static Optional<Long> parseId(String text) {
		try {
			return Optional.of(Long.parseLong(text));
		}
		catch (NumberFormatException e) {
			return Optional.empty();
		}
	}
}
