package jp.kenpoportal.tenant;

/** The second factors a kenpo may allow (DESIGN.md: 生体認証, OTP アプリ認証, OTP メール認証). */
public enum SecondFactor {

	EMAIL_CODE("FACTOR_EMAIL_OTP", true),
	TOTP("FACTOR_TOTP", false),
	PASSKEY("FACTOR_WEBAUTHN", false);

	private final String authority;

	private final boolean available;

	SecondFactor(String authority, boolean available) {
		this.authority = authority;
		this.available = available;
	}

	/** The granted authority that proves this factor in a session. */
	public String authority() {
		return authority;
	}

	/** Whether this portal can enrol the factor yet; TOTP and passkeys come with the next issue. */
	public boolean available() {
		return available;
	}
}
