package jp.kenpoportal.admin.letters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import jp.kenpoportal.account.RecipientFilter;
import jp.kenpoportal.account.TemporaryCredentials;
import jp.kenpoportal.admin.security.ConsoleSession;
import jp.kenpoportal.admin.security.CurrentStaff;
import jp.kenpoportal.audit.AuditTrail;
import jp.kenpoportal.audit.AuditType;
import jp.kenpoportal.member.Employer;
import jp.kenpoportal.member.MemberDirectory;
import jp.kenpoportal.signin.SessionControl;
import jp.kenpoportal.tenant.Kenpo;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

/**
 * 仮ユーザID・仮パスワード通知 (担当者, 管理者, 運用者): request letters for the members of the kenpo
 * who have not registered (all, chosen 事業所, or one household), follow the background job, and
 * download the PDF once. Asking and downloading need the second factor within 5 minutes; a batch
 * ID of another kenpo is refused as not found, and the refusal is audited.
 */
@Controller
class LetterBatchController {

	private static final int SHOWN_BATCHES = 20;

	private final LetterRequests requests;

	private final LetterBatches batches;

	private final LetterDownloads downloads;

	private final MemberDirectory members;

	private final CurrentStaff current;

	private final ConsoleSession session;

	private final AuditTrail audit;

	private final LetterBatchJob.LetterSettings settings;

	private final SessionControl sessions;

	private final java.time.Clock clock;

	LetterBatchController(LetterRequests requests, LetterBatches batches, LetterDownloads downloads,
			MemberDirectory members, CurrentStaff current, ConsoleSession session, AuditTrail audit,
			LetterBatchJob.LetterSettings settings, SessionControl sessions, java.time.Clock clock) {
		this.requests = requests;
		this.batches = batches;
		this.downloads = downloads;
		this.members = members;
		this.current = current;
		this.session = session;
		this.audit = audit;
		this.settings = settings;
		this.sessions = sessions;
		this.clock = clock;
	}

	@GetMapping("/letters")
	String list(HttpServletRequest request, Model model) {
		Kenpo kenpo = current.kenpo(request).orElse(null);
		if (kenpo == null) {
			return "redirect:/kenpos";
		}
		return page(kenpo, LetterRequest.empty(), Map.of(), model);
	}

	@PostMapping("/letters")
	String create(@RequestParam(defaultValue = "") String scope,
			@RequestParam(name = "employerCodes", required = false) List<String> employerCodes,
			@RequestParam(defaultValue = "") String symbol, @RequestParam(defaultValue = "") String number,
			@RequestParam(defaultValue = "") String reason, HttpServletRequest request, Model model) {
		Kenpo kenpo = kenpoOrRefuse(request, null);
		if (!session.recentlyProved()) {
			return session.askAgain(request, "/letters");
		}
		LetterRequest form = new LetterRequest(scope, employerCodes, symbol, number, reason);
		Set<String> known = members.employers(kenpo.id()).stream().map(Employer::code).collect(Collectors.toSet());
		Map<String, String> errors = new LinkedHashMap<>(form.errors(known));
		if (deadlinePassed(kenpo)) {
			errors.put("global", "console.letters.deadlinePassed");
		}
		int count = 0;
		if (errors.isEmpty()) {
			count = requests.count(kenpo, filter(form));
			if (count == 0) {
				errors.put(form.chosenScope() == LetterBatch.Scope.HOUSEHOLD ? "household" : "global",
						form.chosenScope() == LetterBatch.Scope.HOUSEHOLD ? "console.letters.error.householdUnknown"
								: "console.letters.error.none");
			}
		}
		if (!errors.isEmpty()) {
			return page(kenpo, form.kept(), errors, model);
		}
		OptionalLong id = requests.request(kenpo, current.require(), form, count);
		if (id.isEmpty()) {
			return page(kenpo, form.kept(), Map.of("global", "console.letters.error.busy"), model);
		}
		return "redirect:/letters/" + id.getAsLong();
	}

	@GetMapping("/letters/{id}")
	String show(@PathVariable long id, HttpServletRequest request, Model model) {
		Kenpo kenpo = kenpoOrRefuse(request, id);
		LetterBatch batch = batchOrRefuse(kenpo, id);
		model.addAttribute("batch", batch);
		model.addAttribute("keepHours", settings.keep().toHours());
		model.addAttribute("employers", employerNames(kenpo, batch.employerCodes()));
		return "admin/letters/batch";
	}

	/** The page's poll: the job's state and progress, nothing else. */
	@GetMapping("/letters/{id}/status")
	@ResponseBody
	ResponseEntity<Map<String, Object>> status(@PathVariable long id, HttpServletRequest request) {
		Kenpo kenpo = kenpoOrRefuse(request, id);
		LetterBatch batch = batchOrRefuse(kenpo, id);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("state", batch.state().name());
		body.put("done", batch.done());
		body.put("total", batch.total());
		body.put("percent", batch.percent());
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
	}

	@GetMapping("/letters/{id}/pdf")
	void pdf(@PathVariable long id, HttpServletRequest request, HttpServletResponse response) throws IOException {
		Kenpo kenpo = kenpoOrRefuse(request, id);
		LetterBatch batch = batchOrRefuse(kenpo, id);
		if (!session.recentlyProved()) {
			response.sendRedirect(session.askAgain(request, "/letters/" + id).substring("redirect:".length()));
			return;
		}
		Optional<TemporaryCredentials.Issued> issued = downloads.download(kenpo, batch, current.require(), length -> {
			response.setContentType(MediaType.APPLICATION_PDF_VALUE);
			response.setContentLength(length);
			response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
			response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename("仮パスワード通知書-" + id + ".pdf", StandardCharsets.UTF_8)
				.build()
				.toString());
			return response.getOutputStream();
		});
		if (issued.isEmpty()) {
			throw new ResponseStatusException(HttpStatus.GONE);
		}
		// a member's session signed in with the earlier initial password must not outlive it
		issued.get().reissuedAccounts().forEach(sessions::endAllSessions);
	}

	private String page(Kenpo kenpo, LetterRequest form, Map<String, String> errors, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("batches", batches.recent(kenpo.id(), SHOWN_BATCHES));
		model.addAttribute("employers", members.employers(kenpo.id()));
		model.addAttribute("notRegistered", requests.count(kenpo, RecipientFilter.all()));
		model.addAttribute("deadline", CredentialLetters.deadline(kenpo));
		model.addAttribute("deadlinePassed", deadlinePassed(kenpo));
		model.addAttribute("maxReason", LetterRequest.MAX_REASON);
		model.addAttribute("scopes", LetterBatch.Scope.values());
		return "admin/letters/list";
	}

	private boolean deadlinePassed(Kenpo kenpo) {
		Instant now = clock.instant();
		return !now.isBefore(kenpo.initialPasswordDeadline());
	}

	private static RecipientFilter filter(LetterRequest form) {
		return switch (form.chosenScope()) {
			case ALL -> RecipientFilter.all();
			case EMPLOYERS -> RecipientFilter.employers(form.employerCodes());
			case HOUSEHOLD -> RecipientFilter.household(form.typedSymbol(), form.typedNumber());
		};
	}

	private List<Employer> employerNames(Kenpo kenpo, List<String> codes) {
		List<Employer> known = members.employers(kenpo.id());
		return codes.stream()
			.map(c -> known.stream().filter(e -> e.code().equals(c)).findFirst().orElse(new Employer(c, "")))
			.toList();
	}

	private Kenpo kenpoOrRefuse(HttpServletRequest request, Long batchId) {
		return current.kenpo(request).orElseThrow(() -> refuse(null, "no kenpo chosen"));
	}

	private LetterBatch batchOrRefuse(Kenpo kenpo, long id) {
		return batches.find(kenpo.id(), id)
			.orElseThrow(() -> refuse(kenpo, "letter batch " + id + " is not of kenpo " + kenpo.code()));
	}

	/** Not found, as for an ID that does not exist: another kenpo's IDs tell nothing. */
	private ResponseStatusException refuse(Kenpo kenpo, String why) {
		audit.recordStaff(kenpo == null ? null : kenpo.id(), null, current.require().id(),
				AuditType.STAFF_ACCESS_REFUSED, why);
		return new ResponseStatusException(HttpStatus.NOT_FOUND);
	}
}
