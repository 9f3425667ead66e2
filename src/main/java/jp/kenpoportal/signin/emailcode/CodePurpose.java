package jp.kenpoportal.signin.emailcode;

/** Why a code was mailed; a code is only good for its purpose. */
public enum CodePurpose {
	SIGN_IN, ENROL
}
