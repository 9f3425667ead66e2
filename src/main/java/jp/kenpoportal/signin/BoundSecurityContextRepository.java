package jp.kenpoportal.signin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * The session's security context, loaded only where it belongs: a sign-in of one kind of host
 * (a kenpo's, the console's) carried to another by a session ID put in its cookie by hand
 * signs nobody in there. Subclasses say what belongs; an empty context always does.
 */
public abstract class BoundSecurityContextRepository implements SecurityContextRepository {

	private final HttpSessionSecurityContextRepository delegate = new HttpSessionSecurityContextRepository();

	/** Whether this signed-in context may be used for this request. */
	protected abstract boolean belongsHere(SecurityContext context, HttpServletRequest request);

	@Override
	public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
		DeferredSecurityContext loaded = delegate.loadDeferredContext(request);
		return new DeferredSecurityContext() {
			private SecurityContext context;

			@Override
			public SecurityContext get() {
				if (context == null) {
					SecurityContext candidate = loaded.get();
					context = candidate.getAuthentication() == null || belongsHere(candidate, request) ? candidate
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
