package jp.kenpoportal.common;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The one host name of the staff console ({@code PORTAL_CONSOLE_HOST}). Several modules need
 * to tell console requests apart before anything else runs: the kenpo resolution (the console
 * has no current kenpo), the session cookie (its own name) and the security filter chains.
 */
@Component
public class ConsoleHost {

	private final String host;

	public ConsoleHost(@Value("${portal.console.host:console.localhost}") String configured) {
		this.host = withoutPort(configured.strip().toLowerCase(Locale.ROOT));
		if (host.isEmpty()) {
			throw new IllegalStateException("portal.console.host must not be empty");
		}
	}

	/** The host name alone, without a port. */
	public String host() {
		return host;
	}

	/** Whether the request was made to the console's host (any port, as the server runs on). */
	public boolean matches(HttpServletRequest request) {
		String served = request.getServerName();
		return served != null && host.equalsIgnoreCase(served);
	}

	// a port in the setting (console.localhost:8080) would never equal a request's server name
	private static String withoutPort(String value) {
		int colon = value.lastIndexOf(':');
		return colon > 0 && value.indexOf(']') < colon ? value.substring(0, colon) : value;
	}
}
