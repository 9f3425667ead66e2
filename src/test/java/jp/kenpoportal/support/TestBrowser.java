package jp.kenpoportal.support;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A small browser for integration tests: one kenpo host, its cookies, forms with their
 * hidden fields (CSRF included), redirects followed. Each instance comes from its own
 * client address (X-Forwarded-For through the trusted local proxy), like a separate person.
 */
public final class TestBrowser {

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final int port;

	private String host;

	private final String clientAddress;

	private final Map<String, String> cookies = new LinkedHashMap<>();

	private final Map<String, String> rawCookies = new LinkedHashMap<>();

	private boolean https;

	private Page page;

	public TestBrowser(int port, String host) {
		this(port, host, "10.%d.%d.%d".formatted(ThreadLocalRandom.current().nextInt(1, 255),
				ThreadLocalRandom.current().nextInt(1, 255), ThreadLocalRandom.current().nextInt(1, 255)));
	}

	public TestBrowser(int port, String host, String clientAddress) {
		this.port = port;
		this.host = host;
		this.clientAddress = clientAddress;
	}

	/** The same browser (its cookies and page) from another client address, as a phone that leaves the Wi-Fi. */
	public TestBrowser from(String otherClientAddress) {
		TestBrowser moved = new TestBrowser(port, host, otherClientAddress);
		moved.cookies.putAll(cookies);
		moved.rawCookies.putAll(rawCookies);
		moved.page = page;
		return moved;
	}

	public String clientAddress() {
		return clientAddress;
	}

	/** The staff console's host in tests (the default {@code portal.console.host}). */
	public static final String CONSOLE_HOST = "console.localhost";

	/** A browser on the staff console's host. */
	public static TestBrowser console(int port) {
		return new TestBrowser(port, CONSOLE_HOST);
	}

	/** Every request as through the TLS proxy in production: X-Forwarded-Proto https from the trusted local proxy. */
	public TestBrowser overHttps() {
		this.https = true;
		return this;
	}

	/** Points this browser (and its cookies) at another host, as a stolen cookie would be. */
	public TestBrowser onHost(String otherHost) {
		this.host = otherHost;
		return this;
	}

	/** The body of a GET exactly as sent, with one extra request header; redirects are not followed. */
	public String raw(String path, String header, String value) {
		HttpResponse<String> response = send(request(path).header(header, value).GET());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(path + ": HTTP " + response.statusCode());
		}
		return response.body();
	}

	public Page get(String path) {
		return follow(send(request(path).GET()), path);
	}

	/** Submits the form whose action is {@code action} on the current page, with its hidden fields. */
	public Page submit(String action, Map<String, String> fields) {
		Element form = page.doc().selectFirst("form[action=" + action + "]");
		if (form == null) {
			throw new AssertionError("no form with action " + action + " on " + page.path() + ":\n" + page.text());
		}
		Map<String, String> values = new LinkedHashMap<>();
		for (Element input : form.select("input[type=hidden]")) {
			values.put(input.attr("name"), input.attr("value"));
		}
		values.putAll(fields);
		return post(action, values);
	}

	/** A file to upload: the form field, the file name and Content-Type the browser would claim, the bytes. */
	public record Upload(String field, String fileName, String contentType, byte[] bytes) {
	}

	/**
	 * Submits the multipart form whose action is {@code action} on the current page, with its
	 * hidden fields, the given fields and files (インフルエンザ予防接種補助 receipts, issue 12).
	 */
	public Page submitMultipart(String action, Map<String, String> fields, List<Upload> files) {
		Element form = page.doc().selectFirst("form[action=" + action + "]");
		if (form == null) {
			throw new AssertionError("no form with action " + action + " on " + page.path() + ":\n" + page.text());
		}
		Map<String, String> values = new LinkedHashMap<>();
		for (Element input : form.select("input[type=hidden]")) {
			values.put(input.attr("name"), input.attr("value"));
		}
		values.putAll(fields);
		String boundary = "----KenpoPortalTest" + System.nanoTime();
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		for (Map.Entry<String, String> e : values.entrySet()) {
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + e.getKey() + "\"\r\n\r\n"
					+ e.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
		}
		for (Upload f : files) {
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.field() + "\"; filename=\""
					+ f.fileName() + "\"\r\nContent-Type: " + f.contentType() + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
			body.writeBytes(f.bytes());
			body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
		}
		body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return follow(send(request(action).header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))), action);
	}

	/** Posts a form as is (no hidden fields added): for proving CSRF protection. */
	public Page post(String path, Map<String, String> form) {
		String body = form.entrySet()
			.stream()
			.map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
			.collect(Collectors.joining("&"));
		return follow(send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))), path);
	}

	/**
	 * Posts form fields in the order given, a name as often as it comes, to a path that may carry
	 * a query: for proving that repeated parameters are refused or read once (parameter pollution).
	 */
	public Page postPairs(String pathAndQuery, List<Map.Entry<String, String>> fields) {
		String body = fields.stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
		return follow(send(request(pathAndQuery).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))), pathAndQuery);
	}

	/**
	 * Posts a form to any path with the CSRF token of the current page (its meta tag), as a
	 * hand-made request of a signed-in person would: for proving that the server, not the
	 * missing form, refuses it.
	 */
	public Page postWithCsrf(String path, Map<String, String> fields) {
		Map<String, String> values = new LinkedHashMap<>(fields);
		values.put("_csrf", page.doc().select("meta[name=_csrf]").attr("content"));
		return post(path, values);
	}

	/** Posts an empty JSON body with the CSRF header of the current page, as passkey.js does. */
	public Page postJson(String path) {
		String token = page.doc().select("meta[name=_csrf]").attr("content");
		String header = page.doc().select("meta[name=_csrf_header]").attr("content");
		HttpRequest.Builder b = request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{}"));
		if (!header.isEmpty()) {
			b.header(header, token);
		}
		HttpResponse<String> response = send(b);
		return new Page(response.statusCode(), path, Jsoup.parse(response.body()), response.headers().map());
	}

	/** Fetches a file (PDF, xlsx, CSV) as bytes, without following redirects. */
	/**
	 * Posts a JSON body with the CSRF header of the current page, as passkey.js does; the answer
	 * as it came (the current page stays the one the token came from).
	 */
	public JsonAnswer exchangeJson(String path, String json) {
		String token = page.doc().select("meta[name=_csrf]").attr("content");
		String header = page.doc().select("meta[name=_csrf_header]").attr("content");
		HttpRequest.Builder b = request(path).header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json));
		if (!header.isEmpty()) {
			b.header(header, token);
		}
		HttpResponse<String> response = send(b);
		return new JsonAnswer(response.statusCode(), response.body());
	}

	/** A JSON answer: its status and body. */
	public record JsonAnswer(int status, String body) {
	}

	public Download download(String path) {
		try {
			HttpResponse<byte[]> response = HTTP.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
			storeCookies(response.headers().allValues("Set-Cookie"));
			return new Download(response.statusCode(), response.body(), response.headers().map());
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	public Page page() {
		return page;
	}

	public String cookie(String name) {
		return cookies.get(name);
	}

	/** The last Set-Cookie header the server sent for this cookie. */
	public String rawSetCookie(String name) {
		return rawCookies.get(name);
	}

	public void setCookie(String name, String value) {
		cookies.put(name, value);
	}

	public void clearCookies() {
		cookies.clear();
	}

	private HttpRequest.Builder request(String path) {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Host", host + ":" + port)
			.header("X-Forwarded-For", clientAddress)
			.header("User-Agent", "KenpoPortalTest/1.0")
			.header("Accept-Language", "ja")
			.header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
			.timeout(Duration.ofSeconds(30));
		if (https) {
			b.header("X-Forwarded-Proto", "https");
		}
		if (!cookies.isEmpty()) {
			b.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
				.collect(Collectors.joining("; ")));
		}
		return b;
	}

	private HttpResponse<String> send(HttpRequest.Builder builder) {
		try {
			HttpResponse<String> response = HTTP.send(builder.build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			storeCookies(response.headers().allValues("Set-Cookie"));
			return response;
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	private Page follow(HttpResponse<String> response, String path) {
		int hops = 0;
		while (response.statusCode() / 100 == 3 && hops++ < 10) {
			String location = response.headers().firstValue("Location").orElseThrow();
			URI target = URI.create(location);
			path = target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
			response = send(request(path).GET());
		}
		page = new Page(response.statusCode(), path, Jsoup.parse(response.body()), response.headers().map());
		return page;
	}

	private void storeCookies(List<String> headers) {
		for (String header : headers) {
			String pair = header.split(";", 2)[0];
			int eq = pair.indexOf('=');
			String name = pair.substring(0, eq).trim();
			String value = pair.substring(eq + 1).trim();
			rawCookies.put(name, header);
			if (value.isEmpty() || header.toLowerCase().contains("max-age=0")) {
				cookies.remove(name);
			}
			else {
				cookies.put(name, value);
			}
		}
	}

	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

	/** A file as received. */
	public record Download(int status, byte[] body, Map<String, List<String>> headers) {

		/** Keeps a copy under target/documents, for a person to look at after the run. */
		public Download keep(String fileName) {
			try {
				java.nio.file.Path dir = java.nio.file.Path.of("target", "documents");
				java.nio.file.Files.createDirectories(dir);
				java.nio.file.Files.write(dir.resolve(fileName), body);
			}
			catch (java.io.IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
			return this;
		}

		public String header(String name) {
			return headers.entrySet()
				.stream()
				.filter(e -> e.getKey().equalsIgnoreCase(name))
				.map(e -> String.join(", ", e.getValue()))
				.findFirst()
				.orElse(null);
		}
	}

	/** A page as received after redirects. */
	public record Page(int status, String path, Document doc, Map<String, List<String>> headers) {

		public String text() {
			return doc.body() == null ? "" : doc.body().text();
		}

		public String title() {
			return doc.title();
		}

		public String heading() {
			Element h1 = doc.selectFirst("h1");
			return h1 == null ? "" : h1.text();
		}

		/** The error shown to the member, or "" when there is none. */
		public String error() {
			return doc.select(".alert--error").text();
		}

		public String info() {
			return doc.select(".alert--info, .alert--success").text();
		}

		public String value(String inputName) {
			Element input = doc.selectFirst("[name=" + inputName + "]");
			return input == null ? null : input.attr("value");
		}

		public String header(String name) {
			return headers.entrySet()
				.stream()
				.filter(e -> e.getKey().equalsIgnoreCase(name))
				.map(e -> String.join(", ", e.getValue()))
				.findFirst()
				.orElse(null);
		}
	}
}
