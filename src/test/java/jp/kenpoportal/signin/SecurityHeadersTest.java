package jp.kenpoportal.signin;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@PortalTest
class SecurityHeadersTest {

	@LocalServerPort
	int port;

	@Autowired
	TestMembers members;

	@Autowired
	Mailbox mailbox;

	@Test
	void whenAnyPageIsServedThenCspForbidsInlineScriptAndFraming() {
		Page page = new TestBrowser(port, "sakura.localhost").get("/login");

		String csp = page.header("Content-Security-Policy");
		assertThat(csp).contains("script-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe-inline");
		assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
		assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(page.doc().select("script:not([src])")).isEmpty();
		assertThat(page.doc().select("[style]")).isEmpty();
	}

	@Test
	void whenTheErrorPageIsAskedForDirectlyThenItIsAnOrdinaryErrorPage() {
		Page page = new TestBrowser(port, "sakura.localhost").get("/error");

		assertThat(page.status()).isLessThan(500);
		assertThat(page.heading()).isNotBlank();
		assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
	}

	@Test
	void whenTheHostIsUnknownThenTheNotFoundPageCarriesTheSecurityHeaders() {
		Page page = new TestBrowser(port, "unknown.localhost").get("/login");

		assertThat(page.status()).isEqualTo(404);
		assertThat(page.heading()).isEqualTo("ページが見つかりません");
		assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
		assertThat(page.header("Cache-Control")).contains("no-store");
		assertThat(page.header("Referrer-Policy")).isEqualTo("same-origin");
		assertThat(page.header("Content-Security-Policy")).contains("default-src 'none'", "frame-ancestors 'none'");
	}

	@Test
	void whenSignedInPagesAreServedThenBrowsersMayNotStoreThem() {
		TestMember member = members.newMember("sakura");
		TestBrowser browser = new TestBrowser(port, member.host());
		Journeys.onboard(browser, mailbox, member, "No-Store-Here-3");

		Page home = browser.get("/");

		assertThat(home.header("Cache-Control")).contains("no-store");
	}

	@Test
	void whenAStaticFileIsServedThenItCarriesTheHeadersButLeavesTheSessionAlone(@Autowired JdbcClient jdbc) {
		TestMember member = members.newMember("sakura");
		TestBrowser browser = new TestBrowser(port, member.host());
		Journeys.onboard(browser, mailbox, member, "Static-Files-4");
		// the session last seen ten minutes ago: any request that loads it moves that to now
		String principal = Long.toString(member.accountId());
		jdbc.sql("""
				update spring_session set last_access_time = last_access_time - 600000, expiry_time = expiry_time - 600000
				where principal_name = ?""").param(principal).update();
		long before = lastAccess(jdbc, principal);

		Page css = browser.get("/css/portal.css");

		assertThat(css.status()).isEqualTo(200);
		assertThat(css.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
		assertThat(css.header("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(css.header("Set-Cookie")).isNull();
		assertThat(lastAccess(jdbc, principal)).isEqualTo(before);
		assertThat(browser.get("/").status()).isEqualTo(200);
		assertThat(lastAccess(jdbc, principal)).isGreaterThan(before);
	}

	@Test
	void whenAPageLinksItsStylesheetThenWithItsVersionSoBrowsersKeepItForAYear() {
		TestBrowser browser = new TestBrowser(port, "sakura.localhost");
		String href = browser.get("/login").doc().select("link[rel=stylesheet]").attr("href");

		assertThat(href).matches("/css/portal\\.css\\?v=[0-9a-f]{12}");
		Page css = browser.get(href);
		assertThat(css.status()).isEqualTo(200);
		assertThat(css.header("Cache-Control")).contains("max-age=31536000").doesNotContain("no-store");
		assertThat(browser.get("/login").header("Cache-Control")).contains("no-store");
	}

	private static long lastAccess(JdbcClient jdbc, String principal) {
		return jdbc.sql("select last_access_time from spring_session where principal_name = ?")
			.param(principal)
			.query(Long.class)
			.single();
	}

	@Test
	void whenAFormIsPostedWithoutTheCsrfTokenThenItIsRefused() {
		TestMember member = members.newMember("sakura");
		TestBrowser browser = new TestBrowser(port, member.host());
		browser.get("/login");

		Page login = browser.post("/login", Map.of("userId", member.loginId(), "password", member.initialPassword()));
		assertThat(login.status()).isEqualTo(403);

		Journeys.signIn(browser, member.loginId(), member.initialPassword());
		Page step = browser.post("/onboarding/birth-date", Map.of("birthDate", member.birthDateDigits()));
		assertThat(step.status()).isEqualTo(403);
	}

	@Test
	void whenServedOverHttpsOutsideLocalhostThenHstsIsSent(@Autowired KenpoDirectory kenpos) throws Exception {
		String host = "k" + System.nanoTime() + ".example.jp";
		kenpos.create(new NewKenpo("h" + System.nanoTime(), host, "本番風健康保険組合", "06130454", "t@example.com", null, 2,
				4, Instant.now().plusSeconds(86400), EnumSet.of(SecondFactor.EMAIL_CODE), SecondFactor.EMAIL_CODE,
				new PasswordRules(8, 64, "-_", Set.of()), List.of()));

		assertThat(headOverHttps(host).headers().firstValue("Strict-Transport-Security")).isPresent();
		assertThat(headOverHttps("sakura.localhost").headers().firstValue("Strict-Transport-Security")).isEmpty();
	}

	private HttpResponse<String> headOverHttps(String host) throws Exception {
		// a TLS-terminating proxy on this machine says the original request was HTTPS
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
				.header("Host", host)
				.header("X-Forwarded-Proto", "https")
				.build(), HttpResponse.BodyHandlers.ofString());
	}
}
