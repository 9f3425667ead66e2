package jp.kenpoportal.portal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /error} asked for by a browser, not reached by an error: Spring Boot's error controller
 * answers such a request with 500, as if something had failed. It is a page that does not exist,
 * so it gets the not-found page. Runs after the security filters (default order), so the answer
 * has their headers; error dispatches never pass here.
 */
@Component
class DirectErrorRequests extends OncePerRequestFilter {

	private static final String ERROR_PATH = "/error";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.equals(ERROR_PATH) || path.startsWith(ERROR_PATH + "/")) {
			response.sendError(HttpServletResponse.SC_NOT_FOUND);
			return;
		}
		chain.doFilter(request, response);
	}
}
