package jp.kenpoportal.admin.flu;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import jp.kenpoportal.admin.security.ConsoleSession;
import jp.kenpoportal.audit.AuditTrail;
import jp.kenpoportal.audit.AuditType;
import jp.kenpoportal.benefit.Payee;
import jp.kenpoportal.document.PdfDocuments;
import jp.kenpoportal.flu.FluApplication;
import jp.kenpoportal.flu.FluApplications;
import jp.kenpoportal.flu.FluBatch;
import jp.kenpoportal.flu.FluLine;
import jp.kenpoportal.flu.FluPayments;
import jp.kenpoportal.flu.ZenginTransfer;
import jp.kenpoportal.member.Member;
import jp.kenpoportal.member.MemberDirectory;
import jp.kenpoportal.tenant.Kenpo;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Payment batches (担当者, 管理者, 運用者): a batch of what is payable for a payment date, its
 * 全銀協 総合振込 file or the employers' payment lists (CSV and PDF), and 支払済, which leaves a
 * 現金給付支給決定 per person. Every batch and download is audited.
 */
@Controller
class FluBatchController {

	private final FluConsoleGuard guard;

	private final FluPayments payments;

	private final FluApplications applications;

	private final MemberDirectory members;

	private final PdfDocuments pdf;

	private final AuditTrail audit;

	private final Clock clock;

	private final ConsoleSession session;

	FluBatchController(FluConsoleGuard guard, FluPayments payments, FluApplications applications,
			MemberDirectory members, PdfDocuments pdf, AuditTrail audit, Clock clock, ConsoleSession session) {
		this.session = session;
		this.guard = guard;
		this.payments = payments;
		this.applications = applications;
		this.members = members;
		this.pdf = pdf;
		this.audit = audit;
		this.clock = clock;
	}

	@GetMapping("/flu/batches")
	String list(HttpServletRequest request, Model model) {
		return page(guard.kenpo(request), "", "", Map.of(), model);
	}

	@PostMapping("/flu/batches")
	String create(@RequestParam(defaultValue = "") String paymentDate, @RequestParam(defaultValue = "") String payee,
			HttpServletRequest request, Model model) {
		Kenpo kenpo = guard.kenpo(request);
		Map<String, String> errors = new LinkedHashMap<>();
		LocalDate date = date(paymentDate);
		if (date == null) {
			errors.put("paymentDate", "console.flu.error.paymentDate");
		}
		else if (date.isBefore(LocalDate.ofInstant(clock.instant(), FluReviewController.JAPAN))) {
			errors.put("paymentDate", "console.flu.error.paymentDate.past");
		}
		Payee kind = "EMPLOYER".equals(payee) ? Payee.EMPLOYER : "MEMBER_ACCOUNT".equals(payee) ? Payee.MEMBER_ACCOUNT : null;
		if (kind == null) {
			errors.put("payee", "console.flu.error.payee");
		}
		else if (kind == Payee.MEMBER_ACCOUNT && payments.payer(kenpo.id()).isEmpty()) {
			errors.put("payee", "console.flu.error.payer");
		}
		if (!errors.isEmpty()) {
			return page(kenpo, paymentDate, payee, errors, model);
		}
		Optional<Long> id = payments.createBatch(kenpo.id(), guard.staffId(), kind, date);
		if (id.isEmpty()) {
			return page(kenpo, paymentDate, payee, Map.of("payee", "console.flu.error.nothingPayable"), model);
		}
		return "redirect:/flu/batches/" + id.get() + "?created";
	}

	@GetMapping("/flu/batches/{id}")
	String show(@PathVariable long id, HttpServletRequest request, Model model) {
		Kenpo kenpo = guard.kenpo(request);
		FluBatch batch = guard.batch(kenpo, id);
		model.addAttribute("batch", batch);
		model.addAttribute("rows", rows(kenpo, batch));
		return "admin/flu/batch";
	}

	@GetMapping("/flu/batches/{id}/zengin")
	ResponseEntity<byte[]> zengin(@PathVariable long id, HttpServletRequest request) {
		Kenpo kenpo = guard.kenpo(request);
		FluBatch batch = guard.batch(kenpo, id);
		if (batch.payee() != Payee.MEMBER_ACCOUNT) {
			throw guard.refuse(kenpo, "flu batch " + id + " is paid via employers: no 全銀 file");
		}
		byte[] file = payments.zengin(batch, guard.staffId());
		return download(file, "zengin-flu-" + id + ".txt", new MediaType("text", "plain", ZenginTransfer.MS932));
	}

	@GetMapping("/flu/batches/{id}/employers.csv")
	ResponseEntity<byte[]> employersCsv(@PathVariable long id, HttpServletRequest request) {
		Kenpo kenpo = guard.kenpo(request);
		FluBatch batch = guard.batch(kenpo, id);
		StringBuilder csv = new StringBuilder("事業所コード,事業所名,記号,番号,被保険者氏名,接種した方,接種日,補助額\r\n");
		for (Row r : rows(kenpo, batch)) {
			csv.append(String.join(",", cell(r.employerCode()), cell(r.employerName()), cell(r.symbol()), cell(r.number()),
					cell(r.insuredName()), cell(r.personName()), r.vaccinatedOn().toString(), Integer.toString(r.amount())))
				.append("\r\n");
		}
		audit.recordStaff(kenpo.id(), null, guard.staffId(), AuditType.FLU_BATCH_DOWNLOADED, "batch " + id + ": CSV");
		byte[] bom = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
		byte[] body = csv.toString().getBytes(StandardCharsets.UTF_8);
		byte[] all = new byte[bom.length + body.length];
		System.arraycopy(bom, 0, all, 0, bom.length);
		System.arraycopy(body, 0, all, bom.length, body.length);
		return download(all, "flu-batch-" + id + ".csv", new MediaType("text", "csv", StandardCharsets.UTF_8));
	}

	@GetMapping("/flu/batches/{id}/employers.pdf")
	ResponseEntity<byte[]> employersPdf(@PathVariable long id, HttpServletRequest request) {
		Kenpo kenpo = guard.kenpo(request);
		FluBatch batch = guard.batch(kenpo, id);
		Map<String, Object> variables = Map.of("kenpo", kenpo, "batch", batch, "rows", rows(kenpo, batch));
		byte[] file = pdf.render("documents/flu-payment-list", variables);
		audit.recordStaff(kenpo.id(), null, guard.staffId(), AuditType.FLU_BATCH_DOWNLOADED, "batch " + id + ": PDF");
		return download(file, "flu-batch-" + id + ".pdf", MediaType.APPLICATION_PDF);
	}

	/** Paying cannot be undone: the app must have been proved within 5 minutes, as for other changes. */
	@PostMapping("/flu/batches/{id}/paid")
	String paid(@PathVariable long id, HttpServletRequest request) {
		Kenpo kenpo = guard.kenpo(request);
		FluBatch batch = guard.batch(kenpo, id);
		if (!session.recentlyProved()) {
			return session.askAgain(request, "/flu/batches/" + id);
		}
		return "redirect:/flu/batches/" + id + (payments.markPaid(batch, guard.staffId()) ? "?paid" : "?alreadyPaid");
	}

	/** One line per person paid, by 事業所. */
	record Row(long applicationId, String employerCode, String employerName, String symbol, String number,
			String insuredName, String personName, LocalDate vaccinatedOn, int amount) {
	}

	private List<Row> rows(Kenpo kenpo, FluBatch batch) {
		List<Row> rows = new java.util.ArrayList<>();
		for (FluApplication a : applications.ofBatch(kenpo.id(), batch.id())) {
			Member insured = members.find(kenpo.id(), a.insuredMemberId()).orElse(null);
			for (FluLine l : a.lines()) {
				String person = members.find(kenpo.id(), l.memberId()).map(Member::name).orElse("");
				rows.add(new Row(a.id(), nz(a.employerCode()), nz(a.employerName()), insured == null ? "" : insured.symbol(),
						insured == null ? "" : insured.number(), insured == null ? "" : insured.name(), person,
						l.vaccinatedOn(), l.payable()));
			}
		}
		return rows;
	}

	private String page(Kenpo kenpo, String paymentDate, String payee, Map<String, String> errors, Model model) {
		model.addAttribute("batches", payments.batches(kenpo.id()));
		model.addAttribute("payableToMembers", payments.payable(kenpo.id(), Payee.MEMBER_ACCOUNT).size());
		model.addAttribute("payableViaEmployers", payments.payable(kenpo.id(), Payee.EMPLOYER).size());
		model.addAttribute("paymentDate", paymentDate);
		model.addAttribute("payee", payee);
		model.addAttribute("errors", errors);
		return "admin/flu/batches";
	}

	private static ResponseEntity<byte[]> download(byte[] body, String name, MediaType type) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(body);
	}

	/** A CSV cell, quoted; a leading formula character is neutralised with a quote mark. */
	private static String cell(String value) {
		String v = value == null ? "" : value;
		if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
			v = "'" + v;
		}
		return "\"" + v.replace("\"", "\"\"") + "\"";
	}

	private static String nz(String s) {
		return s == null ? "" : s;
	}

	private static LocalDate date(String typed) {
		try {
			return typed.isBlank() ? null : LocalDate.parse(typed.strip());
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}
}
