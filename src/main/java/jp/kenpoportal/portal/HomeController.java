package jp.kenpoportal.portal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import jp.kenpoportal.account.Account;
import jp.kenpoportal.member.Member;
import jp.kenpoportal.signin.SignedInAccount;
import jp.kenpoportal.signin.SignedInHousehold;
import jp.kenpoportal.tenant.CurrentKenpo;
import jp.kenpoportal.tenant.Kenpo;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** ホーム: the member's name, the kenpo's service and link tiles, and the newest お知らせ. */
@Controller
class HomeController {

	/** How many お知らせ home shows; the rest are on the list page. */
	static final int NOTICES_ON_HOME = 5;

	private final SignedInAccount signedIn;

	private final SignedInHousehold household;

	private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

	private final Notices notices;

	private final Clock clock;

	HomeController(SignedInAccount signedIn, SignedInHousehold household, Notices notices, Clock clock) {
		this.signedIn = signedIn;
		this.household = household;
		this.notices = notices;
		this.clock = clock;
	}

	@GetMapping("/")
	String home(Model model) {
		Kenpo kenpo = CurrentKenpo.get();
		Account account = signedIn.require();
		Member member = household.member().orElseThrow();
		model.addAttribute("memberName", member.name());
		model.addAttribute("factor", account.secondFactor() == null ? "EMAIL_CODE" : account.secondFactor().name());
		model.addAttribute("tiles", ServiceTile.forKenpo(kenpo));
		model.addAttribute("links", kenpo.links());
		model.addAttribute("notices", notices.current(kenpo.id(), account.id(),
				NoticeReader.of(member, LocalDate.ofInstant(clock.instant(), JAPAN)), NOTICES_ON_HOME + 1));
		model.addAttribute("noticesOnHome", NOTICES_ON_HOME);
		return "portal/home";
	}
}
