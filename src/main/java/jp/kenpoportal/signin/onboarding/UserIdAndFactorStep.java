package jp.kenpoportal.signin.onboarding;

import jp.kenpoportal.account.Account;
import jp.kenpoportal.account.Accounts;
import jp.kenpoportal.account.LoginIdFormat;
import jp.kenpoportal.audit.AuditTrail;
import jp.kenpoportal.audit.AuditType;
import jp.kenpoportal.common.TypedInput;
import jp.kenpoportal.signin.SignedInAccount;
import jp.kenpoportal.tenant.CurrentKenpo;
import jp.kenpoportal.tenant.Kenpo;
import jp.kenpoportal.tenant.SecondFactor;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** ユーザIDの変更・認証方法の設定: keep or change the user ID, choose the second factor. */
@Controller
class UserIdAndFactorStep implements OnboardingStep {

	static final String PATH = "/onboarding/user-id";

	private static final String VIEW = "onboarding/user-id";

	private final SignedInAccount signedIn;

	private final Accounts accounts;

	private final AuditTrail audit;

	UserIdAndFactorStep(SignedInAccount signedIn, Accounts accounts, AuditTrail audit) {
		this.signedIn = signedIn;
		this.accounts = accounts;
		this.audit = audit;
	}

	@Override
	public String path() {
		return PATH;
	}

	@Override
	public String name() {
		return "user-id-and-factor";
	}

	@Override
	public boolean isPending(Account account, Kenpo kenpo) {
		// an onboarded member keeps a factor the kenpo stopped offering until they switch on
		// ログイン方法変更, where the new one is enrolled first
		return !account.onboarded() && (account.userIdConfirmedAt() == null || account.secondFactor() == null
				|| !kenpo.offers(account.secondFactor()));
	}

	@GetMapping(PATH)
	String show(Model model) {
		Kenpo kenpo = CurrentKenpo.get();
		Account account = signedIn.require();
		model.addAttribute("userId", account.loginId());
		model.addAttribute("factor", defaultFactor(kenpo, account).name());
		return view(model, kenpo, account);
	}

	@PostMapping(PATH)
	String submit(@RequestParam(defaultValue = "") String userId, @RequestParam(defaultValue = "") String factor,
			Model model) {
		Kenpo kenpo = CurrentKenpo.get();
		Account account = signedIn.require();
		model.addAttribute("userId", userId);
		model.addAttribute("factor", factor);
		String loginId = TypedInput.userId(userId);
		String invalid = LoginIdFormat.invalidCharacters(loginId);
		if (!invalid.isEmpty()) {
			model.addAttribute("userIdError", "onboarding.userId.error.characters");
			model.addAttribute("userIdErrorArg", invalid);
		}
		else if (!LoginIdFormat.validLength(loginId)) {
			model.addAttribute("userIdError", "onboarding.userId.error.length");
		}
		else if (accounts.loginIdTaken(kenpo.id(), loginId, account.id())) {
			model.addAttribute("userIdError", "onboarding.userId.error.taken");
		}
		SecondFactor chosen = parse(factor);
		if (chosen == null || !kenpo.offers(chosen)) {
			model.addAttribute("factorError", "onboarding.factor.error.required");
		}
		if (model.containsAttribute("userIdError") || model.containsAttribute("factorError")) {
			return view(model, kenpo, account);
		}
		try {
			accounts.chooseLoginIdAndFactor(kenpo.id(), account.id(), loginId, chosen);
		}
		catch (DuplicateKeyException raceLost) {
			model.addAttribute("userIdError", "onboarding.userId.error.taken");
			return view(model, kenpo, account);
		}
		audit.record(kenpo.id(), account.id(), AuditType.ONBOARDING_STEP_COMPLETED,
				name() + " " + chosen + (loginId.equals(account.loginId()) ? "" : " user ID changed"));
		return "redirect:/onboarding";
	}

	private String view(Model model, Kenpo kenpo, Account account) {
		model.addAttribute("factors", kenpo.offeredFactors());
		model.addAttribute("recommended", kenpo.recommendedFactor());
		model.addAttribute("temporaryId", account.loginIdTemporary());
		model.addAttribute("minLength", LoginIdFormat.MIN_LENGTH);
		model.addAttribute("maxLength", LoginIdFormat.MAX_LENGTH);
		return VIEW;
	}

	/** The member's earlier choice, else the kenpo's recommendation, else the first offered. */
	private static SecondFactor defaultFactor(Kenpo kenpo, Account account) {
		if (account.secondFactor() != null && kenpo.offers(account.secondFactor())) {
			return account.secondFactor();
		}
		return kenpo.offers(kenpo.recommendedFactor()) ? kenpo.recommendedFactor() : kenpo.offeredFactors().get(0);
	}

	private static SecondFactor parse(String factor) {
		try {
			return SecondFactor.valueOf(factor);
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}
}
