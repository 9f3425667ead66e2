package jp.kenpoportal.signin.internal;

import org.springframework.security.core.AuthenticationException;

/** Too many failures from one client address; says nothing about any account. */
class SignInThrottledException extends AuthenticationException {

	SignInThrottledException() {
		super("signin.error.throttled");
	}
}
