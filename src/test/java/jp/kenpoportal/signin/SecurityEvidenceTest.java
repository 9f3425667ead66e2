package jp.kenpoportal.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jp.kenpoportal.support.Journeys;
import jp.kenpoportal.support.Mailbox;
import jp.kenpoportal.support.PortalTest;
import jp.kenpoportal.support.TestBrowser;
import jp.kenpoportal.support.TestBrowser.Page;
import jp.kenpoportal.support.TestMembers;
import jp.kenpoportal.support.TestMembers.TestMember;
import jp.kenpoportal.tenant.KenpoDirectory;
import jp.kenpoportal.tenant.NewKenpo;
import jp.kenpoportal.tenant.PasswordRules;
import jp.kenpoportal.tenant.SecondFactor;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Small proofs of OWASP ASVS 5.0 Level 2 requirements that no feature test covered
 * (docs/security/asvs-l2.md names the requirement of each): cookie attributes and session IDs, HTTP methods,
 * files that must not be served, CORS, charsets, HSTS for subdomains, sign-out on every page, credentials never read from a URL, masked and
 * pasteable password fields, and no server software version in the answers.
 */
@PortalTest
class SecurityEvidenceTest {

	private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@LocalServerPort
	int port;

	@Autowired
	TestMembers members;

	@Autowired
	Mailbox mailbox;

	/** ASVS 3.3.1, 3.3.2, 3.3.4: Secure over HTTPS, HttpOnly, SameSite, host-only (no Domain) for both cookies (HostPrefixCookieTest: the names). */
	@Test
	void whenASessionStartsOverHttpsThenItsCookieIsSecureHttpOnlySameSiteAndHostOnly() throws Exception {
		String member = sessionCookie("sakura.localhost", "/login", "__Host-KENPO_SESSION");
		String staff = sessionCookie(TestBrowser.CONSOLE_HOST, "/login", "__Host-KENPO_CONSOLE_SESSION");

		assertThat(member).contains("Secure", "HttpOnly", "SameSite=Lax", "Path=/").doesNotContainIgnoringCase("Domain=");
		assertThat(staff).contains("Secure", "HttpOnly", "SameSite=Strict", "Path=/").doesNotContainIgnoringCase("Domain=");
	}

	/** ASVS 7.2.3, 11.5.1: session IDs of 216 random bits (36 base64url characters), never repeated. */
	@Test
	void whenSessionsAreMadeThenEachIdCarriesMoreThan128RandomBits() throws Exception {
		java.util.Set<String> ids = new java.util.HashSet<>();
		for (int i = 0; i < 20; i++) {
			String cookie = sessionCookie("sakura.localhost", "/login", "__Host-KENPO_SESSION");
			String value = cookie.substring(cookie.indexOf('=') + 1, cookie.indexOf(';'));
			String id = new String(java.util.Base64.getDecoder().decode(value), StandardCharsets.US_ASCII);
			assertThat(id).matches("[A-Za-z0-9_-]{36}")
				.doesNotMatch("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
			assertThat(java.util.Base64.getUrlDecoder().decode(id)).hasSize(27);
			ids.add(id);
		}
		assertThat(ids).hasSize(20);
	}

	/** ASVS 13.4.4: TRACE is not answered (nor any method the portal does not use). */
	@Test
	void whenTraceOrAnUnusedMethodIsSentThenItIsRefused() throws Exception {
		for (String method : List.of("TRACE", "PROPFIND")) {
			HttpResponse<String> answer = send("sakura.localhost", "/login", method, Map.of());
			assertThat(answer.statusCode()).as(method).isIn(400, 403, 405, 501);
			assertThat(answer.body()).as(method).doesNotContain("KenpoPortalTest", "Cookie:");
		}
	}

	/** ASVS 13.4.1, 13.4.3, 13.4.5: no source control metadata, configuration, directory listing or actuator on the public port. */
	@Test
	void whenSourceControlConfigurationOrFolderListingsAreAskedForThenNothingIsThere() throws Exception {
		for (String path : List.of("/.git/config", "/.git/HEAD", "/application.yml", "/WEB-INF/web.xml",
				"/META-INF/MANIFEST.MF", "/css/", "/js/", "/actuator", "/actuator/env", "/.env", "/pom.xml")) {
			HttpResponse<String> answer = send("sakura.localhost", path, "GET", Map.of());
			assertThat(answer.statusCode()).as(path).isIn(302, 401, 403, 404);
			assertThat(answer.body()).as(path).doesNotContain("[core]", "spring:", "Index of", "Manifest-Version",
					"\"_links\"");
		}
	}

	/** ASVS 3.4.2, 4.1.x: no CORS grant; another origin's script can read nothing of the portal. */
	@Test
	void whenAnotherOriginAsksThenNoCrossOriginGrantIsGiven() throws Exception {
		HttpResponse<String> simple = send("sakura.localhost", "/login", "GET", Map.of("Origin", "https://evil.example"));
		HttpResponse<String> preflight = send("sakura.localhost", "/login", "OPTIONS", Map.of("Origin",
				"https://evil.example", "Access-Control-Request-Method", "POST"));

		for (HttpResponse<String> answer : List.of(simple, preflight)) {
			assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
			assertThat(answer.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
		}
	}

	/** ASVS 4.1.1 (and 3.2.1): every HTML answer names its type and charset, whatever its status. */
	@Test
	void everyPageNamesItsContentTypeAndCharset() throws Exception {
		for (String[] hostAndPath : new String[][] { { "sakura.localhost", "/login" }, { "sakura.localhost", "/faq" },
				{ "sakura.localhost", "/no-such-page" }, { "unknown.localhost", "/login" },
				{ TestBrowser.CONSOLE_HOST, "/login" } }) {
			HttpResponse<String> answer = send(hostAndPath[0], hostAndPath[1], "GET", Map.of());
			if (answer.body().isEmpty()) {
				// a redirect to the sign-in page has no body to type
				assertThat(answer.statusCode() / 100).as(String.join("", hostAndPath)).isEqualTo(3);
				continue;
			}
			assertThat(answer.headers().firstValue("Content-Type")).as(String.join("", hostAndPath))
				.hasValueSatisfying(type -> assertThat(type.toLowerCase()).startsWith("text/html").contains("charset=utf-8"));
		}
	}

	/** ASVS 3.4.1: on HTTPS, HSTS for a year and for every subdomain of the kenpo's host. */
	@Test
	void whenServedOverHttpsThenHstsLastsAYearAndCoversSubdomains(@Autowired KenpoDirectory kenpos) throws Exception {
		String host = "k" + System.nanoTime() + ".example.jp";
		kenpos.create(new NewKenpo("e" + System.nanoTime(), host, "本番風健康保険組合", "06130454", "t@example.com", null, 2,
				4, Instant.now().plusSeconds(86400), EnumSet.of(SecondFactor.EMAIL_CODE), SecondFactor.EMAIL_CODE,
				new PasswordRules(8, 64, "-_", Set.of()), List.of()));

		HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
			.header("Host", host)
			.header("X-Forwarded-Proto", "https")
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(answer.headers().firstValue("Strict-Transport-Security"))
			.hasValueSatisfying(hsts -> assertThat(hsts).contains("max-age=31536000", "includeSubDomains"));
	}

	/** ASVS 7.4.4: every signed-in page offers the sign-out. */
	@Test
	void whenAMemberIsSignedInThenEveryPageOffersSignOut() {
		TestMember member = members.newHousehold("sakura");
		TestBrowser browser = new TestBrowser(port, member.host());
		Journeys.onboard(browser, mailbox, member, "Sign-Out-Offered-5");

		for (String path : List.of("/", "/profile", "/flu", "/medical")) {
			Page page = browser.get(path);
			assertThat(page.status()).as(path).isEqualTo(200);
			assertThat(page.doc().select("a[href=/logout]")).as(path).isNotEmpty();
		}
	}

	/** ASVS 14.2.1: credentials are read from the body of a POST only, never from a URL. */
	@Test
	void whenCredentialsComeInTheUrlThenNobodyIsSignedIn() throws Exception {
		TestMember member = members.newMember("sakura");
		TestBrowser browser = new TestBrowser(port, member.host());
		browser.get("/login");

		Page answer = browser.get("/login?userId=" + member.loginId() + "&password=" + member.initialPassword());

		assertThat(answer.path()).startsWith("/login");
		assertThat(browser.get("/").path()).startsWith("/login");
	}

	/** ASVS 6.2.6, 6.2.7: password fields are masked, and paste and password managers are welcome. */
	@Test
	void whenASignInPageIsServedThenItsPasswordFieldIsMaskedAndPasswordManagersMayFillIt() {
		for (TestBrowser browser : List.of(new TestBrowser(port, "sakura.localhost"), TestBrowser.console(port))) {
			Page login = browser.get("/login");
			Element password = login.doc().selectFirst("input[name=password]");
			assertThat(password).isNotNull();
			assertThat(password.attr("type")).isEqualTo("password");
			assertThat(password.attr("autocomplete")).isEqualTo("current-password");
			assertThat(password.hasAttr("onpaste")).isFalse();
			assertThat(login.doc().selectFirst("input[name=userId]").attr("autocomplete")).isEqualTo("username");
		}
	}

	/** ASVS 13.4.6: no answer names the server software or its version. */
	@Test
	void whenAnyAnswerIsSentThenItNamesNoServerSoftwareOrVersion() throws Exception {
		for (String path : List.of("/login", "/no-such-page", "/css/portal.css")) {
			HttpResponse<String> answer = send("sakura.localhost", path, "GET", Map.of());
			assertThat(answer.headers().firstValue("Server")).as(path).isEmpty();
			assertThat(answer.headers().firstValue("X-Powered-By")).as(path).isEmpty();
			assertThat(answer.body()).as(path).doesNotContain("Apache Tomcat", "Spring Boot");
		}
	}

	/** ASVS 16.2.2: every log line starts with its time in ISO-8601 with an explicit offset (Z for UTC). */
	@Test
	void everyLogLineCarriesItsTimeWithAnOffset() throws Exception {
		new TestBrowser(port, "sakura.localhost").get("/login");
		java.nio.file.Path log = java.nio.file.Path.of("target/test-logs/portal.log");

		List<String> stamped = java.nio.file.Files.readAllLines(log, StandardCharsets.UTF_8).stream()
			.filter(line -> line.matches("^\\d{4}-\\d{2}-\\d{2}.*"))
			.toList();
		assertThat(stamped).isNotEmpty()
			.allSatisfy(line -> assertThat(line).matches("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}(Z|[+-]\\d{2}:\\d{2}) .*"));
	}

	/** ASVS 16.4.1: typed text with line breaks never becomes a log line of its own. */
	@Test
	void whenTypedTextHoldsALineBreakThenNoForgedLogLineAppears() throws Exception {
		String forged = "FORGED-" + System.nanoTime();
		TestBrowser browser = new TestBrowser(port, "sakura.localhost");
		browser.get("/login");
		browser.submit("/login", Map.of("userId", "nobody\r\n2026-01-01T00:00:00.000Z ERROR " + forged, "password",
				"x\n" + forged));

		java.nio.file.Path log = java.nio.file.Path.of("target/test-logs/portal.log");
		assertThat(java.nio.file.Files.readAllLines(log, StandardCharsets.UTF_8))
			.noneMatch(line -> line.contains(forged));
	}

	private String sessionCookie(String host, String path, String name) throws Exception {
		HttpResponse<String> answer = send(host, path, "GET", Map.of("X-Forwarded-Proto", "https"));
		return answer.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).findFirst()
			.orElseThrow(() -> new AssertionError("no " + name + " cookie from " + host + path + ": "
					+ answer.headers().map()));
	}

	private HttpResponse<String> send(String host, String path, String method, Map<String, String> headers)
			throws Exception {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Host", host + ":" + port)
			.header("Accept", "text/html,*/*;q=0.8")
			.header("Accept-Language", "ja")
			.method(method, HttpRequest.BodyPublishers.noBody());
		headers.forEach(b::header);
		return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}
}
