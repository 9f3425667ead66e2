package jp.kenpoportal.common;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * What a jte page needs besides its own data (README, "Templates"): the messages of the request's
 * locale ({@code #{…}} in Thymeleaf), context-relative links ({@code @{…}}), the CSRF token, the
 * versioned static files, and what the shared layout shows (the kenpo, the signed-in name). One per
 * rendering, made by the view, handed to every template as {@code page}.
 */
public final class PageContext {

	private static final Map<String, DateTimeFormatter> FORMATTERS = new ConcurrentHashMap<>();

	private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZZZ");

	private final MessageSource messages;

	private final Locale locale;

	private final HttpServletRequest request;

	private final HttpServletResponse response;

	private final String assetVersion;

	private final Layout layout;

	/** What the layout shows of the kenpo and the member; every field may be null (no kenpo, not signed in). */
	public record Layout(String kenpoName, String contactEmail, String contactPhone, String headerName) {
	}

	public PageContext(MessageSource messages, Locale locale, HttpServletRequest request, HttpServletResponse response,
			String assetVersion, Layout layout) {
		this.messages = messages;
		this.locale = locale;
		this.request = request;
		this.response = response;
		this.assetVersion = assetVersion;
		this.layout = layout;
	}

	/** {@code #{code}} / {@code #{code(args)}}: the message as Thymeleaf resolves it (no MessageFormat without arguments). */
	public String msg(String code, Object... args) {
		return messages.getMessage(code, args.length == 0 ? null : args, locale);
	}

	/** {@code #messages.msgOrNull(code)}: the message, or null where the bundles have none. */
	public String msgOrNull(String code) {
		return messages.getMessage(code, null, null, locale);
	}

	/** {@code @{/path}}: the path under the application's context path, through the response's URL encoding. */
	public String url(String path) {
		return response.encodeURL(request.getContextPath() + path);
	}

	/**
	 * {@code @{/path(name=value,…)}}: the path with query parameters, given as name, value, name, value…; a null
	 * value gives {@code name=}, as in Thymeleaf.
	 */
	public String url(String path, Object... nameValuePairs) {
		StringBuilder url = new StringBuilder(path);
		char separator = path.indexOf('?') < 0 ? '?' : '&';
		for (int i = 0; i + 1 < nameValuePairs.length; i += 2) {
			Object value = nameValuePairs[i + 1];
			url.append(separator).append(nameValuePairs[i]).append('=');
			if (value != null) {
				url.append(URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8).replace("+", "%20"));
			}
			separator = '&';
		}
		return url(url.toString());
	}

	/** A static file with {@code ?v=<content hash>}, cached for a year by browsers. */
	public String asset(String path) {
		return url(path + "?v=" + assetVersion);
	}

	/** The request's CSRF token (its value is made on first use), or null where CSRF protection is off. */
	public CsrfToken csrf() {
		Object token = request.getAttribute(CsrfToken.class.getName());
		return token instanceof CsrfToken t ? t : null;
	}

	/** {@code #temporals.format(t, pattern)} in the page's locale. */
	public String format(TemporalAccessor temporal, String pattern) {
		return temporal == null ? null
				: FORMATTERS.computeIfAbsent(locale + "|" + pattern, k -> DateTimeFormatter.ofPattern(pattern, locale)).format(temporal);
	}

	/**
	 * {@code #temporals.formatISO(instant)}: the instant in the JVM's time zone as {@code 2026-01-31T09:00:00.000+0900},
	 * as Thymeleaf writes it.
	 */
	public String isoDateTime(Instant instant) {
		return instant == null ? null : ISO.format(ZonedDateTime.ofInstant(instant, ZoneId.systemDefault()));
	}

	/** {@code #numbers.formatInteger(n, 1, 'COMMA')}: 1,234,567. */
	public String integer(long number) {
		DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
		return format.format(number);
	}

	/** {@code ${param.name}}: a request parameter, or null. */
	public String param(String name) {
		return request.getParameter(name);
	}

	public Layout layout() {
		return layout;
	}

	public Locale locale() {
		return locale;
	}
}
