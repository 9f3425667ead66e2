package jp.kenpoportal.tenant;

/** The second factors a kenpo may allow (DESIGN.md: 生体認証, OTP アプリ認証, OTP メール認証). */
public enum SecondFactor {

	EMAIL_CODE("FACTOR_EMAIL_OTP", true),
	TOTP("FACTOR_TOTP", true),
	PASSKEY("FACTOR_WEBAUTHN", true);

	private final String authority;

	private final boolean available;

	SecondFactor(String authority, boolean available) {
		this.authority = authority;
		this.available = available;
	}

	/** The path of the page where a signed-in member proves this factor. */
	public String signInPath() {
		return "/mfa/" + name().toLowerCase().replace("email_code", "email");
	}

	/** The granted authority that proves this factor in a session. */
	public String authority() {
		return authority;
	}

	/** Whether this portal can enrol the factor; a switch for a factor still being built. */
	public boolean available() {
		return available;
	}
}
