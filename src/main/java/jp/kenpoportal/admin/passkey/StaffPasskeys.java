package jp.kenpoportal.admin.passkey;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import jp.kenpoportal.admin.staff.StaffAccount;

import org.springframework.stereotype.Service;

/**
 * A staff member's second factor besides the app: whether they enrolled a passkey, and the
 * choice between app and passkey made on the first sign-in (kept in the session until one is
 * enrolled). The staff member's enrolled factor is the app if they have one, else a passkey.
 */
@Service
public class StaffPasskeys {

	static final String CHOICE = "console.factorChoice";

	static final String APP = "TOTP";

	static final String PASSKEY = "PASSKEY";

	private final StaffRelyingParty relyingParty;

	StaffPasskeys(StaffRelyingParty relyingParty) {
		this.relyingParty = relyingParty;
	}

	/** Whether the staff member signs in with a passkey (and has no app). */
	public boolean enrolled(StaffAccount staff) {
		return !staff.totpEnrolled() && relyingParty.userEntities()
			.handleOf(staff.id())
			.map(handle -> !relyingParty.credentials().findByUserId(handle).isEmpty())
			.orElse(false);
	}

	/**
	 * Where the app's second-factor page sends a staff member instead: to the passkey if that is
	 * their factor, to the choice if they have none and have not chosen the app in this session.
	 * Empty: the app's page is theirs.
	 */
	public Optional<String> instead(StaffAccount staff, HttpServletRequest request) {
		if (staff.totpEnrolled()) {
			return Optional.empty();
		}
		if (enrolled(staff)) {
			return Optional.of(request.getParameter("reauth") != null ? "/mfa/passkey?reauth" : "/mfa/passkey");
		}
		return APP.equals(choice(request)) ? Optional.empty() : Optional.of("/mfa/choose");
	}

	static String choice(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		return session != null && session.getAttribute(CHOICE) instanceof String c ? c : null;
	}
}
