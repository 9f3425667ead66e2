package jp.kenpoportal.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jp.kenpoportal.signin.totp.TotpAlgorithm;

/**
 * What a browser does for the benchmarks: pages, cookies, forms with their CSRF token, redirects, and the
 * sign-in of a member who uses the authenticator app (the TOTP code computed here). One connection, one
 * thread at a time.
 */
final class BenchmarkBrowser {

	private BenchmarkHttpConnection http;

	private final Map<String, String> cookies = new LinkedHashMap<>();

	private String path;

	/** The CSRF token of the last form page this browser fetched one step at a time. */
	private String formToken;

	BenchmarkBrowser(BenchmarkHttpConnection http) {
		this.http = http;
	}

	/**
	 * Signs in from scratch: sign-in page, password, the TOTP code of {@code step}, home page. Returns the
	 * home page. A TOTP code is accepted once per account and step: the caller sees to a fresh step.
	 */
	String signIn(String loginId, String password, byte[] totpKey, long step) throws IOException {
		cookies.clear();
		String page = get("/login");
		expect(page, "/login", "action=\"/login\"");
		page = post("/login", "userId=" + enc(loginId) + "&password=" + enc(password) + "&_csrf="
				+ enc(csrf(page, "/login")));
		expect(page, "/mfa/totp", "action=\"/mfa/totp\"");
		String csrf = csrf(page, "/mfa/totp");
		page = post("/mfa/totp", "code=" + TotpAlgorithm.code(totpKey, step) + "&_csrf=" + enc(csrf));
		expect(page, "/", "class=\"greeting\"");
		return page;
	}

	/** Speaks over another connection from now on (the cookies stay): a prepared browser used by another thread. */
	BenchmarkBrowser on(BenchmarkHttpConnection connection) {
		this.http = connection;
		return this;
	}

	// ------------------------------------------------------------------ a sign-in one request at a time
	// Each step is exactly one request, its redirect not followed, so that a benchmark can prepare browsers
	// up to a step and then measure that step alone (SignInBenchmark, CPU per request kind).

	/** Step 1: GET /login with whatever cookies this browser holds (none: a new visitor). */
	void stepLoginPage() throws IOException {
		String page = single(http.get("/login", cookieHeader()), 200, "/login");
		expectMarker(page, "/login", "action=\"/login\"");
		formToken = csrf(page, "/login");
	}

	/** Step 2: POST /login with the password; the portal sends the browser to its second factor. */
	void stepPassword(String loginId, String password) throws IOException {
		expectRedirect(http.post("/login", cookieHeader(), "userId=" + enc(loginId) + "&password=" + enc(password)
				+ "&_csrf=" + enc(formToken)), "/login", "/mfa/totp");
	}

	/** Step 3: GET /mfa/totp, the authenticator app's code page. */
	void stepTotpPage() throws IOException {
		String page = single(http.get("/mfa/totp", cookieHeader()), 200, "/mfa/totp");
		expectMarker(page, "/mfa/totp", "action=\"/mfa/totp\"");
		formToken = csrf(page, "/mfa/totp");
	}

	/** Step 4: POST /mfa/totp with the code of {@code step}; the portal sends the browser home. */
	void stepCode(byte[] totpKey, long step) throws IOException {
		expectRedirect(http.post("/mfa/totp", cookieHeader(), "code=" + TotpAlgorithm.code(totpKey, step) + "&_csrf="
				+ enc(formToken)), "/mfa/totp", "/");
	}

	/** Step 5: GET /, the home page of the signed-in member. */
	void stepHome() throws IOException {
		expectMarker(single(http.get("/", cookieHeader()), 200, "/"), "/", "class=\"greeting\"");
	}

	private String single(BenchmarkHttpConnection.Response response, int status, String target) {
		path = target;
		store(response.all("set-cookie"));
		if (response.status() != status) {
			throw new IllegalStateException("HTTP " + response.status() + " at " + target + " (expected " + status
					+ ", location " + response.header("location") + ")");
		}
		return response.body();
	}

	private void expectRedirect(BenchmarkHttpConnection.Response response, String target, String wantedPath) {
		single(response, 302, target);
		String location = URI.create(response.header("location")).getRawPath();
		if (!location.equals(wantedPath)) {
			throw new IllegalStateException(target + " sent the browser to " + location + ", not " + wantedPath);
		}
	}

	private void expectMarker(String body, String target, String marker) {
		if (!body.contains(marker)) {
			throw new IllegalStateException("expected " + marker + " at " + target + ": " + text(body));
		}
	}

	/** One GET with this browser's cookies, redirects not followed; cookies the response sets are kept. */
	BenchmarkHttpConnection.Response fetch(String target) throws IOException {
		BenchmarkHttpConnection.Response response = http.get(target, cookieHeader());
		store(response.all("set-cookie"));
		return response;
	}

	/** The cookies this browser holds. */
	Map<String, String> cookies() {
		return cookies;
	}

	/** Drops the connection (after an error: the next request opens a new one). */
	void disconnect() {
		http.close();
	}

	private String get(String target) throws IOException {
		return follow(http.get(target, cookieHeader()), target);
	}

	private String post(String target, String form) throws IOException {
		return follow(http.post(target, cookieHeader(), form), target);
	}

	private String follow(BenchmarkHttpConnection.Response response, String target) throws IOException {
		path = target;
		for (int hops = 0;; hops++) {
			store(response.all("set-cookie"));
			if (response.status() / 100 != 3) {
				if (response.status() != 200) {
					throw new IllegalStateException("HTTP " + response.status() + " at " + path);
				}
				return response.body();
			}
			if (hops == 10) {
				throw new IllegalStateException("too many redirects at " + path);
			}
			URI location = URI.create(response.header("location"));
			path = location.getRawPath() + (location.getRawQuery() == null ? "" : "?" + location.getRawQuery());
			response = http.get(path, cookieHeader());
		}
	}

	private void expect(String body, String pathPrefix, String marker) {
		boolean pathOk = pathPrefix.equals("/") ? path.equals("/") || path.startsWith("/?")
				: path.startsWith(pathPrefix);
		if (!pathOk || !body.contains(marker)) {
			throw new IllegalStateException("expected " + pathPrefix + " but got " + path + ": " + text(body));
		}
	}

	/** The visible text of a page, for messages. */
	static String text(String html) {
		return html.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip();
	}

	private static String csrf(String html, String action) {
		int form = html.indexOf("action=\"" + action + "\"");
		int input = html.indexOf("name=\"_csrf\"", form);
		int value = html.indexOf("value=\"", input) + 7;
		if (form < 0 || input < 0 || value < 7) {
			throw new IllegalStateException("no CSRF token in the form of " + action);
		}
		return html.substring(value, html.indexOf('"', value));
	}

	private void store(List<String> setCookies) {
		for (String header : setCookies) {
			String pair = header.split(";", 2)[0];
			int eq = pair.indexOf('=');
			String name = pair.substring(0, eq).trim();
			String value = pair.substring(eq + 1).trim();
			if (value.isEmpty() || header.toLowerCase(Locale.ROOT).contains("max-age=0")) {
				cookies.remove(name);
			}
			else {
				cookies.put(name, value);
			}
		}
	}

	private String cookieHeader() {
		if (cookies.isEmpty()) {
			return null;
		}
		StringBuilder s = new StringBuilder();
		cookies.forEach((k, v) -> s.append(s.length() == 0 ? "" : "; ").append(k).append('=').append(v));
		return s.toString();
	}

	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}
}
