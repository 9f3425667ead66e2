package jp.kenpoportal.signin.internal;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import jp.kenpoportal.signin.SignedInAccount;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.stereotype.Component;

/**
 * After the password: straight to the member's second factor (or the first registration),
 * not via the home page and its refusal; a page asked for before sign-in opens afterwards.
 */
@Component
class SignInSuccessHandler implements AuthenticationSuccessHandler {

	private final SignedInAccount signedIn;

	private final AuthenticationSuccessHandler savedRequest = new SavedRequestAwareAuthenticationSuccessHandler();

	private final HttpSessionRequestCache requestCache = new HttpSessionRequestCache();

	SignInSuccessHandler(SignedInAccount signedIn) {
		this.signedIn = signedIn;
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException, ServletException {
		if (requestCache.getRequest(request, response) != null) {
			savedRequest.onAuthenticationSuccess(request, response, authentication);
			return;
		}
		String next = signedIn.find()
			.map(account -> !account.onboarded() ? "/onboarding" : account.secondFactor().signInPath())
			.orElse("/");
		response.sendRedirect(request.getContextPath() + next);
	}
}
