package jp.kenpoportal.medical;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import jp.kenpoportal.member.Household;
import jp.kenpoportal.member.Member;
import jp.kenpoportal.signin.SignedInHousehold;
import jp.kenpoportal.tenant.KenpoService;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** 医療費のお知らせ: the household's claims per year, then per month, for everyone or one person. */
@Controller
@KenpoService("medical")
class MedicalController {

	private final MedicalExpenses expenses;

	private final SignedInHousehold households;

	private final Clock clock;

	MedicalController(MedicalExpenses expenses, SignedInHousehold households, Clock clock) {
		this.expenses = expenses;
		this.households = households;
		this.clock = clock;
	}

	@GetMapping("/medical")
	String latestYear(Model model) {
		List<YearMonth> months = expenses.publishedMonths(households.require(), clock.instant());
		if (months.isEmpty()) {
			model.addAttribute("years", List.of());
			return "medical/empty";
		}
		return "redirect:/medical/" + months.get(0).getYear();
	}

	@GetMapping("/medical/{year}")
	String year(@PathVariable int year, @RequestParam(required = false) String person,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) Boolean mask, @RequestParam(required = false) String noticeError,
			Model model) {
		MedicalPage page = page(year, person, model);
		List<MedicalClaim> claims = filter(
				expenses.published(page.household, YearMonth.of(year, 1), YearMonth.of(year, 12), page.now), page.person);
		MedicalSummary summary = MedicalSummary.of(claims, page.household);
		model.addAttribute("summary", summary);
		model.addAttribute("chart", MonthlyChart.of(year, summary));
		model.addAttribute("coverage",
				Coverage.of(year, expenses.newestPublishedMonth(page.household.kenpoId(), page.now).orElse(null)));
		NoticeForm form = NoticeForm.defaults(year, page.months);
		if (from != null && to != null) {
			// back from the PDF download with a problem: the member's choice, and what is wrong
			form = form.withChoice(from, to, Boolean.TRUE.equals(mask), NoticeForm.knownError(noticeError));
		}
		form.addTo(model);
		return "medical/year";
	}

	@GetMapping("/medical/{year}/{month}")
	String month(@PathVariable int year, @PathVariable int month, @RequestParam(required = false) String person,
			Model model) {
		if (month < 1 || month > 12) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		MedicalPage page = page(year, person, model);
		YearMonth serviceMonth = YearMonth.of(year, month);
		List<MedicalClaim> claims = filter(expenses.published(page.household, serviceMonth, serviceMonth, page.now),
				page.person);
		model.addAttribute("serviceMonth", serviceMonth);
		model.addAttribute("claims", claims);
		model.addAttribute("summary", MedicalSummary.of(claims, page.household));
		return "medical/month";
	}

	/** What every 医療費 page shows: the household, the years with data, the person chosen. */
	private MedicalPage page(int year, String branch, Model model) {
		if (year < 1900 || year > 9999) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		Household household = households.require();
		Optional<Member> person = branch == null || branch.isBlank() ? Optional.empty()
				: Optional.of(household.byBranch(branch)
					.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
		Instant now = clock.instant();
		List<YearMonth> months = expenses.publishedMonths(household, now);
		model.addAttribute("year", year);
		model.addAttribute("years", months.stream().map(YearMonth::getYear).distinct().toList());
		model.addAttribute("household", household);
		model.addAttribute("person", person.orElse(null));
		model.addAttribute("personBranch", person.map(Member::branch).orElse(""));
		return new MedicalPage(household, person, months, now);
	}

	private static List<MedicalClaim> filter(List<MedicalClaim> claims, Optional<Member> person) {
		return person.map(p -> claims.stream().filter(c -> c.memberId() == p.id()).toList()).orElse(claims);
	}

	private record MedicalPage(Household household, Optional<Member> person, List<YearMonth> months, Instant now) {
	}
}
