package jp.kenpoportal.admin.security;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * After the second factor was proved again, the form sent before it, offered to be sent as
 * typed: one press, with a fresh CSRF token, to the path it was sent to. It is never sent
 * without the staff member's press, so a change is never made behind their back.
 */
@Controller
class ResumedPostController {

	private final ConsoleSession session;

	ResumedPostController(ConsoleSession session) {
		this.session = session;
	}

	@GetMapping(ConsoleSession.RESUME_PATH)
	String resume(HttpServletRequest request, Model model) {
		if (!session.recentlyProved()) {
			return "redirect:/mfa";
		}
		return session.takePendingPost(request).map(pending -> {
			model.addAttribute("pending", pending);
			return "admin/resume";
		}).orElse("redirect:/");
	}
}
