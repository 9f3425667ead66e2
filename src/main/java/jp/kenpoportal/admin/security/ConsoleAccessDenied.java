package jp.kenpoportal.admin.security;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import jp.kenpoportal.audit.AuditTrail;
import jp.kenpoportal.audit.AuditType;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;

/**
 * A refused console request: a staff member who has only typed the password goes on to the
 * authenticator app; anyone else is refused (403) and the refusal is audited with the path.
 */
class ConsoleAccessDenied implements AccessDeniedHandler {

	private final AccessDeniedHandler forbidden = new AccessDeniedHandlerImpl();

	private final ConsoleSession session;

	private final AuditTrail audit;

	ConsoleAccessDenied(ConsoleSession session, AuditTrail audit) {
		this.session = session;
		this.audit = audit;
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
			throws IOException, ServletException {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		boolean secondFactorMissing = auth != null
				&& auth.getAuthorities().stream().noneMatch(a -> ConsoleSession.SECOND_FACTOR.equals(a.getAuthority()));
		if (secondFactorMissing && session.principal().isPresent() && "GET".equals(request.getMethod())) {
			session.rememberContinue(request, request.getRequestURI());
			response.sendRedirect(request.getContextPath() + "/mfa");
			return;
		}
		session.principal()
			.ifPresent(p -> audit.recordStaff(p.kenpoId(), null, p.staffId(), AuditType.STAFF_ACCESS_REFUSED,
					request.getMethod() + " " + request.getRequestURI()));
		forbidden.handle(request, response, denied);
	}
}
