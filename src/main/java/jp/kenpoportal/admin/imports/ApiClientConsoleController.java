package jp.kenpoportal.admin.imports;

import jakarta.servlet.http.HttpServletRequest;

import jp.kenpoportal.admin.imports.ApiClients.Issued;
import jp.kenpoportal.admin.security.ConsoleSession;
import jp.kenpoportal.admin.security.CurrentStaff;
import jp.kenpoportal.audit.AuditTrail;
import jp.kenpoportal.audit.AuditType;
import jp.kenpoportal.common.TypedInput;
import jp.kenpoportal.tenant.Kenpo;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * 取込APIクライアント (管理者, 運用者): create a client for the core system's nightly job, its
 * secret shown once; rotate the secret; revoke the client; see when each was last used. Another
 * kenpo's client ID answers 404, audited.
 */
@Controller
class ApiClientConsoleController {

	static final int MAX_NAME = 100;

	private final ApiClients clients;

	private final CurrentStaff current;

	private final AuditTrail audit;

	private final ConsoleSession session;

	ApiClientConsoleController(ApiClients clients, CurrentStaff current, AuditTrail audit, ConsoleSession session) {
		this.session = session;
		this.clients = clients;
		this.current = current;
		this.audit = audit;
	}

	@GetMapping("/imports/clients")
	String list(HttpServletRequest request, Model model) {
		Kenpo kenpo = current.kenpo(request).orElse(null);
		if (kenpo == null) {
			return "redirect:/kenpos";
		}
		return page(kenpo, "", null, null, model);
	}

	@PostMapping("/imports/clients")
	String create(@RequestParam(defaultValue = "") String name, HttpServletRequest request, Model model) {
		Kenpo kenpo = kenpoOrRefuse(request, null);
		if (!session.recentlyProved()) {
			// a secret that can load a whole roster: the app again first
			return session.askAgain(request, "/imports/clients");
		}
		String clean = TypedInput.text(name);
		if (clean.isEmpty() || clean.length() > MAX_NAME || TypedInput.hasControlCharacter(name)) {
			String kept = TypedInput.shown(name);
			return page(kenpo, kept.length() > MAX_NAME ? kept.substring(0, MAX_NAME) : kept, "imports.clients.error.name",
					null, model);
		}
		Issued issued = clients.create(kenpo.id(), clean, current.require().id());
		audit.recordStaff(kenpo.id(), null, current.require().id(), AuditType.IMPORT_CLIENT_CREATED,
				"client=" + issued.client().clientId() + " name=" + clean);
		return page(kenpo, "", null, issued, model);
	}

	@PostMapping("/imports/clients/{id}/rotate")
	String rotate(@PathVariable long id, HttpServletRequest request, Model model) {
		Kenpo kenpo = kenpoOrRefuse(request, id);
		if (!session.recentlyProved()) {
			return session.askAgain(request, "/imports/clients");
		}
		Issued issued = clients.rotate(kenpo.id(), id).orElseThrow(() -> refuse(kenpo, id));
		audit.recordStaff(kenpo.id(), null, current.require().id(), AuditType.IMPORT_CLIENT_ROTATED,
				"client=" + issued.client().clientId());
		return page(kenpo, "", null, issued, model);
	}

	@PostMapping("/imports/clients/{id}/revoke")
	String revoke(@PathVariable long id, HttpServletRequest request) {
		Kenpo kenpo = kenpoOrRefuse(request, id);
		if (!session.recentlyProved()) {
			return session.askAgain(request, "/imports/clients");
		}
		ApiClient client = clients.find(kenpo.id(), id).orElseThrow(() -> refuse(kenpo, id));
		if (clients.revoke(kenpo.id(), id)) {
			audit.recordStaff(kenpo.id(), null, current.require().id(), AuditType.IMPORT_CLIENT_REVOKED,
					"client=" + client.clientId());
		}
		return "redirect:/imports/clients?revoked";
	}

	private String page(Kenpo kenpo, String name, String error, Issued issued, Model model) {
		model.addAttribute("clients", clients.list(kenpo.id()));
		model.addAttribute("name", name);
		model.addAttribute("error", error);
		model.addAttribute("issued", issued);
		model.addAttribute("maxName", MAX_NAME);
		return "admin/imports/clients";
	}

	private Kenpo kenpoOrRefuse(HttpServletRequest request, Long id) {
		return current.kenpo(request).orElseThrow(() -> refuse(null, id));
	}

	private ResponseStatusException refuse(Kenpo kenpo, Long id) {
		audit.recordStaff(kenpo == null ? null : kenpo.id(), null, current.require().id(), AuditType.STAFF_ACCESS_REFUSED,
				"import API client " + id + " is not of kenpo " + (kenpo == null ? "-" : kenpo.code()));
		return new ResponseStatusException(HttpStatus.NOT_FOUND);
	}
}
