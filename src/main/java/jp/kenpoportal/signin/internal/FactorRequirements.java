package jp.kenpoportal.signin.internal;

import java.util.List;

import jp.kenpoportal.account.Account;
import jp.kenpoportal.signin.SignedInAccount;
import jp.kenpoportal.tenant.SecondFactor;

import org.springframework.security.authorization.RequiredAuthoritiesRepository;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * The factors each member's pages need: the password alone until onboarding has enrolled a
 * second factor (onboarding pages only, the gate sees to that), then the password and the
 * member's own second factor.
 */
@Component
class FactorRequirements implements RequiredAuthoritiesRepository {

	/** Required of a session whose account no longer exists: nothing grants it. */
	private static final String NO_ACCOUNT = "FACTOR_ACCOUNT_MISSING";

	private final SignedInAccount signedIn;

	FactorRequirements(SignedInAccount signedIn) {
		this.signedIn = signedIn;
	}

	@Override
	public List<String> findRequiredAuthorities(String username) {
		return signedIn.find().map(FactorRequirements::required).orElse(List.of(NO_ACCOUNT));
	}

	private static List<String> required(Account account) {
		if (!account.onboarded() || account.secondFactor() == null) {
			return List.of(FactorGrantedAuthority.PASSWORD_AUTHORITY);
		}
		if (account.secondFactor() == SecondFactor.PASSKEY) {
			// a user-verified passkey is possession plus biometrics or PIN: enough on its own
			return List.of(SecondFactor.PASSKEY.authority());
		}
		return List.of(FactorGrantedAuthority.PASSWORD_AUTHORITY, account.secondFactor().authority());
	}
}
