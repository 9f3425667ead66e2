package jp.kenpoportal.admin.security;

import jakarta.servlet.http.HttpServletRequest;

import jp.kenpoportal.signin.BoundSecurityContextRepository;

import org.springframework.security.core.context.SecurityContext;

/**
 * Loads only staff sign-ins: a member's session carried to the console (its ID put in the
 * console's cookie by hand) signs nobody in.
 */
class ConsoleSecurityContextRepository extends BoundSecurityContextRepository {

	@Override
	protected boolean belongsHere(SecurityContext context, HttpServletRequest request) {
		return context.getAuthentication().getPrincipal() instanceof StaffPrincipal;
	}
}
