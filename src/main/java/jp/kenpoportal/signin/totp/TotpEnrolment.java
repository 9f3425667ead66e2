package jp.kenpoportal.signin.totp;

import java.io.Serializable;
import java.time.Clock;
import java.util.OptionalLong;

import jakarta.servlet.http.HttpSession;

import jp.kenpoportal.account.Account;
import jp.kenpoportal.common.TypedInput;
import jp.kenpoportal.tenant.Kenpo;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Setting up an authenticator app: a new secret waits in the session until the member types
 * a current code from the app; only then is it saved.
 */
@Component
public class TotpEnrolment {

	private static final String PENDING = TotpEnrolment.class.getName() + ".pending";

	private static final int QR_SIZE = 240;

	private final TotpCredentials credentials;

	private final Clock clock;

	TotpEnrolment(TotpCredentials credentials, Clock clock) {
		this.credentials = credentials;
		this.clock = clock;
	}

	/** Puts the QR code and the manual key of the pending secret on the page. */
	public void show(Kenpo kenpo, Account account, HttpSession session, Model model) {
		TotpSecret secret = pending(account, session);
		String uri = OtpAuthUri.of(kenpo.name(), account.loginId(), secret.base32());
		model.addAttribute("totpQr", QrCode.pngDataUri(uri, QR_SIZE));
		model.addAttribute("totpKey", secret.groupedForDisplay());
		model.addAttribute("totpIssuer", kenpo.name());
		model.addAttribute("totpAccount", account.loginId());
	}

	/** Saves the pending secret if the typed code matches it. */
	public boolean confirm(Account account, HttpSession session, String typed) {
		TotpSecret secret = pending(account, session);
		OptionalLong step = TotpAlgorithm.matchingStep(secret.key(), TypedInput.digits(typed), clock.instant(), -1);
		if (step.isEmpty()) {
			return false;
		}
		credentials.save(account, secret, step.getAsLong());
		session.removeAttribute(PENDING);
		return true;
	}

	/** Forgets the pending secret, so the next page shows a new one. */
	public void restart(HttpSession session) {
		session.removeAttribute(PENDING);
	}

	private TotpSecret pending(Account account, HttpSession session) {
		Object stored = session.getAttribute(PENDING);
		if (stored instanceof Pending p && p.accountId() == account.id()) {
			return TotpSecret.fromBase32(p.base32());
		}
		TotpSecret secret = TotpSecret.generate();
		session.setAttribute(PENDING, new Pending(account.id(), secret.base32()));
		return secret;
	}

	private record Pending(long accountId, String base32) implements Serializable {
	}
}
