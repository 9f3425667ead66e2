package jp.kenpoportal.portal;

import jp.kenpoportal.account.Account;
import jp.kenpoportal.signin.SignedInAccount;
import jp.kenpoportal.signin.SignedInHousehold;
import jp.kenpoportal.tenant.CurrentKenpo;
import jp.kenpoportal.tenant.Kenpo;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the shared layout shows on every page: the kenpo, and the member's name when fully signed in. */
@ControllerAdvice
class LayoutModel {

	private final SignedInAccount signedIn;

	private final SignedInHousehold household;

	LayoutModel(SignedInAccount signedIn, SignedInHousehold household) {
		this.signedIn = signedIn;
		this.household = household;
	}

	@ModelAttribute("kenpo")
	Kenpo kenpo(jakarta.servlet.http.HttpServletRequest request) {
		return CurrentKenpo.of(request).orElse(null);
	}

	/**
	 * The name shown in the header with the menu and sign-out: only for a member who is
	 * through onboarding and has proved the second factor in this session. The roster row
	 * comes with the household, loaded once per request for the page too.
	 */
	@ModelAttribute("headerName")
	String headerName(jakarta.servlet.http.HttpServletRequest request) {
		if (CurrentKenpo.of(request).isEmpty() || signedIn.find().filter(LayoutModel::fullySignedIn).isEmpty()) {
			return null;
		}
		return household.member().map(m -> m.name()).orElse(null);
	}

	private static boolean fullySignedIn(Account account) {
		if (!account.onboarded() || account.secondFactor() == null) {
			return false;
		}
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth != null && auth.getAuthorities()
			.stream()
			.anyMatch(a -> account.secondFactor().authority().equals(a.getAuthority()));
	}

	@ModelAttribute("signedIn")
	boolean signedIn() {
		return signedIn.principal().isPresent();
	}
}
