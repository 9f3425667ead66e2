package jp.kenpoportal.admin.audit;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import jp.kenpoportal.account.Account;
import jp.kenpoportal.account.Accounts;
import jp.kenpoportal.admin.ConsoleSettings;
import jp.kenpoportal.admin.security.CurrentStaff;
import jp.kenpoportal.admin.staff.StaffAccount;
import jp.kenpoportal.admin.staff.StaffAccounts;
import jp.kenpoportal.audit.AuditLog;
import jp.kenpoportal.audit.AuditTrail;
import jp.kenpoportal.audit.AuditType;
import jp.kenpoportal.tenant.Kenpo;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 監査ログ (管理者, 閲覧者, operator): the kenpo's member and staff security events, filtered by
 * member, staff, type and period, newest first, paged, and as CSV (UTF-8 with BOM, for Excel).
 */
@Controller
class AuditViewerController {

	/** The CSV's most rows: a longer period is exported in parts. */
	static final int CSV_LIMIT = 10_000;

	private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("uuuu/MM/dd HH:mm:ss")
		.withZone(AuditQuery.JAPAN);

	private final AuditLog log;

	private final AuditTrail audit;

	private final Accounts accounts;

	private final StaffAccounts staffAccounts;

	private final CurrentStaff current;

	private final ConsoleSettings settings;

	private final MessageSource messages;

	AuditViewerController(AuditLog log, AuditTrail audit, Accounts accounts, StaffAccounts staffAccounts,
			CurrentStaff current, ConsoleSettings settings, MessageSource messages) {
		this.log = log;
		this.audit = audit;
		this.accounts = accounts;
		this.staffAccounts = staffAccounts;
		this.current = current;
		this.settings = settings;
		this.messages = messages;
	}

	@GetMapping("/audit")
	String view(@ModelAttribute("query") AuditQuery query, @RequestParam(defaultValue = "0") int page,
			HttpServletRequest request, Model model) {
		Optional<Kenpo> kenpo = current.kenpo(request);
		if (kenpo.isEmpty()) {
			return "redirect:/kenpos";
		}
		model.addAttribute("types", AuditType.values());
		AuditQuery.Result resolved = query.resolve(kenpo.get(), accounts, staffAccounts);
		model.addAttribute("errors", resolved.errors());
		if (!resolved.errors().isEmpty()) {
			model.addAttribute("rows", List.of());
			return "admin/audit";
		}
		int size = settings.pageSize();
		int shown = Math.max(0, Math.min(page, 100_000));
		List<AuditLog.Event> events = log.find(resolved.filter(), shown * size, size + 1);
		model.addAttribute("rows", rows(kenpo.get(), events.size() > size ? events.subList(0, size) : events));
		model.addAttribute("page", shown);
		// jte gives "page" to the page's context (common.PageContext): the number under a plain name too
		model.addAttribute("pageNumber", shown);
		model.addAttribute("hasNext", events.size() > size);
		return "admin/audit";
	}

	@GetMapping("/audit.csv")
	void csv(@ModelAttribute AuditQuery query, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		Optional<Kenpo> kenpo = current.kenpo(request);
		AuditQuery.Result resolved = kenpo.map(k -> query.resolve(k, accounts, staffAccounts)).orElse(null);
		if (resolved == null || !resolved.errors().isEmpty()) {
			response.sendRedirect(request.getContextPath() + "/audit");
			return;
		}
		List<AuditRow> rows = rows(kenpo.get(), log.find(resolved.filter(), 0, CSV_LIMIT));
		audit.recordStaff(kenpo.get().id(), null, current.require().id(), AuditType.STAFF_AUDIT_EXPORTED,
				rows.size() + " rows " + query);
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"audit-" + kenpo.get().code() + ".csv\"");
		Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
		out.write('\uFEFF');
		line(out, List.of(text("console.audit.at"), text("console.audit.type"), text("console.audit.member"),
				text("console.audit.staff"), text("console.audit.address"), text("console.audit.detail")));
		for (AuditRow row : rows) {
			line(out, List.of(row.at(), row.label(), row.member(), row.staff(), row.address(), row.detail()));
		}
		out.flush();
	}

	private List<AuditRow> rows(Kenpo kenpo, List<AuditLog.Event> events) {
		Map<Long, String> members = new HashMap<>();
		Map<Long, String> staff = new HashMap<>();
		return events.stream()
			.map(e -> new AuditRow(SHOWN.format(e.occurredAt()), label(e.type()),
					e.accountId() == null ? "" : members.computeIfAbsent(e.accountId(),
							id -> accounts.find(kenpo.id(), id).map(Account::loginId).orElse("#" + id)),
					e.staffId() == null ? "" : staff.computeIfAbsent(e.staffId(),
							id -> staffAccounts.find(id).map(StaffAccount::loginId).orElse("#" + id)),
					e.clientIp() == null ? "" : e.clientIp(), e.detail() == null ? "" : e.detail()))
			.toList();
	}

	private String label(AuditType type) {
		return messages.getMessage("audit." + type.name(), null, type.name(), Locale.JAPAN);
	}

	private String text(String key) {
		return messages.getMessage(key, null, Locale.JAPAN);
	}

	/** RFC 4180 quoting; a field that a spreadsheet would run as a formula is made plain text. */
	private static void line(Writer out, List<String> fields) throws IOException {
		for (int i = 0; i < fields.size(); i++) {
			if (i > 0) {
				out.write(',');
			}
			String field = fields.get(i);
			if (!field.isEmpty() && "=+-@\t\r".indexOf(field.charAt(0)) >= 0) {
				field = "'" + field;
			}
			out.write('"' + field.replace("\"", "\"\"") + '"');
		}
		out.write("\r\n");
	}
}
