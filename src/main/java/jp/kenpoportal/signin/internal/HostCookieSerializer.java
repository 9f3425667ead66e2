package jp.kenpoportal.signin.internal;

import java.util.List;

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
 */
final class HostCookieSerializer implements CookieSerializer {

	static final String MEMBER_COOKIE = "KENPO_SESSION";

	static final String CONSOLE_COOKIE = "KENPO_CONSOLE_SESSION";

	private final ConsoleHost console;

	private final CookieSerializer member;

	/** No ログイン状態の保存 on the console (a staff session never outlives the browser), and Strict. */
	private final DefaultCookieSerializer staff = serializer(CONSOLE_COOKIE, "Strict");

	/** {@code member} wraps {@link #memberCookie()} with what ログイン状態の保存 adds (SessionLifetime). */
	HostCookieSerializer(ConsoleHost console, CookieSerializer member) {
		this.console = console;
		this.member = member;
	}

	/** The members' cookie; ログイン状態の保存 gives it a Max-Age (SessionLifetime.RememberedCookie). */
	static DefaultCookieSerializer memberCookie() {
		return serializer(MEMBER_COOKIE, "Lax");
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
		return console.matches(request) ? staff : member;
	}

	private static DefaultCookieSerializer serializer(String name, String sameSite) {
		DefaultCookieSerializer serializer = new DefaultCookieSerializer();
		serializer.setCookieName(name);
		serializer.setSameSite(sameSite);
		serializer.setUseHttpOnlyCookie(true);
		return serializer;
	}
}
