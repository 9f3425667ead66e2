package jp.kenpoportal.operations;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.kenpoportal.support.Journeys;
import jp.kenpoportal.support.Mailbox;
import jp.kenpoportal.support.PortalTest;
import jp.kenpoportal.support.TestBrowser;
import jp.kenpoportal.support.TestMembers;
import jp.kenpoportal.support.TestMembers.TestMember;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator's side (issue 13): health probes and Prometheus metrics on the management port,
 * which listens on 127.0.0.1 only and is not reachable through the member port; metrics name
 * routes, outcomes and factors, never a person.
 */
@PortalTest
class ManagementEndpointsTest {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@Autowired
	TestMembers members;

	@Autowired
	Mailbox mailbox;

	@Autowired
	JdbcClient jdbc;

	@Test
	void livenessAndReadinessAreUpAndReadinessWatchesTheDatabase() throws Exception {
		HttpResponse<String> liveness = get("/actuator/health/liveness");
		HttpResponse<String> readiness = get("/actuator/health/readiness");

		assertThat(liveness.statusCode()).isEqualTo(200);
		assertThat(liveness.body()).contains("\"status\":\"UP\"");
		assertThat(readiness.statusCode()).isEqualTo(200);
		assertThat(readiness.body()).contains("\"status\":\"UP\"").contains("\"db\"").contains("\"readinessState\"");
	}

	@Test
	void theMemberPortHasNoActuator() throws Exception {
		HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
				URI.create("http://127.0.0.1:" + port + "/actuator/health")).header("Host", "sakura.localhost").build(),
				HttpResponse.BodyHandlers.ofString());

		// as any unknown path of a member host: to the sign-in page, never a health answer
		assertThat(response.statusCode()).isIn(302, 404);
		assertThat(response.body()).doesNotContain("status");
	}

	@Test
	void theManagementPortServesTheSbomOfTheLibrariesInside() throws Exception {
		HttpResponse<String> sbom = get("/actuator/sbom/application");

		// the CycloneDX file the build put into the jar (SbomTest checks what it lists)
		assertThat(sbom.statusCode()).isEqualTo(200);
		assertThat(sbom.body()).contains("\"CycloneDX\"", "pkg:maven/org.postgresql/postgresql@",
				"pkg:maven/org.passay/passay@");
	}

	@Test
	void theManagementPortListensOnLoopbackOnly() throws IOException {
		Optional<InetAddress> external = Collections.list(NetworkInterface.getNetworkInterfaces())
			.stream()
			.flatMap(NetworkInterface::inetAddresses)
			.filter(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress())
			.findFirst();
		external.ifPresent(address -> {
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress(address, managementPort), 2000);
				throw new AssertionError("management port reachable on " + address);
			}
			catch (IOException refused) {
				// as it should be
			}
		});
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), managementPort), 2000);
		}
	}

	@Test
	void prometheusShowsRoutesSignInsMailsHashingPoolAndJvmWithNothingPersonalInLabels() throws Exception {
		TestMember member = members.newMember("sakura");
		String password = Journeys.onboard(new TestBrowser(port, member.host()), mailbox, member, "Kenpo-Metrics-2026");
		Journeys.signInWithCode(new TestBrowser(port, member.host()), mailbox, member, password);
		Journeys.signIn(new TestBrowser(port, member.host()), member.loginId(), "wrong-password-1");
		Journeys.signIn(new TestBrowser(port, member.host()), "nobody.metrics@example.com", "wrong-password-2");

		String metrics = get("/actuator/prometheus").body();

		assertThat(metrics).contains("http_server_requests_seconds_count{", "uri=\"/login\"", "uri=\"/onboarding/email\"")
			.contains("kenpo_signin_attempts_total{factor=\"email_code\",outcome=\"accepted\",step=\"second_factor\",who=\"member\"}")
			.contains("kenpo_signin_attempts_total{factor=\"password\",outcome=\"failed\",step=\"password\",who=\"member\"}")
			.contains("kenpo_password_hashing_seconds_count{operation=\"verify\"}")
			.contains("kenpo_password_hashing_seconds_count{operation=\"dummy\"}")
			.contains("kenpo_mail_queued_total", "kenpo_mail_deliveries_total{outcome=\"sent\"}")
			.contains("kenpo_mail_outbox_waiting", "kenpo_mail_outbox_oldest_age_seconds")
			.contains("hikaricp_connections_active", "jvm_memory_used_bytes", "jvm_threads_live_threads");

		Set<String> labelValues = labelValues(metrics);
		assertThat(labelValues).noneMatch(v -> v.contains("@"));
		Set<String> personal = new HashSet<>(List.of(member.loginId(), member.email(), "nobody.metrics",
				member.member().symbol() + member.member().number()));
		personal.addAll(jdbc.sql("select login_id from account").query(String.class).list());
		personal.addAll(jdbc.sql("select email from account where email is not null").query(String.class).list());
		assertThat(labelValues).as("label values naming an account").noneMatch(v -> personal.stream()
			.anyMatch(p -> p.length() >= 6 && v.toLowerCase().contains(p.toLowerCase())));
	}

	private static Set<String> labelValues(String exposition) {
		Set<String> values = new HashSet<>();
		Matcher m = Pattern.compile("[a-zA-Z_]+=\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(exposition);
		while (m.find()) {
			values.add(m.group(1));
		}
		return values;
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}
}
