package jp.kenpoportal.benefit;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import jp.kenpoportal.document.PdfDocuments;
import jp.kenpoportal.member.Household;
import jp.kenpoportal.signin.MemberDownloads;
import jp.kenpoportal.signin.SignedInHousehold;
import jp.kenpoportal.tenant.CurrentKenpo;
import jp.kenpoportal.tenant.KenpoService;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** 現金給付支給決定通知: the household's decisions, one decision, and its notice as a PDF. */
@Controller
@KenpoService("benefit")
class BenefitController {

	private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

	private final BenefitDecisions decisions;

	private final SignedInHousehold households;

	private final MemberDownloads downloads;

	private final PdfDocuments pdf;

	private final Clock clock;

	BenefitController(BenefitDecisions decisions, SignedInHousehold households, MemberDownloads downloads,
			PdfDocuments pdf, Clock clock) {
		this.decisions = decisions;
		this.households = households;
		this.downloads = downloads;
		this.pdf = pdf;
		this.clock = clock;
	}

	@GetMapping("/benefits")
	String list(Model model) {
		Household household = households.require();
		model.addAttribute("household", household);
		model.addAttribute("decisions", decisions.published(household, clock.instant()));
		return "benefit/list";
	}

	@GetMapping("/benefits/{id}")
	String detail(@PathVariable long id, Model model) {
		Household household = households.require();
		model.addAttribute("household", household);
		model.addAttribute("decision", find(household, id));
		return "benefit/detail";
	}

	@GetMapping("/benefits/{id}/notice.pdf")
	ResponseEntity<byte[]> notice(@PathVariable long id) {
		Household household = households.require();
		BenefitDecision decision = find(household, id);
		Map<String, Object> variables = Map.of("kenpo", CurrentKenpo.get(), "household", household, "decision",
				decision, "person", household.byId(decision.memberId()).orElseThrow(), "issuedOn",
				LocalDate.ofInstant(clock.instant(), JAPAN));
		return downloads.send("benefit-notice " + decision.decisionNumber(),
				"支給決定通知_" + decision.decisionNumber() + ".pdf", MemberDownloads.PDF,
				() -> pdf.render("documents/benefit-notice", variables));
	}

	/** Only a published decision of this household: anyone else's ID is not found. */
	private BenefitDecision find(Household household, long id) {
		return decisions.find(household, id, clock.instant())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}
}
