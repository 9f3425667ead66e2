package jp.kenpoportal.admin.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import jp.kenpoportal.audit.AuditTrail;
import jp.kenpoportal.audit.AuditType;
import jp.kenpoportal.tenant.Kenpo;
import jp.kenpoportal.tenant.KenpoDirectory;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The import API (README, "Import API"): {@code POST /api/imports/{roster|claims|decisions}} with
 * the CSV as the request body, streamed to disk as it arrives; {@code GET /api/imports/{id}} for
 * the job's state; {@code GET /api/imports/{id}/errors.csv} for its error report. A client sees
 * only its own kenpo's jobs; another kenpo's job ID answers 404, audited. A roster waits for a
 * staff member's confirmation in the console, as an uploaded one does.
 */
@RestController
class ImportApiController {

	private final Imports imports;

	private final ImportJobs jobs;

	private final ErrorReportCsv reportCsv;

	private final KenpoDirectory kenpos;

	private final AuditTrail audit;

	private final MessageSource messages;

	private final Clock clock;

	ImportApiController(Imports imports, ImportJobs jobs, ErrorReportCsv reportCsv, KenpoDirectory kenpos,
			AuditTrail audit, MessageSource messages, Clock clock) {
		this.imports = imports;
		this.jobs = jobs;
		this.reportCsv = reportCsv;
		this.kenpos = kenpos;
		this.audit = audit;
		this.messages = messages;
		this.clock = clock;
	}

	@PostMapping("/api/imports/{kind}")
	ResponseEntity<Map<String, Object>> upload(@PathVariable String kind, @RequestParam(required = false) String month,
			@RequestParam(required = false) String created, @RequestParam(defaultValue = "upload.csv") String name,
			@AuthenticationPrincipal ApiClientPrincipal client, HttpServletRequest request) throws IOException {
		ImportKind importKind = ImportKind.ofPath(kind).filter(imports::supports).orElse(null);
		if (importKind == null) {
			return problem(HttpStatus.NOT_FOUND, "imports.form.error.kindNotYet");
		}
		YearMonth yearMonth = UploadForm.parseMonth(month);
		if (yearMonth == null) {
			return problem(HttpStatus.BAD_REQUEST, "imports.form.error.month");
		}
		LocalDate createdOn = UploadForm.parseDate(created);
		if (createdOn == null) {
			return problem(HttpStatus.BAD_REQUEST, "imports.form.error.created");
		}
		Kenpo kenpo = kenpos.findById(client.kenpoId()).orElseThrow();
		ImportJob job;
		try (InputStream in = request.getInputStream()) {
			job = imports.submit(kenpo, importKind, name, in, yearMonth, createdOn, null, client.id());
		}
		return ResponseEntity.accepted()
			.location(URI.create("/api/imports/" + job.id()))
			.body(ImportStatus.of(jobs.find(kenpo.id(), job.id()).orElseThrow(), clock.instant()));
	}

	@GetMapping("/api/imports/{id}")
	ResponseEntity<Map<String, Object>> status(@PathVariable long id, @AuthenticationPrincipal ApiClientPrincipal client) {
		return jobs.find(client.kenpoId(), id)
			.map(job -> ResponseEntity.ok(ImportStatus.of(job, clock.instant())))
			.orElseGet(() -> refuse(client, id));
	}

	@GetMapping("/api/imports/{id}/errors.csv")
	void errors(@PathVariable long id, @AuthenticationPrincipal ApiClientPrincipal client, HttpServletResponse response)
			throws IOException {
		ImportJob job = jobs.find(client.kenpoId(), id).orElse(null);
		if (job == null) {
			refuse(client, id);
			response.sendError(HttpStatus.NOT_FOUND.value());
			return;
		}
		response.setContentType("text/csv; charset=UTF-8");
		try (Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8)) {
			reportCsv.write(job, out);
		}
	}

	private ResponseEntity<Map<String, Object>> refuse(ApiClientPrincipal client, long id) {
		audit.record(client.kenpoId(), null, AuditType.IMPORT_API_REFUSED,
				"client=" + client.clientId() + " job " + id + " is not of this kenpo");
		return problem(HttpStatus.NOT_FOUND, "imports.api.notFound");
	}

	private ResponseEntity<Map<String, Object>> problem(HttpStatus status, String key) {
		return ResponseEntity.status(status)
			.body(Map.of("status", status.value(), "error", messages.getMessage(key, null, key, Locale.JAPANESE)));
	}
}
