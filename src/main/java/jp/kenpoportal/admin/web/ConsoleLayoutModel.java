package jp.kenpoportal.admin.web;

import jakarta.servlet.http.HttpServletRequest;

import jp.kenpoportal.admin.security.CurrentStaff;
import jp.kenpoportal.admin.staff.StaffAccount;
import jp.kenpoportal.tenant.Kenpo;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the console layout shows on every page: the signed-in staff member and the kenpo acted on. */
@ControllerAdvice(basePackages = "jp.kenpoportal.admin")
class ConsoleLayoutModel {

	private final CurrentStaff current;

	ConsoleLayoutModel(CurrentStaff current) {
		this.current = current;
	}

	/** Only once both factors are proved: the menu and name never show to a half-signed-in session. */
	@ModelAttribute("staff")
	StaffAccount staff(HttpServletRequest request) {
		return request.isUserInRole("OPERATOR") || request.isUserInRole("ADMIN") || request.isUserInRole("CLERK")
				|| request.isUserInRole("VIEWER") ? current.find().orElse(null) : null;
	}

	@ModelAttribute("consoleKenpo")
	Kenpo consoleKenpo(HttpServletRequest request) {
		return staff(request) == null ? null : current.kenpo(request).orElse(null);
	}
}
