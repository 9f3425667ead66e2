package jp.kenpoportal.signin.internal;

import jakarta.servlet.http.HttpSession;

import jp.kenpoportal.common.SecuritySettings;
import jp.kenpoportal.signin.SignedInAccount;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page, the sign-out confirmation, and the recovery links' pages. */
@Controller
class LoginController {

	private final SignedInAccount signedIn;

	private final SecuritySettings settings;

	LoginController(SignedInAccount signedIn, SecuritySettings settings) {
		this.signedIn = signedIn;
		this.settings = settings;
	}

	@GetMapping("/login")
	String login(HttpSession session, Model model) {
		if (signedIn.principal().isPresent()) {
			return "redirect:/";
		}
		Object error = session.getAttribute(SignInFailureHandler.ERROR);
		Object userId = session.getAttribute(SignInFailureHandler.USER_ID);
		session.removeAttribute(SignInFailureHandler.ERROR);
		session.removeAttribute(SignInFailureHandler.USER_ID);
		model.addAttribute("error", error);
		model.addAttribute("userId", userId == null ? "" : userId);
		model.addAttribute("lockoutThreshold", settings.lockoutThreshold());
		model.addAttribute("lockoutMinutes", settings.lockoutDuration().toMinutes());
		return "signin/login";
	}

	@GetMapping("/logout")
	String confirmLogout() {
		return "signin/logout";
	}
}
