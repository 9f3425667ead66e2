package jp.kenpoportal.signin.internal;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import jp.kenpoportal.member.Member;
import jp.kenpoportal.signin.QualificationAccess;
import jp.kenpoportal.signin.SignedInAccount;
import jp.kenpoportal.signin.SignedInHousehold;
import jp.kenpoportal.tenant.CurrentKenpo;
import jp.kenpoportal.tenant.Kenpo;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A member already signed in when their access ended (the kenpo's months after the insured's
 * 資格喪失日 passed, or the roster now says the qualification was lost) is signed out on the next
 * request and sent to the sign-in page's message. The roster row is the one every page's
 * header loads anyway ({@link SignedInHousehold#member()}), so this costs no query of its own.
 */
class QualificationAccessFilter extends OncePerRequestFilter {

	private final SignedInAccount signedIn;

	private final SignedInHousehold households;

	private final QualificationAccess access;

	QualificationAccessFilter(SignedInAccount signedIn, SignedInHousehold households, QualificationAccess access) {
		this.signedIn = signedIn;
		this.households = households;
		this.access = access;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.equals("/login") || path.equals("/logout") || path.startsWith("/error");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<Kenpo> kenpo = CurrentKenpo.of(request);
		Optional<Member> member = signedIn.principal().isPresent() && kenpo.isPresent() ? households.member()
				: Optional.empty();
		if (member.isPresent() && member.get().insured() && access.ended(kenpo.get(), member.get())) {
			access.refused(kenpo.get(), signedIn.principal().get().accountId(), member.get(), "SESSION");
			SecurityContextHolder.clearContext();
			HttpSession session = request.getSession(false);
			if (session != null) {
				session.invalidate();
			}
			response.sendRedirect(request.getContextPath() + QualificationAccess.REFUSED_PATH);
			return;
		}
		chain.doFilter(request, response);
	}
}
