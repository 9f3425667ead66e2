package jp.kenpoportal.signin.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import jp.kenpoportal.common.ConsoleHost;
import jp.kenpoportal.common.SecuritySettings;
import jp.kenpoportal.signin.SessionControl;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.security.web.authentication.SpringSessionRememberMeServices;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The absolute lifetime of a sign-in (ASVS 5.0 V7.3.2): a session signed in with ログイン状態の保存
 * ends {@link SecuritySettings#rememberMeDuration()} (30 days) after the sign-in, one without it
 * {@link SecuritySettings#sessionAbsoluteLifetime()} (12 hours) after, however active it has been
 * meanwhile; the idle timeout still ends it earlier. The server decides, from the sign-in time the
 * session records: a kept cookie alone signs no one in. The remembered cookie's Max-Age is the time
 * the sign-in has left, never Spring Session's default of 68 years.
 */
@Configuration(proxyBeanMethods = false)
class SessionLifetime {

	@Bean
	FilterRegistrationBean<AbsoluteLifetimeFilter> absoluteSessionLifetime(SecuritySettings settings, Clock clock) {
		FilterRegistrationBean<AbsoluteLifetimeFilter> registration = new FilterRegistrationBean<>(
				new AbsoluteLifetimeFilter(settings, clock));
		registration.setName("absoluteSessionLifetime");
		// inside the session filter (the session is loaded), before the security filters read it, and
		// after SessionlessStaticResources: a stylesheet must not load the session
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER + 2);
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		return registration;
	}

	/** One session cookie name per kind of host (HostCookieSerializer); only members' may be remembered. */
	@Bean
	CookieSerializer cookieSerializer(SecuritySettings settings, ConsoleHost console) {
		return new HostCookieSerializer(console,
				cookie -> new RememberedCookie(cookie, (int) settings.rememberMeDuration().toSeconds()));
	}

	/** Ends a session whose sign-in is older than its absolute lifetime, before anything uses it. */
	static final class AbsoluteLifetimeFilter extends OncePerRequestFilter {

		private final SecuritySettings settings;

		private final Clock clock;

		AbsoluteLifetimeFilter(SecuritySettings settings, Clock clock) {
			this.settings = settings;
			this.clock = clock;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			HttpSession session = request.getSession(false);
			if (session != null && SessionControl.signedInAt(session)
				.filter(at -> !clock.instant().isBefore(at.plus(lifetime(session))))
				.isPresent()) {
				// the session filter then tells the browser to drop the cookie
				session.invalidate();
			}
			chain.doFilter(request, response);
		}

		private Duration lifetime(HttpSession session) {
			return session.getMaxInactiveInterval() >= settings.rememberMeDuration().toSeconds()
					? settings.rememberMeDuration() : settings.sessionAbsoluteLifetime();
		}
	}

	/**
	 * The session cookie: a browser-session cookie, or with ログイン状態の保存 a persistent one that
	 * lives as long as the sign-in has left (set in seconds as the request's remember-me attribute
	 * when the session ID changes after the sign-in, else the whole remembered period).
	 */
	static final class RememberedCookie implements CookieSerializer {

		private final CookieSerializer delegate;

		private final int rememberedSeconds;

		RememberedCookie(CookieSerializer delegate, int rememberedSeconds) {
			this.delegate = delegate;
			this.rememberedSeconds = rememberedSeconds;
		}

		@Override
		public void writeCookieValue(CookieValue cookieValue) {
			Object remembered = cookieValue.getRequest().getAttribute(SpringSessionRememberMeServices.REMEMBER_ME_LOGIN_ATTR);
			if (remembered != null && !cookieValue.getCookieValue().isEmpty() && cookieValue.getCookieMaxAge() < 0) {
				cookieValue.setCookieMaxAge(remembered instanceof Integer left ? left : rememberedSeconds);
			}
			delegate.writeCookieValue(cookieValue);
		}

		@Override
		public java.util.List<String> readCookieValues(HttpServletRequest request) {
			return delegate.readCookieValues(request);
		}
	}
}
