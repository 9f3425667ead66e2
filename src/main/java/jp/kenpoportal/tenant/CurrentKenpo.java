package jp.kenpoportal.tenant;

import java.util.Optional;

import jakarta.servlet.ServletRequest;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/** The kenpo of the request being served, resolved from its host name before anything else runs. */
public final class CurrentKenpo {

	public static final String ATTRIBUTE = CurrentKenpo.class.getName();

	private CurrentKenpo() {
	}

	public static Optional<Kenpo> of(ServletRequest request) {
		return Optional.ofNullable((Kenpo) request.getAttribute(ATTRIBUTE));
	}

	/** The current request's kenpo; fails outside a request of a known kenpo host. */
	public static Kenpo get() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		Object kenpo = attributes == null ? null : attributes.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
		if (kenpo == null) {
			throw new IllegalStateException("no kenpo for this request");
		}
		return (Kenpo) kenpo;
	}
}
