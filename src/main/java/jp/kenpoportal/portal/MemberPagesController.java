package jp.kenpoportal.portal;

import jp.kenpoportal.tenant.CurrentKenpo;
import jp.kenpoportal.tenant.KenpoDirectory;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The menu's other pages: 利用規約, and the pages that come with later work. */
@Controller
class MemberPagesController {

	private final KenpoDirectory kenpos;

	MemberPagesController(KenpoDirectory kenpos) {
		this.kenpos = kenpos;
	}

	@GetMapping("/terms")
	String terms(Model model) {
		model.addAttribute("terms", kenpos.currentTerms(CurrentKenpo.get().id()).orElse(null));
		return "portal/terms";
	}
}
