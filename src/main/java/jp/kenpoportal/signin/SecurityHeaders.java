package jp.kenpoportal.signin;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The security headers of every response, member pages, static files and the staff console
 * alike: one policy, so the console can never drift from the member pages.
 */
public final class SecurityHeaders {

	private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
			+ "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; "
			+ "object-src 'none'";

	private SecurityHeaders() {
	}

	public static HttpSecurity apply(HttpSecurity http) throws Exception {
		return http.headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
			.httpStrictTransportSecurity(hsts -> hsts.requestMatcher(SecurityHeaders::secureOutsideLocalhost)
				.maxAgeInSeconds(31_536_000))
			.referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
			.permissionsPolicyHeader(p -> p.policy("camera=(), microphone=(), geolocation=(), payment=()")));
	}

	/** HSTS on HTTPS, but never for *.localhost, where a pinned HTTPS would break local work. */
	private static boolean secureOutsideLocalhost(HttpServletRequest request) {
		String host = request.getServerName();
		return request.isSecure() && !host.equals("localhost") && !host.endsWith(".localhost");
	}
}
