package jp.kenpoportal.signin.internal;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import jp.kenpoportal.common.TypedInput;
import jp.kenpoportal.signin.AccessEndedException;
import jp.kenpoportal.signin.QualificationAccess;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.stereotype.Component;

/** Back to the sign-in page with one message and the typed user ID kept. */
@Component
class SignInFailureHandler implements AuthenticationFailureHandler {

	static final String ERROR = "signin.error";

	static final String USER_ID = "signin.userId";

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		if (exception instanceof AccessEndedException) {
			response.sendRedirect(request.getContextPath() + QualificationAccess.REFUSED_PATH);
			return;
		}
		HttpSession session = request.getSession();
		session.setAttribute(ERROR, exception instanceof SignInThrottledException ? "signin.error.throttled"
				: "signin.error.invalid");
		// shown again as typed, less any control character (refused, never shown)
		String userId = TypedInput.shown(request.getParameter("userId"));
		session.setAttribute(USER_ID, userId.length() > 100 ? "" : userId);
		response.sendRedirect(request.getContextPath() + "/login");
	}
}
