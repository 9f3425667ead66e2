package jp.kenpoportal.admin.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import jp.kenpoportal.admin.dashboard.RegistrationDashboard;
import jp.kenpoportal.admin.security.CurrentStaff;
import jp.kenpoportal.admin.staff.StaffAccount;
import jp.kenpoportal.audit.AuditTrail;
import jp.kenpoportal.audit.AuditType;
import jp.kenpoportal.tenant.Kenpo;
import jp.kenpoportal.tenant.KenpoDirectory;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The console's home (every role), and an operator's choice of the kenpo to act on. */
@Controller
class ConsoleHomeController {

	private final CurrentStaff current;

	private final KenpoDirectory kenpos;

	private final AuditTrail audit;

	private final RegistrationDashboard dashboard;

	ConsoleHomeController(CurrentStaff current, KenpoDirectory kenpos, AuditTrail audit,
			RegistrationDashboard dashboard) {
		this.current = current;
		this.kenpos = kenpos;
		this.audit = audit;
		this.dashboard = dashboard;
	}

	/** The home leads with the kenpo's registration figures: what staff look at first. */
	@GetMapping("/")
	String home(HttpServletRequest request, Model model) {
		StaffAccount staff = current.require();
		if (staff.operator() && current.kenpo(request).isEmpty()) {
			return "redirect:/kenpos";
		}
		current.kenpo(request).ifPresent(k -> model.addAttribute("registration", dashboard.summary(k)));
		return "admin/home";
	}

	@GetMapping("/kenpos")
	String kenpos(Model model) {
		List<Kenpo> all = kenpos.findAll();
		model.addAttribute("kenpos", all);
		return "admin/kenpos";
	}

	@PostMapping("/kenpos/choose")
	String choose(@RequestParam long kenpoId, HttpServletRequest request) {
		Kenpo kenpo = kenpos.findById(kenpoId).orElse(null);
		if (kenpo == null) {
			return "redirect:/kenpos";
		}
		current.choose(request, kenpo);
		audit.recordStaff(kenpo.id(), null, current.require().id(), AuditType.STAFF_KENPO_CHOSEN, kenpo.code());
		return "redirect:/";
	}
}
