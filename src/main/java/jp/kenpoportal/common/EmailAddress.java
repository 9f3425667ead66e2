package jp.kenpoportal.common;

import java.util.regex.Pattern;

/** Whether a typed mail address can be used: the confirmation mail is the real test. */
public final class EmailAddress {

	/** WHATWG's "valid e-mail address", deliberately simple. */
	private static final Pattern VALID = Pattern.compile(
			"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");

	private static final int MAX_LENGTH = 254;

	private EmailAddress() {
	}

	/** For an address already normalised by {@link TypedInput#email}. */
	public static boolean isValid(String address) {
		return address.length() <= MAX_LENGTH && VALID.matcher(address).matches();
	}
}
