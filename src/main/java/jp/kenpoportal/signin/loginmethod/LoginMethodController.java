package jp.kenpoportal.signin.loginmethod;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import jp.kenpoportal.account.Account;
import jp.kenpoportal.account.Accounts;
import jp.kenpoportal.audit.AuditTrail;
import jp.kenpoportal.audit.AuditType;
import jp.kenpoportal.common.TypedInput;
import jp.kenpoportal.signin.RecentFactor;
import jp.kenpoportal.signin.SecurityNotices;
import jp.kenpoportal.signin.SessionControl;
import jp.kenpoportal.signin.SignedInAccount;
import jp.kenpoportal.signin.emailcode.CodeCheck;
import jp.kenpoportal.signin.emailcode.CodePurpose;
import jp.kenpoportal.signin.emailcode.EmailCodes;
import jp.kenpoportal.signin.emailcode.MaskedEmail;
import jp.kenpoportal.signin.passkey.Passkeys;
import jp.kenpoportal.signin.totp.TotpCredentials;
import jp.kenpoportal.signin.totp.TotpEnrolment;
import jp.kenpoportal.tenant.CurrentKenpo;
import jp.kenpoportal.tenant.Kenpo;
import jp.kenpoportal.tenant.SecondFactor;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * ログイン方法変更: the current second factor, switching to another one the kenpo allows
 * (the new one is enrolled before the old one is retired), the member's passkeys, and a
 * new authenticator-app registration. Every change needs the current factor proved in the
 * last five minutes, is audited, and is told to the member by mail.
 */
@Controller
class LoginMethodController {

	private static final String PATH = "/login-method";

	private final SignedInAccount signedIn;

	private final Accounts accounts;

	private final RecentFactor recentFactor;

	private final EmailCodes codes;

	private final TotpEnrolment totpEnrolment;

	private final TotpCredentials totp;

	private final Passkeys passkeys;

	private final SessionControl sessions;

	private final SecurityNotices notices;

	private final AuditTrail audit;

	private final TransactionTemplate tx;

	private final RequestCache requestCache = new HttpSessionRequestCache();

	LoginMethodController(SignedInAccount signedIn, Accounts accounts, RecentFactor recentFactor, EmailCodes codes,
			TotpEnrolment totpEnrolment, TotpCredentials totp, Passkeys passkeys, SessionControl sessions,
			SecurityNotices notices, AuditTrail audit, TransactionTemplate tx) {
		this.signedIn = signedIn;
		this.accounts = accounts;
		this.recentFactor = recentFactor;
		this.codes = codes;
		this.totpEnrolment = totpEnrolment;
		this.totp = totp;
		this.passkeys = passkeys;
		this.sessions = sessions;
		this.notices = notices;
		this.audit = audit;
		this.tx = tx;
	}

	@GetMapping(PATH)
	String overview(Model model) {
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

	/** Managing passkeys (removal) needs a recent proof of the factor: get it, then come back. */
	@GetMapping(PATH + "/passkeys/manage")
	String managePasskeys(HttpServletRequest request, HttpServletResponse response) {
		Account account = signedIn.require();
		return requireRecentFactor(account, request, response).orElse("redirect:" + PATH);
	}

	// -- switching -----------------------------------------------------------------

	@GetMapping(PATH + "/switch/{factor}")
	String startSwitch(@PathVariable String factor, Model model, HttpSession session, HttpServletRequest request,
			HttpServletResponse response) {
		Kenpo kenpo = CurrentKenpo.get();
		Account account = signedIn.require();
		Optional<SecondFactor> target = switchable(kenpo, account, factor);
		if (target.isEmpty()) {
			return "redirect:" + PATH;
		}
		Optional<String> reauth = requireRecentFactor(account, request, response);
		if (reauth.isPresent()) {
			return reauth.get();
		}
		if (target.get() == SecondFactor.PASSKEY) {
			// passkeys left from an abandoned switch must not count as the new factor
			passkeys.removeAll(account);
		}
		return enrolmentPage(kenpo, account, target.get(), model, session, null);
	}

	@PostMapping(PATH + "/switch/{factor}")
	String finishSwitch(@PathVariable String factor, @RequestParam(defaultValue = "") String code, Model model,
			HttpSession session, HttpServletRequest request, HttpServletResponse response) {
		Kenpo kenpo = CurrentKenpo.get();
		Account account = signedIn.require();
		Optional<SecondFactor> target = switchable(kenpo, account, factor);
		if (target.isEmpty() || !recentFactor.proved(account)) {
			return "redirect:" + PATH;
		}
		SecondFactor next = target.get();
		SecondFactor previous = account.secondFactor();
		// the new factor's secret, the switch, its audit record and its notice commit together
		String error = tx.execute(status -> {
			String problem = confirmNewFactor(account, next, code, session);
			if (problem != null) {
				audit.record(kenpo.id(), account.id(), AuditType.SECOND_FACTOR_FAILED, "SWITCH " + next);
				return problem;
			}
			accounts.switchSecondFactor(kenpo.id(), account.id(), next);
			retire(account, previous);
			audit.record(kenpo.id(), account.id(), AuditType.SECOND_FACTOR_CHANGED, previous + " -> " + next);
			notices.send(kenpo, account, "notice.factorChanged", new DefaultMessageSourceResolvable("factor." + next.name()));
			return null;
		});
		if (error != null) {
			return enrolmentPage(kenpo, account, next, model, session, error);
		}
		sessions.grantFactor(next.authority(), request, response);
		return "redirect:" + PATH + "?changed";
	}

	/** Checks (and for the app, saves) the factor being switched to; the message key when it fails. */
	private String confirmNewFactor(Account account, SecondFactor next, String code, HttpSession session) {
		return switch (next) {
			case EMAIL_CODE -> {
				CodeCheck check = codes.check(account.id(), CodePurpose.ENROL, code);
				yield check == CodeCheck.ACCEPTED ? null : check.messageKey();
			}
			case TOTP -> totpEnrolment.confirm(account, session, code) ? null : "totp.error.enrol";
			case PASSKEY -> passkeys.count(account) > 0 ? null : "onboarding.factorPasskey.error.none";
		};
	}

	@PostMapping(PATH + "/switch/EMAIL_CODE/resend")
	String resendSwitchCode(Model model, HttpSession session, HttpServletRequest request) {
		Kenpo kenpo = CurrentKenpo.get();
		Account account = signedIn.require();
		if (switchable(kenpo, account, SecondFactor.EMAIL_CODE.name()).isEmpty()) {
			return "redirect:" + PATH;
		}
		if (codes.waitBeforeResend(account.id(), CodePurpose.ENROL).isZero()
				&& codes.takeResend(account.id(), request.getRemoteAddr())) {
			codes.issue(kenpo, account.id(), CodePurpose.ENROL, account.email());
			model.addAttribute("resent", true);
		}
		return enrolmentPage(kenpo, account, SecondFactor.EMAIL_CODE, model, session, null);
	}

	private String enrolmentPage(Kenpo kenpo, Account account, SecondFactor target, Model model, HttpSession session,
			String error) {
		model.addAttribute("target", target);
		model.addAttribute("error", error);
		switch (target) {
			case EMAIL_CODE -> {
				if (!codes.ensureSent(kenpo, account.id(), CodePurpose.ENROL, account.email())) {
					model.addAttribute("error", "code.error.tooMany");
				}
				model.addAttribute("maskedEmail", MaskedEmail.of(account.email()));
				model.addAttribute("resendWait", codes.waitBeforeResend(account.id(), CodePurpose.ENROL).toSeconds());
			}
			case TOTP -> totpEnrolment.show(kenpo, account, session, model);
			case PASSKEY -> {
			}
		}
		return "loginmethod/enrol";
	}

	/** The old factor goes only after the new one works; passkeys go with their method. */
	private void retire(Account account, SecondFactor previous) {
		if (previous == SecondFactor.TOTP) {
			totp.remove(account);
		}
		if (previous == SecondFactor.PASSKEY) {
			passkeys.removeAll(account);
		}
	}

	// -- authenticator app: a new registration ----------------------------------------

	@GetMapping(PATH + "/totp/renew")
	String renewTotp(Model model, HttpSession session, HttpServletRequest request, HttpServletResponse response) {
		Kenpo kenpo = CurrentKenpo.get();
		Account account = signedIn.require();
		if (!renewable(kenpo, account)) {
			return "redirect:" + PATH;
		}
		Optional<String> reauth = requireRecentFactor(account, request, response);
		if (reauth.isPresent()) {
			return reauth.get();
		}
		if (request.getParameter("continue") == null) {
			totpEnrolment.restart(session);
		}
		totpEnrolment.show(kenpo, account, session, model);
		return "loginmethod/totp-renew";
	}

	@PostMapping(PATH + "/totp/renew")
	String confirmTotpRenewal(@RequestParam(defaultValue = "") String code, Model model, HttpSession session) {
		Kenpo kenpo = CurrentKenpo.get();
		Account account = signedIn.require();
		if (!renewable(kenpo, account) || !recentFactor.proved(account)) {
			return "redirect:" + PATH;
		}
		// the new secret, its audit record and its notice commit together
		boolean renewed = Boolean.TRUE.equals(tx.execute(status -> {
			if (!totpEnrolment.confirm(account, session, code)) {
				return false;
			}
			audit.record(kenpo.id(), account.id(), AuditType.TOTP_ENROLLED, "renewed");
			notices.send(kenpo, account, "notice.totpRenewed");
			return true;
		}));
		if (!renewed) {
			model.addAttribute("error", "totp.error.enrol");
			totpEnrolment.show(kenpo, account, session, model);
			return "loginmethod/totp-renew";
		}
		return "redirect:" + PATH + "?totpRenewed";
	}

	// -- passkeys -----------------------------------------------------------------------

	@GetMapping(PATH + "/passkeys/add")
	String addPasskey(Model model, HttpServletRequest request, HttpServletResponse response) {
		Account account = signedIn.require();
		if (account.secondFactor() != SecondFactor.PASSKEY || !CurrentKenpo.get().offers(SecondFactor.PASSKEY)) {
			return "redirect:" + PATH;
		}
		Optional<String> reauth = requireRecentFactor(account, request, response);
		return reauth.orElse("loginmethod/passkey-add");
	}

	/** passkey.js posts here once the new passkey is registered (the notice went out with it). */
	@PostMapping(PATH + "/passkeys/added")
	String passkeyAdded() {
		return "redirect:" + PATH + "?passkeyAdded";
	}

	@PostMapping(PATH + "/passkeys/rename")
	String renamePasskey(@RequestParam(defaultValue = "") String id, @RequestParam(defaultValue = "") String label,
			Model model) {
		Account account = signedIn.require();
		String name = TypedInput.text(label);
		if (name.isEmpty() || name.length() > 64) {
			model.addAttribute("error", "passkey.error.label");
			return overview(model);
		}
		if (passkeys.rename(account, id, name)) {
			audit.record(account.kenpoId(), account.id(), AuditType.PASSKEY_RENAMED, name);
		}
		return "redirect:" + PATH + "?renamed";
	}

	@PostMapping(PATH + "/passkeys/remove")
	String removePasskey(@RequestParam(defaultValue = "") String id, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		Kenpo kenpo = CurrentKenpo.get();
		Account account = signedIn.require();
		if (account.secondFactor() == SecondFactor.PASSKEY && passkeys.count(account) <= 1) {
			model.addAttribute("error", "loginMethod.error.lastPasskey");
			return overview(model);
		}
		if (!recentFactor.proved(account)) {
			model.addAttribute("error", "loginMethod.error.reauth");
			return overview(model);
		}
		String problem = tx.execute(status -> {
			// re-count inside the transaction, after locking the account row: two removals at
			// once must not leave a passkey member without any passkey
			accounts.lockRow(kenpo.id(), account.id());
			if (account.secondFactor() == SecondFactor.PASSKEY && passkeys.count(account) <= 1) {
				return "loginMethod.error.lastPasskey";
			}
			if (passkeys.remove(account, id)) {
				audit.record(kenpo.id(), account.id(), AuditType.PASSKEY_REMOVED, null);
				notices.send(kenpo, account, "notice.passkeyRemoved");
			}
			return null;
		});
		if (problem != null) {
			model.addAttribute("error", problem);
			return overview(model);
		}
		return "redirect:" + PATH + "?removed";
	}

	// -- helpers ----------------------------------------------------------------------

	/** A new app registration is a new enrolment: only while the kenpo offers the app. */
	private static boolean renewable(Kenpo kenpo, Account account) {
		return account.secondFactor() == SecondFactor.TOTP && kenpo.offers(SecondFactor.TOTP);
	}

	private static Optional<SecondFactor> switchable(Kenpo kenpo, Account account, String factor) {
		try {
			SecondFactor target = SecondFactor.valueOf(factor);
			return kenpo.offers(target) && target != account.secondFactor() ? Optional.of(target) : Optional.empty();
		}
		catch (IllegalArgumentException e) {
			return Optional.empty();
		}
	}

	/** Sends the member to prove the current factor again, then back here. */
	private Optional<String> requireRecentFactor(Account account, HttpServletRequest request,
			HttpServletResponse response) {
		if (recentFactor.proved(account)) {
			return Optional.empty();
		}
		requestCache.saveRequest(request, response);
		return Optional.of("redirect:" + account.secondFactor().signInPath() + "?reauth");
	}
}
