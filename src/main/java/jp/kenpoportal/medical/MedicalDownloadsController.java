package jp.kenpoportal.medical;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jp.kenpoportal.benefit.BenefitDecision;
import jp.kenpoportal.benefit.BenefitDecisions;
import jp.kenpoportal.document.PdfDocuments;
import jp.kenpoportal.medical.deduction.DeductionCsv;
import jp.kenpoportal.medical.deduction.DeductionRow;
import jp.kenpoportal.medical.deduction.DeductionWorkbook;
import jp.kenpoportal.member.Household;
import jp.kenpoportal.signin.MemberDownloads;
import jp.kenpoportal.signin.SignedInHousehold;
import jp.kenpoportal.tenant.CurrentKenpo;
import jp.kenpoportal.tenant.KenpoService;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The 医療費 downloads: the 医療費通知 PDF for a period (for the tax return, optionally with
 * 保険者番号 and 記号・番号 hidden), and a year's tax-deduction data as the NTA's
 * 医療費集計フォーム (.xlsx) or CSV.
 */
@Controller
@KenpoService("medical")
class MedicalDownloadsController {

	private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

	private final MedicalExpenses expenses;

	private final BenefitDecisions benefits;

	private final SignedInHousehold households;

	private final MemberDownloads downloads;

	private final PdfDocuments pdf;

	private final Clock clock;

	MedicalDownloadsController(MedicalExpenses expenses, BenefitDecisions benefits, SignedInHousehold households,
			MemberDownloads downloads, PdfDocuments pdf, Clock clock) {
		this.expenses = expenses;
		this.benefits = benefits;
		this.households = households;
		this.downloads = downloads;
		this.pdf = pdf;
		this.clock = clock;
	}

	@GetMapping("/medical/notice.pdf")
	ResponseEntity<byte[]> notice(@RequestParam(defaultValue = "0") int year, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(defaultValue = "false") boolean mask) {
		Household household = households.require();
		Instant now = clock.instant();
		NoticeForm.Period period = NoticeForm.parse(from, to);
		List<MedicalClaim> claims = period.error() == null
				? expenses.published(household, period.from(), period.to(), now) : List.of();
		String error = period.error() != null ? period.error() : claims.isEmpty() ? "medical.notice.error.empty" : null;
		if (error != null) {
			return backToForm(year, period, from, to, mask, error);
		}
		Map<String, Object> variables = new HashMap<>();
		variables.put("kenpo", CurrentKenpo.get());
		variables.put("household", household);
		variables.put("insured", household.insured());
		variables.put("claims", claims);
		variables.put("summary", MedicalSummary.of(claims, household));
		variables.put("from", period.from());
		variables.put("to", period.to());
		variables.put("mask", mask);
		variables.put("issuedOn", LocalDate.ofInstant(now, JAPAN));
		String what = "medical-notice " + period.from() + ".." + period.to() + (mask ? " masked" : "");
		String name = "医療費のお知らせ_" + period.from() + "_" + period.to() + ".pdf";
		return downloads.send(what, name, MemberDownloads.PDF, () -> pdf.render("documents/medical-notice", variables));
	}

	@GetMapping("/medical/{year}/deduction.xlsx")
	ResponseEntity<byte[]> workbook(@PathVariable int year) {
		List<DeductionRow> rows = deductionRows(year);
		return downloads.send("deduction-xlsx " + year, "医療費集計フォーム_" + year + ".xlsx", MemberDownloads.XLSX,
				() -> bytes(out -> DeductionWorkbook.write(year, rows, out)));
	}

	@GetMapping("/medical/{year}/deduction.csv")
	ResponseEntity<byte[]> csv(@PathVariable int year) {
		List<DeductionRow> rows = deductionRows(year);
		return downloads.send("deduction-csv " + year, "医療費控除データ_" + year + ".csv", MemberDownloads.CSV,
				() -> bytes(out -> DeductionCsv.write(year, rows, out)));
	}

	private List<DeductionRow> deductionRows(int year) {
		if (year < 1900 || year > 9999) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		Household household = households.require();
		Instant now = clock.instant();
		YearMonth from = YearMonth.of(year, 1);
		YearMonth to = YearMonth.of(year, 12);
		List<BenefitDecision> reimbursements = benefits.reimbursements(household, from, to, now);
		Long[] unseen = reimbursements.stream()
			.flatMap(d -> d.coveredMemberIds().stream())
			.filter(id -> household.byId(id).isEmpty())
			.distinct()
			.toArray(Long[]::new);
		return DeductionRows.of(household, expenses.published(household, from, to, now), reimbursements,
				unseen.length == 0 ? List.of() : expenses.published(household.kenpoId(), unseen, from, to, now));
	}

	/** Back to the year page with the member's choice and what is wrong with it. */
	private ResponseEntity<byte[]> backToForm(int year, NoticeForm.Period period, String from, String to,
			boolean mask, String error) {
		int pageYear = year >= 1900 && year <= 9999 ? year
				: period.to() != null ? period.to().getYear() : LocalDate.ofInstant(clock.instant(), JAPAN).getYear();
		URI location = UriComponentsBuilder.fromPath("/medical/{year}")
			.queryParam("from", from == null ? "" : from)
			.queryParam("to", to == null ? "" : to)
			.queryParam("mask", mask)
			.queryParam("noticeError", error)
			.fragment("notice")
			.buildAndExpand(pageYear)
			.encode()
			.toUri();
		return ResponseEntity.status(HttpStatus.SEE_OTHER).location(location).build();
	}

	private static byte[] bytes(Writer writer) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			writer.write(out);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	private interface Writer {

		void write(java.io.OutputStream out) throws IOException;
	}
}
