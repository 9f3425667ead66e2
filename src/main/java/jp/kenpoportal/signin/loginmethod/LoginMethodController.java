package jp.kenpoportal.signin.loginmethod;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * ログイン方法変更: the current second factor, the factors the member may switch to, and the
 * member's passkeys. The changes themselves have their own controllers: switching the factor
 * ({@link FactorSwitchController}), a new app registration ({@link TotpRenewalController}) and
 * passkeys ({@link PasskeyManagementController}). Every change needs the current factor proved
 * in the last five minutes, is audited, and is told to the member by mail.
 */
@Controller
class LoginMethodController {

	private final OverviewPage overview;

	LoginMethodController(OverviewPage overview) {
		this.overview = overview;
	}

	@GetMapping(OverviewPage.PATH)
	String overview(Model model) {
		return overview.show(model);
	}
}
