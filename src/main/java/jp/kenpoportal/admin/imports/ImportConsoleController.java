package jp.kenpoportal.admin.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import jp.kenpoportal.admin.security.ConsoleSession;
import jp.kenpoportal.admin.security.CurrentStaff;
import jp.kenpoportal.audit.AuditTrail;
import jp.kenpoportal.audit.AuditType;
import jp.kenpoportal.tenant.Kenpo;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * データ取込 (担当者, 管理者, 運用者): upload a file of the core system, follow its job (progress,
 * then the result or the error report), and for the roster confirm or drop the preview. A job
 * ID of another kenpo is refused as not found, audited.
 */
@Controller
class ImportConsoleController {

	/** Errors and roster changes shown on the page; all errors are in the CSV download. */
	static final int SHOWN = 1000;

	private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

	private final Imports imports;

	private final ImportJobs jobs;

	private final ImportErrors errors;

	private final RosterChanges changes;

	private final ErrorReportCsv reportCsv;

	private final CurrentStaff current;

	private final AuditTrail audit;

	private final MessageSource messages;

	private final Clock clock;

	private final ConsoleSession session;

	ImportConsoleController(Imports imports, ImportJobs jobs, ImportErrors errors, RosterChanges changes,
			ErrorReportCsv reportCsv, CurrentStaff current, AuditTrail audit, MessageSource messages, Clock clock,
			ConsoleSession session) {
		this.session = session;
		this.imports = imports;
		this.jobs = jobs;
		this.errors = errors;
		this.changes = changes;
		this.reportCsv = reportCsv;
		this.current = current;
		this.audit = audit;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/imports")
	String list(HttpServletRequest request, Model model) {
		Kenpo kenpo = current.kenpo(request).orElse(null);
		if (kenpo == null) {
			return "redirect:/kenpos";
		}
		return page(kenpo, UploadForm.empty(LocalDate.ofInstant(clock.instant(), TOKYO)), Map.of(), model);
	}

	@PostMapping("/imports")
	String upload(UploadForm form, @RequestParam(name = "file", required = false) MultipartFile file,
			HttpServletRequest request, Model model) throws IOException {
		Kenpo kenpo = kenpoOrRefuse(request, null);
		boolean fileGiven = file != null && !file.isEmpty();
		Map<String, String> problems = form.errors(fileGiven);
		if (problems.isEmpty() && !imports.supports(form.importKind())) {
			problems = Map.of("kind", "imports.form.error.kindNotYet");
		}
		if (!problems.isEmpty()) {
			return page(kenpo, form.kept(), problems, model);
		}
		ImportJob job;
		try (InputStream in = file.getInputStream()) {
			job = imports.submit(kenpo, form.importKind(), file.getOriginalFilename(), in, form.yearMonth(),
					form.createdOn(), current.require().id(), null);
		}
		return "redirect:/imports/" + job.id();
	}

	@GetMapping("/imports/{id}")
	String show(@PathVariable long id, HttpServletRequest request, Model model) {
		Kenpo kenpo = kenpoOrRefuse(request, id);
		ImportJob job = jobOrRefuse(kenpo, id);
		model.addAttribute("job", job);
		model.addAttribute("rowsPerSecond", job.rowsPerSecond(clock.instant()));
		model.addAttribute("failure", failureText(job));
		if (job.state() == ImportState.FAILED) {
			model.addAttribute("errors", errors.first(id, SHOWN));
			model.addAttribute("shown", SHOWN);
		}
		if (job.state() == ImportState.PREVIEW) {
			model.addAttribute("changes", changes.first(id, SHOWN));
			model.addAttribute("shown", SHOWN);
		}
		return "admin/imports/job";
	}

	/** The job's progress for the page's script (the page works without it by reloading). */
	@GetMapping(path = "/imports/{id}/status", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	Map<String, Object> status(@PathVariable long id, HttpServletRequest request) {
		Kenpo kenpo = kenpoOrRefuse(request, id);
		return ImportStatus.of(jobOrRefuse(kenpo, id), clock.instant());
	}

	@GetMapping("/imports/{id}/errors.csv")
	void errorReport(@PathVariable long id, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		Kenpo kenpo = kenpoOrRefuse(request, id);
		ImportJob job = jobOrRefuse(kenpo, id);
		response.setContentType("text/csv; charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"import-" + id + "-errors.csv\"");
		try (Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8)) {
			reportCsv.write(job, out);
		}
	}

	@PostMapping("/imports/{id}/apply")
	String apply(@PathVariable long id, HttpServletRequest request) {
		Kenpo kenpo = kenpoOrRefuse(request, id);
		ImportJob job = jobOrRefuse(kenpo, id);
		if (!session.recentlyProved()) {
			// applying a roster changes members' qualification and accounts: the app again first
			return session.askAgain(request, "/imports/" + id);
		}
		if (!imports.confirm(kenpo, job, current.require().id())) {
			return "redirect:/imports/" + id + "?notWaiting";
		}
		return "redirect:/imports/" + id;
	}

	@PostMapping("/imports/{id}/discard")
	String discard(@PathVariable long id, HttpServletRequest request) {
		Kenpo kenpo = kenpoOrRefuse(request, id);
		ImportJob job = jobOrRefuse(kenpo, id);
		if (!imports.discard(kenpo, job, current.require().id())) {
			return "redirect:/imports/" + id + "?notWaiting";
		}
		return "redirect:/imports/" + id;
	}

	private String page(Kenpo kenpo, UploadForm form, Map<String, String> problems, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("errors", problems);
		model.addAttribute("kinds", List.of(ImportKind.values()));
		model.addAttribute("jobs", jobs.recent(kenpo.id(), 20));
		return "admin/imports/list";
	}

	private String failureText(ImportJob job) {
		if (job.failure() == null) {
			return null;
		}
		return messages.getMessage(job.failure(), new Object[] { job.failureArg() == null ? "" : job.failureArg() },
				job.failure(), Locale.JAPANESE);
	}

	private Kenpo kenpoOrRefuse(HttpServletRequest request, Long jobId) {
		return current.kenpo(request).orElseThrow(() -> refuse(null, jobId, "no kenpo chosen"));
	}

	private ImportJob jobOrRefuse(Kenpo kenpo, long id) {
		return imports.find(kenpo, id).orElseThrow(() -> refuse(kenpo, id, "import " + id + " is not of kenpo " + kenpo.code()));
	}

	/** Not found, as for an ID that does not exist: another kenpo's IDs tell nothing. */
	private ResponseStatusException refuse(Kenpo kenpo, Long jobId, String why) {
		audit.recordStaff(kenpo == null ? null : kenpo.id(), null, current.require().id(), AuditType.STAFF_ACCESS_REFUSED,
				why);
		return new ResponseStatusException(HttpStatus.NOT_FOUND);
	}
}
