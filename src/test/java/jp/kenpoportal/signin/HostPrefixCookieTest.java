package jp.kenpoportal.signin;

import java.util.List;

import jp.kenpoportal.support.Journeys;
import jp.kenpoportal.support.Mailbox;
import jp.kenpoportal.support.PortalTest;
import jp.kenpoportal.support.TestBrowser;
import jp.kenpoportal.support.TestMembers;
import jp.kenpoportal.support.TestMembers.TestMember;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ASVS 5.0 3.3.1 and 3.3.3: over HTTPS (production, behind the TLS proxy) the session cookies are
 * {@code __Host-} cookies, which a browser keeps only with Secure, Path=/ and no Domain, so no
 * sibling host and no plain-HTTP page can plant one; over plain HTTP (development on
 * *.localhost) they keep their bare names without Secure, since a browser would drop a
 * {@code __Host-} cookie that is not Secure.
 */
@PortalTest
class HostPrefixCookieTest {

	@LocalServerPort
	int port;

	@Autowired
	TestMembers members;

	@Autowired
	Mailbox mailbox;

	@Test
	void whenServedOverHttpsThenBothSessionCookiesAreHostPrefixedSecureForTheWholeHostWithoutDomain() {
		for (TestBrowser browser : List.of(new TestBrowser(port, "sakura.localhost").overHttps(),
				TestBrowser.console(port).overHttps())) {
			browser.get("/login");
			String name = browser.cookie("__Host-KENPO_SESSION") != null ? "__Host-KENPO_SESSION"
					: "__Host-KENPO_CONSOLE_SESSION";

			assertThat(browser.cookie(name)).as(name).isNotBlank();
			assertThat(browser.rawSetCookie(name)).contains("; Secure", "; Path=/;", "; HttpOnly")
				.doesNotContainIgnoringCase("Domain=");
			assertThat(browser.cookie("KENPO_SESSION")).isNull();
			assertThat(browser.cookie("KENPO_CONSOLE_SESSION")).isNull();
		}
	}

	@Test
	void whenAMemberOnboardsAndSignsInOverHttpsThenTheHostPrefixedCookieCarriesTheSession() {
		TestMember member = members.newMember("sakura");
		TestBrowser browser = new TestBrowser(port, member.host()).overHttps();
		String password = Journeys.onboard(browser, mailbox, member, "Host-Prefix-2026");
		TestBrowser later = new TestBrowser(port, member.host()).overHttps();

		assertThat(Journeys.signInWithCode(later, mailbox, member, password).heading()).isEqualTo("ホーム");
		assertThat(later.get("/profile").status()).isEqualTo(200);
		assertThat(later.cookie("__Host-KENPO_SESSION")).isNotBlank();
		assertThat(later.rawSetCookie("__Host-KENPO_SESSION")).contains("; Secure", "; Path=/;");
		assertThat(later.cookie("KENPO_SESSION")).isNull();
	}

	@Test
	void whenASessionIdComesUnderTheBareNameOverHttpsThenItIsNotRead() {
		TestMember member = members.newMember("sakura");
		TestBrowser signedIn = new TestBrowser(port, member.host()).overHttps();
		Journeys.onboard(signedIn, mailbox, member, "Host-Prefix-Toss-2026");
		String session = signedIn.cookie("__Host-KENPO_SESSION");

		// as a cookie planted by a sibling host or a plain-HTTP page would come: without the prefix
		TestBrowser tossed = new TestBrowser(port, member.host()).overHttps();
		tossed.setCookie("KENPO_SESSION", session);

		assertThat(tossed.get("/").path()).isEqualTo("/login");
		assertThat(signedIn.get("/").heading()).isEqualTo("ホーム");
	}

	@Test
	void whenServedOverPlainHttpThenTheCookiesKeepTheirBareNamesWithoutSecureAndSignInWorks() {
		TestMember member = members.newMember("sakura");
		TestBrowser browser = new TestBrowser(port, member.host());
		Journeys.onboard(browser, mailbox, member, "Plain-Http-Dev-2026");
		TestBrowser console = TestBrowser.console(port);
		console.get("/login");

		assertThat(browser.get("/").heading()).isEqualTo("ホーム");
		assertThat(browser.cookie("KENPO_SESSION")).isNotBlank();
		assertThat(browser.rawSetCookie("KENPO_SESSION")).doesNotContain("Secure").contains("; Path=/;");
		assertThat(browser.cookie("__Host-KENPO_SESSION")).isNull();
		assertThat(console.rawSetCookie("KENPO_CONSOLE_SESSION")).doesNotContain("Secure");
	}
}
