package jp.kenpoportal.signin.internal;

import org.springframework.security.authentication.BadCredentialsException;

/** Any refused sign-in: unknown ID, wrong password, locked. Deliberately one type, one message. */
class SignInRefusedException extends BadCredentialsException {

	SignInRefusedException() {
		super("signin.error.invalid");
	}
}
