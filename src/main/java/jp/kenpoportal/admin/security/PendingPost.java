package jp.kenpoportal.admin.security;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A console form sent while the re-authentication window had passed: its path and fields,
 * kept in the session (never the CSRF token, never a file) so that after the second factor
 * the staff member can send it again as typed.
 *
 * @param path the console path the form was sent to
 * @param fields the form's fields in their order, a name once per value
 */
public record PendingPost(String path, List<Field> fields) implements Serializable {

	static final String ATTRIBUTE = "console.pendingPost";

	/** Larger forms are not kept: the session is stored in the database on every request. */
	static final int MAX_CHARACTERS = 200_000;

	public PendingPost {
		fields = List.copyOf(fields);
	}

	/** One name and value of the form. */
	public record Field(String name, String value) implements Serializable {
	}

	/** The request's form, when it is a plain form sent by POST to a console path and not too large. */
	static Optional<PendingPost> of(HttpServletRequest request) {
		String contentType = request.getContentType();
		if (!"POST".equals(request.getMethod()) || contentType == null
				|| !contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
			return Optional.empty();
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (!path.startsWith("/") || path.startsWith("//") || path.contains("\\") || path.startsWith("/mfa")) {
			return Optional.empty();
		}
		List<Field> fields = new ArrayList<>();
		int size = 0;
		for (Map.Entry<String, String[]> entry : request.getParameterMap().entrySet()) {
			if ("_csrf".equals(entry.getKey())) {
				continue;
			}
			for (String value : entry.getValue()) {
				size += entry.getKey().length() + value.length();
				fields.add(new Field(entry.getKey(), value));
			}
		}
		if (size > MAX_CHARACTERS || request.getQueryString() != null) {
			return Optional.empty();
		}
		return Optional.of(new PendingPost(path, fields));
	}
}
