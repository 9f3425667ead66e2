package jp.kenpoportal.signin.loginmethod;

import jp.kenpoportal.account.Account;
import jp.kenpoportal.signin.RecentFactor;
import jp.kenpoportal.signin.SignedInAccount;
import jp.kenpoportal.signin.passkey.Passkeys;
import jp.kenpoportal.tenant.CurrentKenpo;
import jp.kenpoportal.tenant.Kenpo;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** The ログイン方法変更 page, also shown again with the message of a refused passkey change. */
@Component
class OverviewPage {

	static final String PATH = "/login-method";

	private final SignedInAccount signedIn;

	private final RecentFactor recentFactor;

	private final Passkeys passkeys;

	OverviewPage(SignedInAccount signedIn, RecentFactor recentFactor, Passkeys passkeys) {
		this.signedIn = signedIn;
		this.recentFactor = recentFactor;
		this.passkeys = passkeys;
	}

	String show(Model model) {
		Kenpo kenpo = CurrentKenpo.get();
		Account account = signedIn.require();
		model.addAttribute("current", account.secondFactor());
		// a factor the kenpo stopped offering keeps working, but gets no new app key or passkey
		model.addAttribute("currentOffered", kenpo.offers(account.secondFactor()));
		model.addAttribute("others", kenpo.offeredFactors().stream().filter(f -> f != account.secondFactor()).toList());
		model.addAttribute("passkeys", passkeys.list(account));
		model.addAttribute("recent", recentFactor.proved(account));
		return "loginmethod/overview";
	}
}
