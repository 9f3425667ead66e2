package jp.kenpoportal.signin.profile;

import jp.kenpoportal.account.Account;
import jp.kenpoportal.account.Accounts;
import jp.kenpoportal.audit.AuditTrail;
import jp.kenpoportal.audit.AuditType;
import jp.kenpoportal.signin.SignedInAccount;

import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * プロフィール変更 › お知らせメール: whether the member gets a mail when new medical data, a
 * benefit decision or an お知らせ is published. Low risk (it changes no sign-in), so no
 * second factor is asked again; the change is audited.
 */
@Controller
class PublicationMailController {

	private final SignedInAccount signedIn;

	private final Accounts accounts;

	private final AuditTrail audit;

	PublicationMailController(SignedInAccount signedIn, Accounts accounts, AuditTrail audit) {
		this.signedIn = signedIn;
		this.accounts = accounts;
		this.audit = audit;
	}

	@PostMapping(ProfileController.PATH + "/publication-mail")
	@Transactional
	String change(@RequestParam(defaultValue = "false") boolean wanted) {
		Account account = signedIn.require();
		accounts.setPublicationMail(account.kenpoId(), account.id(), wanted);
		audit.record(account.kenpoId(), account.id(), AuditType.PUBLICATION_MAIL_CHANGED, wanted ? "on" : "off");
		return "redirect:" + ProfileController.PATH + "?publicationMailSaved#publication-mail";
	}
}
