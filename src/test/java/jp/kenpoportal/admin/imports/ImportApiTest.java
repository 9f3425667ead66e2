package jp.kenpoportal.admin.imports;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import jp.kenpoportal.admin.staff.StaffRole;
import jp.kenpoportal.support.Eventually;
import jp.kenpoportal.support.PortalTest;
import jp.kenpoportal.support.TestBrowser;
import jp.kenpoportal.support.TestBrowser.Page;
import jp.kenpoportal.support.TestKenpos;
import jp.kenpoportal.support.TestStaff;
import jp.kenpoportal.tenant.Kenpo;
import jp.kenpoportal.tenant.KenpoDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static jp.kenpoportal.admin.imports.RosterImportTest.HEADER;
import static jp.kenpoportal.admin.imports.RosterImportTest.TARO;
import static jp.kenpoportal.admin.imports.RosterImportTest.csv;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The import API: a 管理者 creates a client in the console (secret shown once), the core system
 * posts a file with HTTP Basic and reads the job's state and error report; missing, wrong,
 * rotated-out and revoked credentials get 401 (audited), another kenpo's job 404 (audited).
 */
@PortalTest
class ImportApiTest {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	TestStaff staff;

	@Autowired
	KenpoDirectory kenpos;

	@Autowired
	JdbcClient jdbc;

	Kenpo kenpo;

	TestBrowser console;

	@BeforeEach
	void signIn() {
		kenpo = TestKenpos.allFactors(kenpos);
		console = TestBrowser.console(port);
		staff.signIn(console, staff.create(kenpo.code(), StaffRole.ADMIN));
	}

	@Test
	void whenTheCoreSystemPostsARosterThenTheJobAndItsStateAreReadableAndTheClientShowsItsLastUse() {
		String[] client = createClient("夜間バッチ");

		HttpResponse<String> posted = post(client, "roster", csv(StandardCharsets.UTF_8, false, HEADER, TARO));

		assertThat(posted.statusCode()).isEqualTo(202);
		String location = posted.headers().firstValue("Location").orElseThrow();
		assertThat(posted.body()).contains("\"kind\":\"roster\"");
		Eventually.holds(Duration.ofSeconds(60), () -> get(client, location).body().contains("\"state\":\"PREVIEW\""),
				() -> get(client, location).body());
		assertThat(get(client, location).body()).contains("\"rowsRead\":1", "\"inserted\":1", "\"encoding\":\"UTF-8\"");
		assertThat(jdbc.sql("select api_client_id is not null and staff_id is null from import_job where id = ?")
			.param(Long.parseLong(location.substring(location.lastIndexOf('/') + 1)))
			.query(Boolean.class)
			.single()).isTrue();
		assertThat(console.get("/imports/clients").doc().select("#api-clients tbody tr").text()).doesNotContain("未使用");
	}

	@Test
	void whenAFileFailsThenItsErrorReportIsReadableOverTheApi() {
		String[] client = createClient("夜間バッチ");
		HttpResponse<String> posted = post(client, "roster", csv(StandardCharsets.UTF_8, false, HEADER,
				TARO.replace("1980-04-01", "昭和55年")));
		String location = posted.headers().firstValue("Location").orElseThrow();
		Eventually.holds(Duration.ofSeconds(60), () -> get(client, location).body().contains("\"state\":\"FAILED\""),
				() -> get(client, location).body());

		HttpResponse<String> report = get(client, location + "/errors.csv");

		assertThat(report.statusCode()).isEqualTo(200);
		assertThat(report.body()).contains("2,\"生年月日\",\"日付を 2026-04-01 または 20260401 の形にしてください。\",\"昭和55年\"");
	}

	@Test
	void whenCredentialsAreMissingWrongRotatedOrRevokedThenTheApiAnswers401AndAuditsIt() {
		String[] client = createClient("夜間バッチ");
		byte[] file = csv(StandardCharsets.UTF_8, false, HEADER, TARO);

		HttpResponse<String> none = send(HttpRequest.newBuilder(uri("/api/imports/roster?month=2026-11&created=2026-12-01"))
			.header("Host", TestBrowser.CONSOLE_HOST + ":" + port)
			.POST(HttpRequest.BodyPublishers.ofByteArray(file)));
		assertThat(none.statusCode()).isEqualTo(401);
		assertThat(none.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith("Basic realm=\"kenpo-imports\"");
		assertThat(post(new String[] { client[0], client[1] + "x" }, "roster", file).statusCode()).isEqualTo(401);
		assertThat(post(new String[] { "kp-unknown", client[1] }, "roster", file).statusCode()).isEqualTo(401);

		Page rotated = console.submit("/imports/clients/" + clientRowId(client[0]) + "/rotate", Map.of());
		String newSecret = rotated.doc().select("#client-secret").text();
		assertThat(post(client, "roster", file).statusCode()).as("the old secret").isEqualTo(401);
		assertThat(get(new String[] { client[0], newSecret }, "/api/imports/0").statusCode()).isEqualTo(404);

		console.submit("/imports/clients/" + clientRowId(client[0]) + "/revoke", Map.of());
		assertThat(get(new String[] { client[0], newSecret }, "/api/imports/0").statusCode()).isEqualTo(401);
		assertThat(jdbc.sql("select count(*) from audit_event where type = 'IMPORT_API_REFUSED' and detail like ?")
			.param("client=" + client[0] + "%")
			.query(Long.class)
			.single()).isGreaterThanOrEqualTo(3);
		assertThat(jdbc.sql("select count(*) from import_job where kenpo_id = ?").param(kenpo.id()).query(Long.class).single())
			.isZero();
	}

	@Test
	void whenOneAddressSendsThirtyWrongSecretsThenEvenTheRightOneIsRefusedThereButNotElsewhere() {
		String[] client = createClient("夜間バッチ");
		String[] wrong = { client[0], client[1] + "x" };
		String address = "10.91." + (System.nanoTime() % 200) + "." + (System.nanoTime() % 250 + 1);
		for (int i = 0; i < 30; i++) {
			assertThat(send(basic(wrong, HttpRequest.newBuilder(uri("/api/imports/0"))).header("X-Forwarded-For", address)
				.GET()).statusCode()).isEqualTo(401);
		}

		assertThat(send(basic(client, HttpRequest.newBuilder(uri("/api/imports/0"))).header("X-Forwarded-For", address)
			.GET()).statusCode()).as("throttled address").isEqualTo(401);
		assertThat(get(client, "/api/imports/0").statusCode()).as("another address").isEqualTo(404);
	}

	@Test
	void whenAClientAsksForAnotherKenposJobThenNotFoundAndAudited() {
		String[] client = createClient("夜間バッチ");
		Kenpo other = TestKenpos.allFactors(kenpos);
		TestBrowser otherConsole = TestBrowser.console(port);
		staff.signIn(otherConsole, staff.create(other.code(), StaffRole.CLERK));
		long foreign = new ImportUploads(port, jdbc).upload(otherConsole, ImportKind.ROSTER, "2026-11", "2026-12-01",
				"roster.csv", csv(StandardCharsets.UTF_8, false, HEADER, TARO));

		assertThat(get(client, "/api/imports/" + foreign).statusCode()).isEqualTo(404);
		assertThat(get(client, "/api/imports/" + foreign + "/errors.csv").statusCode()).isEqualTo(404);
		assertThat(jdbc.sql("select count(*) from audit_event where type = 'IMPORT_API_REFUSED' and kenpo_id = ? and detail like ?")
			.params(kenpo.id(), "%job " + foreign + "%")
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void whenTheKindOrMonthIsWrongThenAJapaneseMessage() {
		String[] client = createClient("夜間バッチ");
		HttpResponse<String> kind = send(basic(client, HttpRequest.newBuilder(uri("/api/imports/payroll?month=2026-11&created=2026-12-01")))
			.POST(HttpRequest.BodyPublishers.ofString("x")));
		assertThat(kind.statusCode()).isEqualTo(404);
		HttpResponse<String> month = send(basic(client, HttpRequest.newBuilder(uri("/api/imports/roster?month=11&created=2026-12-01")))
			.POST(HttpRequest.BodyPublishers.ofString("x")));
		assertThat(month.statusCode()).isEqualTo(400);
		assertThat(month.body()).contains("対象年月を 2026-11 の形で入力してください。");
	}

	@Test
	void whenAClientNameIsLongOrHasControlCharactersThenAJapaneseMessageAndNoClient() {
		console.get("/imports/clients");
		Page page = console.submit("/imports/clients", Map.of("name", "夜".repeat(10_000)));
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.text()).contains("名前を100文字以内で入力してください（制御文字は使えません）。");
		assertThat(page.value("name")).hasSize(100);
		page = console.submit("/imports/clients", Map.of("name", "夜間\u0000バッチ"));
		assertThat(page.text()).contains("名前を100文字以内で入力してください");
		assertThat(jdbc.sql("select count(*) from import_api_client where kenpo_id = ?").param(kenpo.id())
			.query(Long.class).single()).isZero();
	}

	private String[] createClient(String name) {
		console.get("/imports/clients");
		Page page = console.submit("/imports/clients", Map.of("name", name));
		String id = page.doc().select("#client-id").text();
		String secret = page.doc().select("#client-secret").text();
		assertThat(id).startsWith("kp-");
		assertThat(secret).hasSizeGreaterThan(40);
		assertThat(console.get("/imports/clients").text()).contains(id).doesNotContain(secret);
		return new String[] { id, secret };
	}

	private long clientRowId(String clientId) {
		console.get("/imports/clients");
		return jdbc.sql("select id from import_api_client where client_id = ?").param(clientId).query(Long.class).single();
	}

	private HttpResponse<String> post(String[] client, String kind, byte[] file) {
		return send(basic(client, HttpRequest.newBuilder(uri("/api/imports/" + kind + "?month=2026-11&created=2026-12-01&name=roster.csv")))
			.header("Content-Type", "text/csv")
			.POST(HttpRequest.BodyPublishers.ofByteArray(file)));
	}

	private HttpResponse<String> get(String[] client, String path) {
		return send(basic(client, HttpRequest.newBuilder(uri(path))).GET());
	}

	private HttpRequest.Builder basic(String[] client, HttpRequest.Builder b) {
		return b.header("Host", TestBrowser.CONSOLE_HOST + ":" + port)
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((client[0] + ":" + client[1]).getBytes(StandardCharsets.UTF_8)));
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

	private static HttpResponse<String> send(HttpRequest.Builder b) {
		try {
			return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}
}
