package jp.kenpoportal.portal;

import java.util.List;

import jp.kenpoportal.account.Account;
import jp.kenpoportal.member.Member;
import jp.kenpoportal.member.MemberDirectory;
import jp.kenpoportal.signin.SignedInAccount;
import jp.kenpoportal.tenant.CurrentKenpo;
import jp.kenpoportal.tenant.Kenpo;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** ホーム: the member's name, the kenpo's service tiles and お知らせ. */
@Controller
class HomeController {

	private final SignedInAccount signedIn;

	private final MemberDirectory members;

	HomeController(SignedInAccount signedIn, MemberDirectory members) {
		this.signedIn = signedIn;
		this.members = members;
	}

	@GetMapping("/")
	String home(Model model) {
		Kenpo kenpo = CurrentKenpo.get();
		Account account = signedIn.require();
		Member member = members.find(kenpo.id(), account.memberId()).orElseThrow();
		model.addAttribute("memberName", member.name());
		model.addAttribute("factor", account.secondFactor() == null ? "EMAIL_CODE" : account.secondFactor().name());
		model.addAttribute("tiles", ServiceTile.forKenpo(kenpo));
		model.addAttribute("notices", List.of());
		return "portal/home";
	}
}
