package jp.kenpoportal.signin.totp;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The otpauth:// URI authenticator apps read from the enrolment QR code (Google Key Uri Format). */
public final class OtpAuthUri {

	private OtpAuthUri() {
	}

	/** Issuer and account are percent-encoded so Japanese names and a ':' inside them survive. */
	public static String of(String issuer, String account, String base32Secret) {
		String encodedIssuer = encode(issuer);
		return "otpauth://totp/" + encodedIssuer + ":" + encode(account)
				+ "?secret=" + encode(base32Secret)
				+ "&issuer=" + encodedIssuer
				+ "&algorithm=SHA1&digits=" + TotpAlgorithm.DIGITS
				+ "&period=" + TotpAlgorithm.STEP_SECONDS;
	}

	/** URLEncoder is for forms, where a space is '+'; apps expect %20 in a URI. */
	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}
}
