package jp.kenpoportal.signin.loginmethod;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import jp.kenpoportal.account.Account;
import jp.kenpoportal.audit.AuditTrail;
import jp.kenpoportal.audit.AuditType;
import jp.kenpoportal.signin.SecurityNotices;
import jp.kenpoportal.signin.SignedInAccount;
import jp.kenpoportal.signin.totp.TotpEnrolment;
import jp.kenpoportal.tenant.CurrentKenpo;
import jp.kenpoportal.tenant.Kenpo;
import jp.kenpoportal.tenant.SecondFactor;

import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 認証アプリを再登録する (a new phone): a new secret is shown and replaces the old one only
 * once a code from it is typed. Starting over is a POST; the page itself only shows the
 * secret waiting in the session.
 */
@Controller
class TotpRenewalController {

	private static final String PATH = OverviewPage.PATH + "/totp/renew";

	private static final String VIEW = "loginmethod/totp-renew";

	private final SignedInAccount signedIn;

	private final RecentProof recentProof;

	private final TotpEnrolment enrolment;

	private final SecurityNotices notices;

	private final AuditTrail audit;

	private final TransactionTemplate tx;

	TotpRenewalController(SignedInAccount signedIn, RecentProof recentProof, TotpEnrolment enrolment,
			SecurityNotices notices, AuditTrail audit, TransactionTemplate tx) {
		this.signedIn = signedIn;
		this.recentProof = recentProof;
		this.enrolment = enrolment;
		this.notices = notices;
		this.audit = audit;
		this.tx = tx;
	}

	/** From the overview's button: forgets any secret shown before, so the page shows a new one. */
	@PostMapping(PATH + "/start")
	String start(HttpSession session) {
		if (!renewable(CurrentKenpo.get(), signedIn.require())) {
			return "redirect:" + OverviewPage.PATH;
		}
		enrolment.restart(session);
		return "redirect:" + PATH;
	}

	@GetMapping(PATH)
	String show(Model model, HttpSession session, HttpServletRequest request, HttpServletResponse response) {
		Kenpo kenpo = CurrentKenpo.get();
		Account account = signedIn.require();
		if (!renewable(kenpo, account)) {
			return "redirect:" + OverviewPage.PATH;
		}
		Optional<String> reauth = recentProof.require(account, request, response);
		if (reauth.isPresent()) {
			return reauth.get();
		}
		enrolment.show(kenpo, account, session, model);
		return VIEW;
	}

	@PostMapping(PATH)
	String confirm(@RequestParam(defaultValue = "") String code, Model model, HttpSession session) {
		Kenpo kenpo = CurrentKenpo.get();
		Account account = signedIn.require();
		if (!renewable(kenpo, account) || !recentProof.proved(account)) {
			return "redirect:" + OverviewPage.PATH;
		}
		// the new secret, its audit record and its notice commit together
		boolean renewed = Boolean.TRUE.equals(tx.execute(status -> {
			if (!enrolment.confirm(account, session, code)) {
				return false;
			}
			audit.record(kenpo.id(), account.id(), AuditType.TOTP_ENROLLED, "renewed");
			notices.send(kenpo, account, "notice.totpRenewed");
			return true;
		}));
		if (!renewed) {
			model.addAttribute("error", "totp.error.enrol");
			enrolment.show(kenpo, account, session, model);
			return VIEW;
		}
		return "redirect:" + OverviewPage.PATH + "?totpRenewed";
	}

	/** A new app registration is a new enrolment: only while the kenpo offers the app. */
	private static boolean renewable(Kenpo kenpo, Account account) {
		return account.secondFactor() == SecondFactor.TOTP && kenpo.offers(SecondFactor.TOTP);
	}
}
