package jp.kenpoportal.signin.passkey;

import jp.kenpoportal.signin.SignedInAccount;
import jp.kenpoportal.tenant.SecondFactor;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The passkey as the second factor after the password; the ceremony itself runs in passkey.js. */
@Controller
class PasskeySignInController {

	private final SignedInAccount signedIn;

	PasskeySignInController(SignedInAccount signedIn) {
		this.signedIn = signedIn;
	}

	@GetMapping("/mfa/passkey")
	String show() {
		boolean usesPasskey = signedIn.find()
			.map(a -> a.onboarded() && a.secondFactor() == SecondFactor.PASSKEY)
			.orElse(false);
		return usesPasskey ? "signin/mfa-passkey" : "redirect:/";
	}
}
