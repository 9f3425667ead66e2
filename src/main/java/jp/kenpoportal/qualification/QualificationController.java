package jp.kenpoportal.qualification;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import jp.kenpoportal.document.PdfDocuments;
import jp.kenpoportal.member.Household;
import jp.kenpoportal.member.Member;
import jp.kenpoportal.signin.MemberDownloads;
import jp.kenpoportal.signin.SignedInHousehold;
import jp.kenpoportal.tenant.CurrentKenpo;
import jp.kenpoportal.tenant.KenpoService;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * 資格情報のお知らせ: the qualification of everyone in the household who is insured today,
 * and the printable notice with a card-size part to cut out. Accounts belong to insured
 * persons only, so the household's notice is theirs to download.
 */
@Controller
@KenpoService("qualification")
class QualificationController {

	private static final Logger log = LoggerFactory.getLogger(QualificationController.class);

	private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

	private final SignedInHousehold households;

	private final MemberDownloads downloads;

	private final PdfDocuments pdf;

	private final Clock clock;

	QualificationController(SignedInHousehold households, MemberDownloads downloads, PdfDocuments pdf, Clock clock) {
		this.households = households;
		this.downloads = downloads;
		this.pdf = pdf;
		this.clock = clock;
	}

	@GetMapping("/qualification")
	String show(Model model) {
		LocalDate today = today();
		model.addAttribute("people", people(households.require(), today));
		model.addAttribute("today", today);
		return "qualification/show";
	}

	@GetMapping("/qualification/notice.pdf")
	ResponseEntity<byte[]> notice() {
		LocalDate today = today();
		Household household = households.require();
		Map<String, Object> variables = Map.of("kenpo", CurrentKenpo.get(), "people", people(household, today),
				"insured", household.insured(), "issuedOn", today);
		return downloads.send("qualification-notice", "資格情報のお知らせ.pdf", MemberDownloads.PDF,
				() -> pdf.render("documents/qualification-notice", variables));
	}

	private static List<Qualification> people(Household household, LocalDate today) {
		return household.members()
			.stream()
			.filter(m -> m.qualifiedOn(today))
			.map(m -> new Qualification(m, checked(m, today)))
			.toList();
	}

	/**
	 * The kenpo's 負担割合, as it is: a ratio that the age cannot explain is logged for the
	 * kenpo to look at, never replaced by ours (only the kenpo knows the income behind it).
	 */
	private static Integer checked(Member person, LocalDate today) {
		Integer decided = person.burdenRatio();
		if (decided != null && !BurdenRatio.plausible(decided, person, today)) {
			log.warn("負担割合 {}割 of member {} (kenpo {}) does not fit the age rule; shown as the kenpo set it", decided,
					person.id(), person.kenpoId());
		}
		return decided;
	}

	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), JAPAN);
	}

	/**
	 * One person's qualification as the notice prints it.
	 *
	 * @param burdenTenths the kenpo's 負担割合, or null when the kenpo has not delivered it
	 */
	record Qualification(Member person, Integer burdenTenths) {

		public boolean insured() {
			return person.insured();
		}
	}
}
