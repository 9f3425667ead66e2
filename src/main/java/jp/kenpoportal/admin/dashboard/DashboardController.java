package jp.kenpoportal.admin.dashboard;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import jp.kenpoportal.admin.security.CurrentStaff;
import jp.kenpoportal.audit.AuditTrail;
import jp.kenpoportal.audit.AuditType;
import jp.kenpoportal.signin.RateLimits;
import jp.kenpoportal.tenant.Kenpo;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * 登録状況ダッシュボード (every role): registration figures of the staff member's kenpo (the
 * operator's chosen one), and the CSV of members not yet registered. The kenpo never comes
 * from the request. The CSV names people: it is limited per staff member as members'
 * downloads are, and audited.
 */
@Controller
class DashboardController {

	private static final DateTimeFormatter FILE_DATE = DateTimeFormatter.ofPattern("uuuuMMdd");

	private final RegistrationDashboard dashboard;

	private final CurrentStaff current;

	private final RateLimits limits;

	private final AuditTrail audit;

	DashboardController(RegistrationDashboard dashboard, CurrentStaff current, RateLimits limits, AuditTrail audit) {
		this.dashboard = dashboard;
		this.current = current;
		this.limits = limits;
		this.audit = audit;
	}

	@GetMapping("/dashboard")
	String show(@RequestParam(required = false) String period, @RequestParam(required = false) String csvError,
			HttpServletRequest request, Model model) {
		Optional<Kenpo> kenpo = current.kenpo(request);
		if (kenpo.isEmpty()) {
			return "redirect:/kenpos";
		}
		ChronoUnit unit = "week".equals(period) ? ChronoUnit.WEEKS : ChronoUnit.DAYS;
		model.addAttribute("dashboard", dashboard.dashboard(kenpo.get(), unit));
		model.addAttribute("encodings", CsvEncoding.values());
		model.addAttribute("csvError", csvError != null);
		return "admin/dashboard/dashboard";
	}

	/**
	 * The not-yet-registered members as CSV, streamed as the rows come. An unknown encoding goes
	 * back to the page with a message; over the limit, 429 and an audit event.
	 */
	@GetMapping("/dashboard/not-registered.csv")
	void notRegistered(@RequestParam(required = false) String encoding, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		Optional<Kenpo> kenpo = current.kenpo(request);
		if (kenpo.isEmpty()) {
			response.sendRedirect(request.getContextPath() + "/kenpos");
			return;
		}
		Optional<CsvEncoding> chosen = CsvEncoding.parse(encoding);
		if (chosen.isEmpty()) {
			response.sendRedirect(request.getContextPath() + "/dashboard?csvError#csv");
			return;
		}
		long staffId = current.require().id();
		String what = "not-registered.csv " + chosen.get().name();
		if (!limits.tryAcquire(RateLimits.Limit.DOWNLOADS_PER_ACCOUNT, "staff:" + staffId)) {
			audit.recordStaff(kenpo.get().id(), null, staffId, AuditType.STAFF_DASHBOARD_DOWNLOAD_THROTTLED, what);
			throw new ResponseStatusException(HttpStatus.TOO_MANY_REQUESTS);
		}
		audit.recordStaff(kenpo.get().id(), null, staffId, AuditType.STAFF_DASHBOARD_DOWNLOADED, what);
		String fileName = "未登録者_" + kenpo.get().code() + "_" + FILE_DATE.format(dashboard.today()) + "_"
				+ chosen.get().name() + ".csv";
		response.setContentType("text/csv;charset=" + chosen.get().charset().name());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString());
		dashboard.writeNotRegistered(kenpo.get(), chosen.get(), response.getOutputStream());
	}
}
