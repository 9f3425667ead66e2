package jp.kenpoportal.portal;

import jp.kenpoportal.account.Account;
import jp.kenpoportal.member.MemberDirectory;
import jp.kenpoportal.signin.SignedInAccount;
import jp.kenpoportal.tenant.CurrentKenpo;
import jp.kenpoportal.tenant.Kenpo;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the shared layout shows on every page: the kenpo, and the member's name when fully signed in. */
@ControllerAdvice
class LayoutModel {

	private final SignedInAccount signedIn;

	private final MemberDirectory members;

	LayoutModel(SignedInAccount signedIn, MemberDirectory members) {
		this.signedIn = signedIn;
		this.members = members;
	}

	@ModelAttribute("kenpo")
	Kenpo kenpo(jakarta.servlet.http.HttpServletRequest request) {
		return CurrentKenpo.of(request).orElse(null);
	}

	/** The name shown in the header with the sign-out menu; only once onboarding is done. */
	@ModelAttribute("headerName")
	String headerName(jakarta.servlet.http.HttpServletRequest request) {
		return CurrentKenpo.of(request)
			.flatMap(kenpo -> signedIn.find()
				.filter(Account::onboarded)
				.flatMap(account -> members.find(kenpo.id(), account.memberId())))
			.map(m -> m.name())
			.orElse(null);
	}

	@ModelAttribute("signedIn")
	boolean signedIn() {
		return signedIn.principal().isPresent();
	}
}
