package jp.kenpoportal.signin.loginmethod;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import jp.kenpoportal.account.Account;
import jp.kenpoportal.account.Accounts;
import jp.kenpoportal.audit.AuditTrail;
import jp.kenpoportal.audit.AuditType;
import jp.kenpoportal.common.TypedInput;
import jp.kenpoportal.signin.SecurityNotices;
import jp.kenpoportal.signin.SignedInAccount;
import jp.kenpoportal.signin.passkey.Passkeys;
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
 * A passkey member's passkeys: another one added (the ceremony itself is passkey.js and
 * {@code PasskeyCeremonyController}), renamed, or removed — never the last one.
 */
@Controller
class PasskeyManagementController {

	private static final String PATH = OverviewPage.PATH + "/passkeys";

	private final SignedInAccount signedIn;

	private final RecentProof recentProof;

	private final Passkeys passkeys;

	private final Accounts accounts;

	private final SecurityNotices notices;

	private final AuditTrail audit;

	private final TransactionTemplate tx;

	private final OverviewPage overview;

	PasskeyManagementController(SignedInAccount signedIn, RecentProof recentProof, Passkeys passkeys,
			Accounts accounts, SecurityNotices notices, AuditTrail audit, TransactionTemplate tx,
			OverviewPage overview) {
		this.signedIn = signedIn;
		this.recentProof = recentProof;
		this.passkeys = passkeys;
		this.accounts = accounts;
		this.notices = notices;
		this.audit = audit;
		this.tx = tx;
		this.overview = overview;
	}

	/** Removing passkeys needs a recent proof of the factor: get it, then come back. */
	@GetMapping(PATH + "/manage")
	String manage(HttpServletRequest request, HttpServletResponse response) {
		Account account = signedIn.require();
		return recentProof.require(account, request, response).orElse("redirect:" + OverviewPage.PATH);
	}

	@GetMapping(PATH + "/add")
	String add(HttpServletRequest request, HttpServletResponse response) {
		Account account = signedIn.require();
		if (account.secondFactor() != SecondFactor.PASSKEY || !CurrentKenpo.get().offers(SecondFactor.PASSKEY)) {
			return "redirect:" + OverviewPage.PATH;
		}
		Optional<String> reauth = recentProof.require(account, request, response);
		return reauth.orElse("loginmethod/passkey-add");
	}

	/** passkey.js posts here once the new passkey is registered (the notice went out with it). */
	@PostMapping(PATH + "/added")
	String added() {
		return "redirect:" + OverviewPage.PATH + "?passkeyAdded";
	}

	@PostMapping(PATH + "/rename")
	String rename(@RequestParam(defaultValue = "") String id, @RequestParam(defaultValue = "") String label,
			Model model) {
		Account account = signedIn.require();
		String name = TypedInput.text(label);
		if (name.isEmpty() || name.length() > 64) {
			model.addAttribute("error", "passkey.error.label");
			return overview.show(model);
		}
		if (passkeys.rename(account, id, name)) {
			audit.record(account.kenpoId(), account.id(), AuditType.PASSKEY_RENAMED, name);
		}
		return "redirect:" + OverviewPage.PATH + "?renamed";
	}

	@PostMapping(PATH + "/remove")
	String remove(@RequestParam(defaultValue = "") String id, Model model) {
		Kenpo kenpo = CurrentKenpo.get();
		Account account = signedIn.require();
		if (account.secondFactor() == SecondFactor.PASSKEY && passkeys.count(account) <= 1) {
			model.addAttribute("error", "loginMethod.error.lastPasskey");
			return overview.show(model);
		}
		if (!recentProof.proved(account)) {
			model.addAttribute("error", "loginMethod.error.reauth");
			return overview.show(model);
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
			return overview.show(model);
		}
		return "redirect:" + OverviewPage.PATH + "?removed";
	}
}
