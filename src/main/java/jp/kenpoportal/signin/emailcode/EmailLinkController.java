package jp.kenpoportal.signin.emailcode;

import java.util.Optional;

import jp.kenpoportal.account.Account;
import jp.kenpoportal.account.Accounts;
import jp.kenpoportal.audit.AuditTrail;
import jp.kenpoportal.audit.AuditType;
import jp.kenpoportal.signin.SignedInAccount;
import jp.kenpoportal.tenant.CurrentKenpo;
import jp.kenpoportal.tenant.Kenpo;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The link in the confirmation mail. Opening it shows a button; only pressing it confirms,
 * so mail scanners that follow links (社内メールチェック) confirm nothing.
 */
@Controller
class EmailLinkController {

	private final EmailVerifications verifications;

	private final SignedInAccount signedIn;

	private final AuditTrail audit;

	private final Accounts accounts;

	EmailLinkController(EmailVerifications verifications, SignedInAccount signedIn, AuditTrail audit,
			Accounts accounts) {
		this.verifications = verifications;
		this.signedIn = signedIn;
		this.audit = audit;
		this.accounts = accounts;
	}

	@GetMapping("/email/verify")
	String show(@RequestParam(defaultValue = "") String token, Model model) {
		model.addAttribute("token", token);
		return "signin/email-verify";
	}

	@PostMapping("/email/verify")
	String confirm(@RequestParam(defaultValue = "") String token, Model model) {
		Kenpo kenpo = CurrentKenpo.get();
		Optional<Long> confirmed = verifications.confirmByToken(kenpo.id(), token);
		if (confirmed.isEmpty()) {
			model.addAttribute("invalid", true);
			return "signin/email-verified";
		}
		// after first registration the link confirms a change of address (プロフィール変更)
		boolean change = accounts.find(kenpo.id(), confirmed.get()).map(Account::onboarded).orElse(false);
		if (change) {
			audit.record(kenpo.id(), confirmed.get(), AuditType.EMAIL_CHANGED, "link");
		}
		else {
			audit.record(kenpo.id(), confirmed.get(), AuditType.ONBOARDING_STEP_COMPLETED, "email (link)");
		}
		boolean sameBrowser = signedIn.principal().map(p -> p.accountId() == confirmed.get()).orElse(false);
		if (sameBrowser) {
			return change ? "redirect:/profile?emailChanged" : "redirect:/onboarding";
		}
		model.addAttribute("invalid", false);
		return "signin/email-verified";
	}
}
