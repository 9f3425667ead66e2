package jp.kenpoportal.signin;

import org.springframework.security.core.AuthenticationException;

/**
 * The password (or passkey) was right, but the account's access ended after the insured lost
 * the qualification ({@link QualificationAccess}). Only someone who proved the account gets
 * this, so saying so reveals nothing to a stranger.
 */
public class AccessEndedException extends AuthenticationException {

	public AccessEndedException() {
		super("signin.accessEnded");
	}
}
