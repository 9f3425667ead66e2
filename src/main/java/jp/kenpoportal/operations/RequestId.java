package jp.kenpoportal.operations;

import java.security.SecureRandom;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The ID of one request: in its log line, in the {@code X-Request-Id} response header and on the
 * error page, so a member who calls the kenpo can quote it and the operator finds the line. One
 * given by the load balancer ({@code X-Request-Id}) is kept when it looks like an ID, so its log
 * and ours match; anything else is replaced, so a header cannot forge log lines.
 */
public final class RequestId {

	/** The request attribute (and log MDC key) holding it. */
	public static final String ATTRIBUTE = "requestId";

	static final String HEADER = "X-Request-Id";

	private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{8,64}");

	/** No look-alike characters: it is read out on the phone. */
	private static final char[] ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();

	private static final SecureRandom RANDOM = new SecureRandom();

	private RequestId() {
	}

	static String assign(HttpServletRequest request) {
		String given = request.getHeader(HEADER);
		String id = given != null && ACCEPTABLE.matcher(given).matches() ? given : fresh();
		request.setAttribute(ATTRIBUTE, id);
		return id;
	}

	/** The request's ID, or null outside a request that passed the request log. */
	public static String of(HttpServletRequest request) {
		return request.getAttribute(ATTRIBUTE) instanceof String id ? id : null;
	}

	/** 10 characters of a 32-letter alphabet: 50 bits, unique enough across nodes and days. */
	static String fresh() {
		char[] id = new char[10];
		for (int i = 0; i < id.length; i++) {
			id[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
		}
		return new String(id);
	}
}
