package jp.kenpoportal.admin.flu;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import jp.kenpoportal.benefit.Payee;
import jp.kenpoportal.flu.FluApplication;
import jp.kenpoportal.flu.FluApplications;
import jp.kenpoportal.flu.FluLine;
import jp.kenpoportal.flu.FluPayments;
import jp.kenpoportal.flu.FluReceipts;
import jp.kenpoportal.flu.FluSeason;
import jp.kenpoportal.flu.FluSeasons;
import jp.kenpoportal.flu.ReceiptResponses;
import jp.kenpoportal.member.Household;
import jp.kenpoportal.member.Member;
import jp.kenpoportal.member.MemberDirectory;
import jp.kenpoportal.tenant.Kenpo;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * インフルエンザ予防接種補助 review (担当者, 管理者, 運用者): the queue in order of arrival, one
 * application beside its receipts with each person's qualification on the vaccination date and the
 * duplicates found, and the decisions: 審査開始, 承認 (an amount may be lowered, with a reason),
 * 却下 and 修正依頼 (each with a reason), and the second check by another staff member.
 */
@Controller
class FluReviewController {

	static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

	private final FluConsoleGuard guard;

	private final FluApplications applications;

	private final FluReceipts receipts;

	private final FluSeasons seasons;

	private final FluPayments payments;

	private final MemberDirectory members;

	FluReviewController(FluConsoleGuard guard, FluApplications applications, FluReceipts receipts, FluSeasons seasons,
			FluPayments payments, MemberDirectory members) {
		this.guard = guard;
		this.applications = applications;
		this.receipts = receipts;
		this.seasons = seasons;
		this.payments = payments;
		this.members = members;
	}

	@GetMapping("/flu")
	String queue(HttpServletRequest request, Model model) {
		Kenpo kenpo = guard.kenpo(request);
		List<FluApplication> queue = applications.queue(kenpo.id());
		model.addAttribute("queue", queue);
		model.addAttribute("awaitingCheck", payments.awaitingCheck(kenpo.id()));
		model.addAttribute("sentBack", applications.inState(kenpo.id(), jp.kenpoportal.flu.FluState.SENT_BACK));
		model.addAttribute("payableToMembers", payments.payable(kenpo.id(), Payee.MEMBER_ACCOUNT).size());
		model.addAttribute("payableViaEmployers", payments.payable(kenpo.id(), Payee.EMPLOYER).size());
		Map<Long, String> names = new HashMap<>();
		for (FluApplication a : queue) {
			members.find(kenpo.id(), a.insuredMemberId()).ifPresent(m -> names.put(a.id(), m.name()));
		}
		for (FluApplication a : payments.awaitingCheck(kenpo.id())) {
			members.find(kenpo.id(), a.insuredMemberId()).ifPresent(m -> names.put(a.id(), m.name()));
		}
		model.addAttribute("names", names);
		return "admin/flu/queue";
	}

	@GetMapping("/flu/applications/{id}")
	String show(@PathVariable long id, HttpServletRequest request, Model model) {
		Kenpo kenpo = guard.kenpo(request);
		return review(kenpo, guard.application(kenpo, id), Map.of(), Map.of(), model);
	}

	@PostMapping("/flu/applications/{id}/start")
	String start(@PathVariable long id, HttpServletRequest request) {
		Kenpo kenpo = guard.kenpo(request);
		applications.startReview(guard.application(kenpo, id), guard.staffId());
		return "redirect:/flu/applications/" + id;
	}

	@PostMapping("/flu/applications/{id}/approve")
	String approve(@PathVariable long id, @RequestParam Map<String, String> params, HttpServletRequest request,
			Model model) {
		Kenpo kenpo = guard.kenpo(request);
		FluApplication app = guard.application(kenpo, id);
		Map<String, String> errors = new LinkedHashMap<>();
		Map<Long, Integer> amounts = new HashMap<>();
		boolean lowered = false;
		for (FluLine l : app.lines()) {
			String typed = params.getOrDefault("amount." + l.memberId(), "").strip();
			Integer amount = typed.matches("[0-9]{1,7}") ? Integer.valueOf(typed) : null;
			if (amount == null || amount > l.subsidy()) {
				errors.put("amount." + l.memberId(), "console.flu.error.amount");
			}
			else {
				amounts.put(l.memberId(), amount);
				lowered |= amount < l.subsidy();
			}
		}
		String reason = ConsoleText.reason(params.get("reason"));
		String typedReason = params.getOrDefault("reason", "");
		if (!typedReason.isBlank() && reason == null) {
			errors.put("reason", "console.flu.error.reason.invalid");
		}
		else if (lowered && reason == null) {
			errors.put("reason", "console.flu.error.reason.lowered");
		}
		if (!errors.isEmpty()) {
			return review(kenpo, app, errors, params, model);
		}
		if (!applications.approve(app, guard.staffId(), amounts, reason)) {
			return "redirect:/flu/applications/" + id + "?stale";
		}
		return "redirect:/flu/applications/" + id + "?approved";
	}

	@PostMapping("/flu/applications/{id}/reject")
	String reject(@PathVariable long id, @RequestParam Map<String, String> params, HttpServletRequest request,
			Model model) {
		return withReason(id, params, request, model, "rejected");
	}

	@PostMapping("/flu/applications/{id}/send-back")
	String sendBack(@PathVariable long id, @RequestParam Map<String, String> params, HttpServletRequest request,
			Model model) {
		return withReason(id, params, request, model, "sentBack");
	}

	@PostMapping("/flu/applications/{id}/check")
	String check(@PathVariable long id, HttpServletRequest request) {
		Kenpo kenpo = guard.kenpo(request);
		FluApplication app = guard.application(kenpo, id);
		return "redirect:/flu/applications/" + id + (applications.check(app, guard.staffId()) ? "?checked" : "?notChecked");
	}

	@GetMapping("/flu/applications/{id}/receipts/{receiptId}")
	ResponseEntity<byte[]> receipt(@PathVariable long id, @PathVariable long receiptId, HttpServletRequest request) {
		Kenpo kenpo = guard.kenpo(request);
		FluApplication app = guard.application(kenpo, id);
		return receipts.read(app, receiptId)
			.map(ReceiptResponses::of)
			.orElseThrow(() -> guard.refuse(kenpo, "flu receipt " + receiptId + " is not of application " + id));
	}

	/** A PDF receipt's first page as an image, for reading it beside the application. */
	@GetMapping("/flu/applications/{id}/receipts/{receiptId}/page.png")
	ResponseEntity<byte[]> pdfPage(@PathVariable long id, @PathVariable long receiptId, HttpServletRequest request) {
		Kenpo kenpo = guard.kenpo(request);
		FluApplication app = guard.application(kenpo, id);
		FluReceipts.ReceiptFile file = receipts.read(app, receiptId)
			.filter(f -> f.info().type() == jp.kenpoportal.flu.ReceiptType.PDF)
			.orElseThrow(() -> guard.refuse(kenpo, "flu receipt " + receiptId + " is not a PDF of application " + id));
		return ReceiptResponses.png(receiptId, jp.kenpoportal.flu.PdfPreview.firstPage(file.bytes()));
	}

	private String withReason(long id, Map<String, String> params, HttpServletRequest request, Model model,
			String outcome) {
		Kenpo kenpo = guard.kenpo(request);
		FluApplication app = guard.application(kenpo, id);
		String reason = ConsoleText.reason(params.get("decisionReason"));
		if (reason == null) {
			return review(kenpo, app, Map.of("decisionReason", params.getOrDefault("decisionReason", "").isBlank()
					? "console.flu.error.reason" : "console.flu.error.reason.invalid"), params, model);
		}
		boolean done = "rejected".equals(outcome) ? applications.reject(app, guard.staffId(), reason)
				: applications.sendBack(app, guard.staffId(), reason);
		return "redirect:/flu/applications/" + id + (done ? "?" + outcome : "?stale");
	}

	private String review(Kenpo kenpo, FluApplication app, Map<String, String> errors, Map<String, String> typed,
			Model model) {
		Household household = members.householdOf(kenpo.id(), app.insuredMemberId())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		FluSeason season = seasons.byId(kenpo.id(), app.seasonId()).orElseThrow();
		Map<Long, String> qualification = new HashMap<>();
		for (FluLine l : app.lines()) {
			Member m = household.byId(l.memberId()).orElse(null);
			qualification.put(l.memberId(), m == null ? "console.flu.person.unknown"
					: season.ineligible(m, l.vaccinatedOn()).map(i -> i.messageKey()).orElse(null));
		}
		model.addAttribute("app", app);
		model.addAttribute("household", household);
		model.addAttribute("season", season);
		model.addAttribute("qualification", qualification);
		model.addAttribute("duplicates", applications.duplicates(app));
		model.addAttribute("history", applications.history(kenpo.id(), app.id()));
		model.addAttribute("fourEyes", season.fourEyes());
		model.addAttribute("staffId", guard.staffId());
		model.addAttribute("errors", errors);
		model.addAttribute("typed", typed);
		return "admin/flu/review";
	}
}
