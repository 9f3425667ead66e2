package jp.kenpoportal.signin.internal;

import java.util.List;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletRequest;

import jp.kenpoportal.common.ConsoleHost;

import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * The session cookie, named by the host it is for: members' {@code KENPO_SESSION} on kenpo
 * hosts, staff's {@code KENPO_CONSOLE_SESSION} on the console host. Spring Session has one
 * serializer for the whole application; choosing the name per request means a member's
 * session is never read on the console and a staff session never on a member host, even
 * where browsers would send cookies of a parent domain to both.
 * <p>
 * Over HTTPS (in production, the proxy's {@code X-Forwarded-Proto} from a trusted address) the
 * names carry the {@code __Host-} prefix (ASVS 5.0 3.3.1, 3.3.3): browsers then accept the cookie
 * only with {@code Secure}, {@code Path=/} and no {@code Domain}, and never one a sibling host or
 * a plain-HTTP page set. The prefix follows the request, as the {@code Secure} attribute does
 * ({@link DefaultCookieSerializer} sets it when the request is secure), so a prefixed cookie is
 * always a secure one, and plain-HTTP development keeps the bare names (a browser refuses a
 * {@code __Host-} cookie without {@code Secure}). A cookie of the other scheme is never read.
 */
final class HostCookieSerializer implements CookieSerializer {

	static final String MEMBER_COOKIE = "KENPO_SESSION";

	static final String CONSOLE_COOKIE = "KENPO_CONSOLE_SESSION";

	/** Browsers keep a cookie so named only if it is Secure, for Path=/ and without Domain (RFC 6265bis 4.1.3.2). */
	static final String HOST_PREFIX = "__Host-";

	private final ConsoleHost console;

	private final CookieSerializer member;

	private final CookieSerializer secureMember;

	/** No ログイン状態の保存 on the console (a staff session never outlives the browser), and Strict. */
	private final DefaultCookieSerializer staff = serializer(CONSOLE_COOKIE, "Strict");

	private final DefaultCookieSerializer secureStaff = serializer(HOST_PREFIX + CONSOLE_COOKIE, "Strict");

	/**
	 * {@code member} wraps a members' cookie serializer with what ログイン状態の保存 adds
	 * (SessionLifetime): applied to {@link #memberCookie(boolean)} of each scheme.
	 */
	HostCookieSerializer(ConsoleHost console, Function<DefaultCookieSerializer, CookieSerializer> member) {
		this.console = console;
		this.member = member.apply(memberCookie(false));
		this.secureMember = member.apply(memberCookie(true));
	}

	/** The members' cookie; ログイン状態の保存 gives it a Max-Age (SessionLifetime.RememberedCookie). */
	static DefaultCookieSerializer memberCookie(boolean secure) {
		return serializer(secure ? HOST_PREFIX + MEMBER_COOKIE : MEMBER_COOKIE, "Lax");
	}

	@Override
	public void writeCookieValue(CookieValue cookieValue) {
		forRequest(cookieValue.getRequest()).writeCookieValue(cookieValue);
	}

	@Override
	public List<String> readCookieValues(HttpServletRequest request) {
		return forRequest(request).readCookieValues(request);
	}

	private CookieSerializer forRequest(HttpServletRequest request) {
		if (console.matches(request)) {
			return request.isSecure() ? secureStaff : staff;
		}
		return request.isSecure() ? secureMember : member;
	}

	private static DefaultCookieSerializer serializer(String name, String sameSite) {
		DefaultCookieSerializer serializer = new DefaultCookieSerializer();
		serializer.setCookieName(name);
		serializer.setSameSite(sameSite);
		serializer.setUseHttpOnlyCookie(true);
		// Path=/ whatever the context path: a __Host- cookie must have it, and the portal is the whole host
		serializer.setCookiePath("/");
		return serializer;
	}
}
