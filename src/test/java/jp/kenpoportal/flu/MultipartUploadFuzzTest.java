package jp.kenpoportal.flu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.api.SilentCloseable;
import com.code_intelligence.jazzer.junit.FuzzTest;
import jp.kenpoportal.admin.staff.StaffRole;
import jp.kenpoportal.support.Journeys;
import jp.kenpoportal.support.Mailbox;
import jp.kenpoportal.support.PortalTest;
import jp.kenpoportal.support.TestBrowser;
import jp.kenpoportal.support.TestMembers;
import jp.kenpoportal.support.TestMembers.TestMember;
import jp.kenpoportal.support.TestStaff;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Any multipart request (well formed or not: boundaries, part headers, file names, declared types
 * and contents as the fuzzer makes them) sent over HTTP to the two upload forms, the member's
 * receipt upload (インフルエンザ予防接種補助) and the console's データ取込, by a signed-in user with
 * or without the CSRF token, is answered with a page in Japanese and never with a server error
 * (5xx) or a stack trace. The real Tomcat parses each request. Kept inputs:
 * {@code src/test/resources/jp/kenpoportal/flu/MultipartUploadFuzzTestInputs/}.
 */
@PortalTest
class MultipartUploadFuzzTest {

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private static final String[] TYPES = { "image/jpeg", "image/png", "application/pdf", "text/csv", "text/html",
			"application/octet-stream", "" };

	private static final String[] NAMES = { "files", "file", "_csrf", "kind", "month", "created", "clinic" };

	/** One member and one clerk for the whole run: signing in is not what is fuzzed here. */
	private static TestBrowser member;

	private static TestBrowser console;

	private static String memberHost;

	@LocalServerPort
	int port;

	@Autowired
	TestMembers members;

	@Autowired
	TestStaff staff;

	@Autowired
	Mailbox mailbox;

	@FuzzTest(maxDuration = "3m")
	void anyMultipartRequestToAnUploadFormGetsAJapanesePageNeverAServerError(FuzzedDataProvider data) throws Exception {
		// Jazzer's SSRF detector would take this test's own requests (and the portal's to its
		// embedded database and mail server) for a finding: only loopback is allowed
		try (SilentCloseable loopbackOnly = BugDetectors.allowNetworkConnections(
				(host, port) -> "localhost".equals(host) || "127.0.0.1".equals(host))) {
			sendOne(data);
		}
	}

	private void sendOne(FuzzedDataProvider data) throws Exception {
		signIn();
		boolean toConsole = data.consumeBoolean();
		TestBrowser browser = toConsole ? console : member;
		String action = toConsole ? "/imports" : "/flu/applications/new";
		browser.get(toConsole ? "/imports" : "/flu/applications/new");
		String csrf = browser.page().doc().select("form[action=" + action + "] input[name=_csrf]").attr("value");

		String boundary = data.consumeBoolean() ? "----fuzz" + System.nanoTime() : headerSafe(data.consumeString(72));
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		if (data.consumeBoolean()) {
			part(body, boundary, "Content-Disposition: form-data; name=\"_csrf\"", csrf.getBytes(StandardCharsets.UTF_8));
		}
		if (toConsole) {
			part(body, boundary, "Content-Disposition: form-data; name=\"kind\"",
					data.pickValue(new String[] { "ROSTER", "CLAIMS", "DECISIONS", "ACCOUNTS", "x" }).getBytes(StandardCharsets.UTF_8));
		}
		int parts = data.consumeInt(0, 4);
		for (int i = 0; i < parts; i++) {
			String headers;
			if (data.consumeBoolean()) {
				headers = "Content-Disposition: form-data; name=\"" + data.pickValue(NAMES) + "\"; filename=\""
						+ data.consumeString(60) + "\"\r\nContent-Type: " + data.pickValue(TYPES);
			}
			else {
				headers = data.consumeString(200);
			}
			part(body, boundary, headers, data.consumeBytes(3000));
		}
		if (data.consumeBoolean()) {
			body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		}
		else {
			body.writeBytes(data.consumeRemainingAsBytes());
		}
		String contentType = data.consumeBoolean() ? "multipart/form-data; boundary=" + boundary
				: headerSafe("multipart/form-data; " + data.consumeString(100));

		HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + action))
			.header("Host", (toConsole ? TestBrowser.CONSOLE_HOST : memberHost) + ":" + port)
			.header("X-Forwarded-For", browser.clientAddress())
			.header("Accept-Language", "ja")
			.header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
			.header("Cookie", toConsole ? "KENPO_CONSOLE_SESSION=" + console.cookie("KENPO_CONSOLE_SESSION")
					: "KENPO_SESSION=" + member.cookie("KENPO_SESSION"))
			.header("Content-Type", contentType)
			.timeout(Duration.ofSeconds(60))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

		int status = response.statusCode();
		assertThat(status).as("answer to %s: %s", action, response.body()).isLessThan(500);
		if (status != 302 && status != 303) {
			Document page = Jsoup.parse(response.body());
			assertThat(page.select("html").attr("lang")).as("a Japanese page, status %d: %s", status, response.body())
				.isEqualTo("ja");
			assertThat(page.text()).doesNotContain("Exception", "at jp.", "at org.");
		}
	}

	private void signIn() {
		if (member == null) {
			TestMember m = members.newHousehold("sakura");
			member = new TestBrowser(port, m.host());
			Journeys.onboard(member, mailbox, m, "Fuzz-Upload-Pass-2026");
			console = TestBrowser.console(port);
			staff.signIn(console, staff.create("sakura", StaffRole.CLERK));
			memberHost = m.host();
		}
	}

	private static void part(ByteArrayOutputStream body, String boundary, String headers, byte[] content) {
		body.writeBytes(("--" + boundary + "\r\n" + headers + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
	}

	/** What Java's HTTP client lets through in a header value: printable ASCII. */
	private static String headerSafe(String s) {
		StringBuilder b = new StringBuilder();
		s.chars().filter(c -> c >= 0x20 && c < 0x7f).forEach(c -> b.append((char) c));
		return b.toString().isBlank() ? "x" : b.toString().strip();
	}
}
