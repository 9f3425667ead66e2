package jp.kenpoportal.operations;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * One log line per request, the outermost filter: method, route template, status, time, host and
 * the request ID (also in every other line logged meanwhile, through the MDC). The route template
 * ({@code /medical/{year}}), never the path or query, so a token in a link or whatever a person typed
 * into the address bar stays out of the log. A request that fails because the database cannot be
 * reached gets the 503 page here ({@link DatabaseUnavailable}), outside every filter that needs it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestLogFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger("jp.kenpoportal.request");

	/** Processed by Spring Security's filters (sign-in, sign-out, passkeys), never by a controller. */
	private static final Set<String> SECURITY_PATHS = Set.of("/login", "/logout", "/login/webauthn",
			"/webauthn/authenticate/options", "/webauthn/register/options", "/webauthn/register");

	private final DatabaseUnavailable databaseUnavailable;

	RequestLogFilter(DatabaseUnavailable databaseUnavailable) {
		this.databaseUnavailable = databaseUnavailable;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String id = RequestId.assign(request);
		response.setHeader(RequestId.HEADER, id);
		MDC.put(RequestId.ATTRIBUTE, id);
		long start = System.nanoTime();
		int status = 500;
		try {
			chain.doFilter(request, response);
			status = response.getStatus();
		}
		catch (IOException | ServletException | RuntimeException e) {
			if (!databaseUnavailable.answer(e, request, response)) {
				throw e;
			}
			status = response.getStatus();
		}
		finally {
			log.info("{} {} {} {}ms host={}", request.getMethod(), route(request), status,
					(System.nanoTime() - start) / 1_000_000, host(request));
			MDC.remove(RequestId.ATTRIBUTE);
		}
	}

	/**
	 * The matched route template; the paths Spring Security answers itself (no handler, no
	 * template) by name; any other path is "(unmatched)", since a person may have typed it.
	 */
	private static String route(HttpServletRequest request) {
		Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
		if (pattern != null) {
			return pattern.toString();
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return SECURITY_PATHS.contains(path) ? path : "(unmatched)";
	}

	/** The host name as sent, cut to what a host name can be, so a header cannot forge log lines. */
	private static String host(HttpServletRequest request) {
		String host = request.getServerName();
		return host == null ? "-" : host.replaceAll("[^A-Za-z0-9.-]", "?");
	}
}
