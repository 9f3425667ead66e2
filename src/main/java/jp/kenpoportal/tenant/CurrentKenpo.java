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
		return find().orElseThrow(() -> new IllegalStateException("no kenpo for this request"));
	}

	/** The current request's kenpo; empty outside a request or on a host of no kenpo. */
	public static Optional<Kenpo> find() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		return Optional.ofNullable(
				attributes == null ? null : (Kenpo) attributes.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST));
	}
}
