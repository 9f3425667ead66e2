package jp.kenpoportal.admin.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * Loads only staff sign-ins: a member's session carried to the console (its ID put in the
 * console's cookie by hand) signs nobody in.
 */
class ConsoleSecurityContextRepository implements SecurityContextRepository {

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
					context = candidate.getAuthentication() == null
							|| candidate.getAuthentication().getPrincipal() instanceof StaffPrincipal ? candidate
									: SecurityContextHolder.createEmptyContext();
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
}
