package jp.kenpoportal.signin.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import jp.kenpoportal.signin.MemberPrincipal;
import jp.kenpoportal.tenant.CurrentKenpo;

import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * Loads a signed-in member only on the host of the member's own kenpo. Cookies are per host
 * anyway; this holds even if a session ID is carried to another kenpo's host.
 */
class KenpoBoundSecurityContextRepository implements SecurityContextRepository {

	private final HttpSessionSecurityContextRepository delegate = new HttpSessionSecurityContextRepository();

	@Override
	public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
		DeferredSecurityContext loaded = delegate.loadDeferredContext(request);
		return new DeferredSecurityContext() {
			private SecurityContext context;

			@Override
			public SecurityContext get() {
				if (context == null) {
					SecurityContext candidate = loaded.get();
					context = belongsHere(candidate, request) ? candidate : SecurityContextHolder.createEmptyContext();
				}
				return context;
			}

			@Override
			public boolean isGenerated() {
				return loaded.isGenerated() || get().getAuthentication() == null;
			}
		};
	}

	@Override
	@Deprecated
	public SecurityContext loadContext(HttpRequestResponseHolder holder) {
		return loadDeferredContext(holder.getRequest()).get();
	}

	@Override
	public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
		delegate.saveContext(context, request, response);
	}

	@Override
	public boolean containsContext(HttpServletRequest request) {
		return delegate.containsContext(request);
	}

	private static boolean belongsHere(SecurityContext context, HttpServletRequest request) {
		if (context.getAuthentication() == null) {
			return true;
		}
		if (!(context.getAuthentication().getPrincipal() instanceof MemberPrincipal member)) {
			// a staff session carried to a member host (cookie renamed by hand) signs nobody in
			return false;
		}
		return CurrentKenpo.of(request).map(k -> k.id() == member.kenpoId()).orElse(false);
	}
}
