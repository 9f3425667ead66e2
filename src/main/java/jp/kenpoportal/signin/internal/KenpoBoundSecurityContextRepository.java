package jp.kenpoportal.signin.internal;

import jakarta.servlet.http.HttpServletRequest;

import jp.kenpoportal.signin.BoundSecurityContextRepository;
import jp.kenpoportal.signin.MemberPrincipal;
import jp.kenpoportal.tenant.CurrentKenpo;

import org.springframework.security.core.context.SecurityContext;

/**
 * Loads a signed-in member only on the host of the member's own kenpo. Cookies are per host
 * anyway; this holds even if a session ID is carried to another kenpo's host.
 */
class KenpoBoundSecurityContextRepository extends BoundSecurityContextRepository {

	@Override
	protected boolean belongsHere(SecurityContext context, HttpServletRequest request) {
		if (!(context.getAuthentication().getPrincipal() instanceof MemberPrincipal member)) {
			// a staff session carried to a member host (cookie renamed by hand) signs nobody in
			return false;
		}
		return CurrentKenpo.of(request).map(k -> k.id() == member.kenpoId()).orElse(false);
	}
}
