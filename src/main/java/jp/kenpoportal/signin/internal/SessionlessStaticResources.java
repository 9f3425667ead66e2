package jp.kenpoportal.signin.internal;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpSession;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * Static files are served without looking at the session. The browser sends the session
 * cookie with every stylesheet and script, and with Spring Session a mere
 * {@code getSession(false)} loads the session from the database, after which its last-access
 * time is written back: two queries and an update per file. The DispatcherServlet asks on
 * every request (for flash attributes, which static files never have), and so would any
 * filter on the way. Right after the session filter, requests for static files see no
 * existing session; one that really asks to create a session still gets the member's own
 * (never a fresh one that would replace the member's cookie).
 */
@Configuration(proxyBeanMethods = false)
class SessionlessStaticResources {

	@Bean
	FilterRegistrationBean<Filter> sessionlessStaticResourcesFilter() {
		FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new SessionlessFilter());
		registration.addUrlPatterns(SecurityConfiguration.STATIC_URL_PATTERNS);
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER + 1);
		registration.setName("sessionlessStaticResources");
		return registration;
	}

	private static final class SessionlessFilter implements Filter {

		@Override
		public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
				throws IOException, ServletException {
			chain.doFilter(request instanceof HttpServletRequest http ? new SessionlessRequest(http) : request,
					response);
		}
	}

	/** A request that answers {@code getSession(false)} with no session. */
	static final class SessionlessRequest extends HttpServletRequestWrapper {

		SessionlessRequest(HttpServletRequest request) {
			super(request);
		}

		@Override
		public HttpSession getSession(boolean create) {
			return create ? super.getSession(true) : null;
		}
	}
}
