package jp.kenpoportal.operations;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jp.kenpoportal.KenpoPortalApplication;
import jp.kenpoportal.support.Journeys;
import jp.kenpoportal.support.PortalTest;
import jp.kenpoportal.support.TestBrowser;
import jp.kenpoportal.support.TestMembers;
import jp.kenpoportal.support.TestMembers.TestMember;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ASVS 5.0 4.1.3: the headers a proxy sets ({@code X-Forwarded-For}, {@code X-Forwarded-Proto}) are
 * taken only from the trusted proxies (Tomcat's RemoteIpValve, {@code server.tomcat.remoteip.internal-proxies},
 * README), and ignored from any other address, so no client can choose the address that rate limits
 * count and the audit trail records, or make a plain-HTTP request pass for HTTPS. The host is always
 * the {@code Host} header: {@code X-Forwarded-Host} is taken from no one, since the console and every
 * kenpo are told apart by host and a proxy that passes a client's header through would otherwise let
 * it choose them.
 * <p>
 * The tests run on one machine, where every request comes from 127.0.0.1: the portal of the test
 * suite trusts loopback as its proxy (the default ranges); a second node on the same database
 * trusts only 192.0.2.1, so that 127.0.0.1 is an untrusted client to it.
 */
@PortalTest
class ForwardedHeadersTest {

	private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private static ConfigurableApplicationContext untrustingNode;

	@LocalServerPort
	int port;

	@Autowired
	TestMembers members;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	EmbeddedPostgres postgres;

	@Autowired
	GreenMail smtp;

	@Value("${portal.data-dir}")
	String dataDir;

	@AfterAll
	static void stopTheSecondNode() {
		if (untrustingNode != null) {
			untrustingNode.close();
		}
	}

	@Test
	void fromATrustedProxyTheClientAddressAndHttpsAreTaken() throws Exception {
		TestMember member = members.newMember("sakura");
		TestBrowser browser = new TestBrowser(port, member.host(), "203.0.113.41").overHttps();

		Journeys.signIn(browser, member.loginId(), "wrong-password-4-1-3");

		assertThat(lastSignInFailureAddress(member)).isEqualTo("203.0.113.41");
		assertThat(browser.cookie("__Host-KENPO_SESSION")).isNotBlank();
		assertThat(browser.rawSetCookie("__Host-KENPO_SESSION")).contains("; Secure");
	}

	@Test
	void fromAnUntrustedAddressTheForwardedClientAddressAndHttpsAreIgnored() throws Exception {
		int untrusted = untrustingNodePort();
		TestMember member = members.newMember("sakura");
		TestBrowser browser = new TestBrowser(untrusted, member.host(), "203.0.113.42").overHttps();

		Journeys.signIn(browser, member.loginId(), "wrong-password-4-1-3");

		// the address the connection really came from, not the one the client wrote
		assertThat(lastSignInFailureAddress(member)).isEqualTo("127.0.0.1");
		// plain HTTP stays plain HTTP: no Secure cookie, no __Host- name, no https in redirects
		assertThat(browser.cookie("__Host-KENPO_SESSION")).isNull();
		assertThat(browser.rawSetCookie("KENPO_SESSION")).doesNotContain("Secure");
		HttpResponse<String> home = send(untrusted, member.host(), "/",
				Map.of("X-Forwarded-Proto", "https", "X-Forwarded-For", "203.0.113.43"));
		assertThat(home.statusCode()).isEqualTo(302);
		assertThat(home.headers().firstValue("Location").orElseThrow()).startsWith("http://");
	}

	@Test
	void xForwardedHostChoosesNeitherTheConsoleNorAKenpoEvenFromATrustedProxy() throws Exception {
		for (int node : List.of(port, untrustingNodePort())) {
			// a member host's request that names the console: the member's sign-in page, not the staff's
			HttpResponse<String> console = send(node, "sakura.localhost", "/login",
					Map.of("X-Forwarded-Host", TestBrowser.CONSOLE_HOST));
			assertThat(console.statusCode()).isEqualTo(200);
			assertThat(console.body()).contains("さくら電機健康保険組合").doesNotContain("職員");
			assertThat(console.headers().allValues("Set-Cookie")).noneMatch(c -> c.contains("KENPO_CONSOLE_SESSION"));

			// a host that is no kenpo's, naming one: still no kenpo
			HttpResponse<String> unknown = send(node, "nobody.localhost", "/login",
					Map.of("X-Forwarded-Host", "sakura.localhost"));
			assertThat(unknown.statusCode()).isEqualTo(404);
		}
	}

	private String lastSignInFailureAddress(TestMember member) {
		return jdbc.sql("select client_ip from audit_event where account_id = ? and type = 'SIGN_IN_FAILED' order by id desc limit 1")
			.param(member.accountId())
			.query(String.class)
			.single();
	}

	private HttpResponse<String> send(int port, String host, String path, Map<String, String> headers) throws Exception {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Host", host + ":" + port)
			.header("Accept-Language", "ja");
		headers.forEach(b::header);
		return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	/** A second node on the same database whose only trusted proxy is an address no test request comes from. */
	private int untrustingNodePort() throws Exception {
		if (untrustingNode == null) {
			String masterKey = Files.readString(Path.of(dataDir, "master.key")).strip();
			untrustingNode = new SpringApplicationBuilder(KenpoPortalApplication.class).profiles("test")
				.run("--server.port=0", "--management.server.port=0",
						"--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
						"--spring.datasource.username=postgres", "--spring.mail.host=127.0.0.1",
						"--spring.mail.port=" + smtp.getSmtp().getServerSetup().getPort(), "--portal.master-key=" + masterKey,
						"--portal.data-dir=" + dataDir + "-untrusting", "--portal.public-url-template=https://{host}",
						"--server.tomcat.remoteip.internal-proxies=192.0.2.1/32");
		}
		return Integer.parseInt(untrustingNode.getEnvironment().getProperty("local.server.port"));
	}
}
