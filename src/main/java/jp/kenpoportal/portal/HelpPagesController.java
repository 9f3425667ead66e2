package jp.kenpoportal.portal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * よくあるご質問 and プライバシーポリシー: open without signing in, since members need them
 * most when they cannot sign in. Both name the kenpo of the host and its contact (the layout's
 * {@code kenpo}); the FAQ answers only for the second factors the kenpo offers.
 */
@Controller
class HelpPagesController {

	/** The anchors of the FAQ's answers that screens link to ({@code /faq#locked} …). */
	static final String FAQ = "/faq";

	private final String mailFrom;

	HelpPagesController(@Value("${portal.mail.from}") String mailFrom) {
		this.mailFrom = mailFrom;
	}

	@GetMapping(FAQ)
	String faq(Model model) {
		// the sender to allow in a spam filter
		model.addAttribute("mailFrom", mailFrom);
		return "portal/faq";
	}

	@GetMapping("/privacy")
	String privacy() {
		return "portal/privacy";
	}
}
