package jp.kenpoportal.admin.imports;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import jakarta.servlet.ServletContext;

import jp.kenpoportal.admin.staff.StaffRole;
import jp.kenpoportal.support.PortalTest;
import jp.kenpoportal.support.TestBrowser;
import jp.kenpoportal.support.TestStaff;
import jp.kenpoportal.tenant.KenpoDirectory;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A large upload that its page would refuse is answered before its body is read (issue 11's
 * security gap): without sign-in, as a 閲覧者 (no import rights), and to the import API with a
 * wrong secret; the member side's flu receipts likewise. Each request streams 100 MB from a
 * generator over a raw socket: the answer must come while most of the body is still unsent, and
 * the servlet container's spool directory must never hold a part of it.
 */
@PortalTest
class UploadRefusedUnreadTest {

	private static final long BODY = 100L * 1024 * 1024;

	@LocalServerPort
	int port;

	@Autowired
	TestStaff staff;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ServletContext servletContext;

	@Autowired
	KenpoDirectory kenpos;

	@Test
	void whenAnUploadComesWithoutSignInThenTheSignInAnswersBeforeTheBodyIsRead() throws Exception {
		Answer answer = multipart(TestBrowser.CONSOLE_HOST, "/imports", null);

		assertThat(answer.status()).isEqualTo(302);
		assertThat(answer.location()).endsWith("/login");
		answer.assertUnread();
	}

	@Test
	void whenAViewerUploadsThenRefusedBeforeTheBodyIsReadAndAudited() throws Exception {
		TestStaff.Staff viewer = staff.create("sakura", StaffRole.VIEWER);
		TestBrowser console = TestBrowser.console(port);
		staff.signIn(console, viewer);

		Answer answer = multipart(TestBrowser.CONSOLE_HOST, "/imports",
				"KENPO_CONSOLE_SESSION=" + console.cookie("KENPO_CONSOLE_SESSION"));

		assertThat(answer.status()).isEqualTo(403);
		answer.assertUnread();
		assertThat(jdbc.sql("select count(*) from audit_event where staff_id = ? and type = 'STAFF_ACCESS_REFUSED'")
			.param(viewer.id())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void whenAChunkedUploadHasNoLengthThenRefused() throws Exception {
		TestStaff.Staff clerk = staff.create("sakura", StaffRole.CLERK);
		TestBrowser console = TestBrowser.console(port);
		staff.signIn(console, clerk);

		Answer answer = send(TestBrowser.CONSOLE_HOST, "/imports",
				List.of("Cookie: KENPO_CONSOLE_SESSION=" + console.cookie("KENPO_CONSOLE_SESSION"),
						"Content-Type: multipart/form-data; boundary=" + BOUNDARY, "Transfer-Encoding: chunked"),
				true);

		assertThat(answer.status()).isEqualTo(411);
		answer.assertUnread();
	}

	@Test
	void whenTheImportApiGetsAWrongSecretThenRefusedBeforeTheBodyIsRead() throws Exception {
		long jobsBefore = jdbc.sql("select count(*) from import_job").query(Long.class).single();
		String basic = Base64.getEncoder().encodeToString("kp-nobody:wrong-secret".getBytes(StandardCharsets.UTF_8));

		Answer answer = send(TestBrowser.CONSOLE_HOST, "/api/imports/claims?month=2026-11&created=2026-12-01",
				List.of("Authorization: Basic " + basic, "Content-Type: text/csv", "Content-Length: " + BODY), false);

		assertThat(answer.status()).isEqualTo(401);
		answer.assertUnread();
		assertThat(jdbc.sql("select count(*) from import_job").query(Long.class).single()).isEqualTo(jobsBefore);
	}

	@Test
	void whenAFluReceiptComesWithoutSignInThenTheSignInAnswersBeforeTheBodyIsRead() throws Exception {
		String host = kenpos.findByCode("sakura").orElseThrow().host();
		// under the member side's 40 MB, so only the gate stands in its way
		Answer answer = send(host, "/flu/applications/new",
				List.of("Content-Type: multipart/form-data; boundary=" + BOUNDARY, "Content-Length: " + 39L * 1024 * 1024),
				false, 39L * 1024 * 1024);

		assertThat(answer.status()).isEqualTo(302);
		assertThat(answer.location()).endsWith("/login");
		answer.assertUnread();
	}

	private static final String BOUNDARY = "----kenpo-unread";

	private Answer multipart(String host, String path, String cookie) throws Exception {
		List<String> headers = new ArrayList<>();
		if (cookie != null) {
			headers.add("Cookie: " + cookie);
		}
		headers.add("Content-Type: multipart/form-data; boundary=" + BOUNDARY);
		headers.add("Content-Length: " + BODY);
		return send(host, path, headers, false);
	}

	private Answer send(String host, String path, List<String> headers, boolean chunked) throws Exception {
		return send(host, path, headers, chunked, BODY);
	}

	/**
	 * Writes the request head, then streams {@code size} bytes of a multipart body on another thread
	 * while this one waits for the status line; watches the container's spool directory meanwhile.
	 */
	private Answer send(String host, String path, List<String> headers, boolean chunked, long size) throws Exception {
		File spoolDir = (File) servletContext.getAttribute(ServletContext.TEMPDIR);
		AtomicLong sent = new AtomicLong();
		AtomicLong largestSpooled = new AtomicLong();
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(60_000);
			OutputStream out = socket.getOutputStream();
			StringBuilder head = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\n");
			head.append("X-Forwarded-For: 10.77.").append(System.nanoTime() % 250).append(".9\r\n");
			headers.forEach(h -> head.append(h).append("\r\n"));
			head.append("\r\n");
			out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
			out.flush();
			CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
				byte[] preamble = ("--" + BOUNDARY
						+ "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\nContent-Type: text/csv\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII);
				byte[] chunk = new byte[64 * 1024];
				Arrays.fill(chunk, (byte) 'x');
				try {
					write(out, preamble, chunked);
					sent.addAndGet(preamble.length);
					while (sent.get() < size) {
						write(out, chunk, chunked);
						if (sent.addAndGet(chunk.length) % (1024 * 1024) == 0) {
							largestSpooled.accumulateAndGet(spooled(spoolDir), Math::max);
						}
					}
				}
				catch (IOException closed) {
					// the server answered and closed the connection: what the test wants
				}
			});
			BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
			String status = in.readLine();
			long sentWhenAnswered = sent.get();
			String location = null;
			for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
				if (line.toLowerCase().startsWith("location:")) {
					location = line.substring("location:".length()).trim();
				}
			}
			socket.shutdownInput();
			writer.get(60, TimeUnit.SECONDS);
			largestSpooled.accumulateAndGet(spooled(spoolDir), Math::max);
			return new Answer(Integer.parseInt(status.split(" ")[1]), location, sentWhenAnswered, sent.get(), size,
					largestSpooled.get());
		}
	}

	private static void write(OutputStream out, byte[] bytes, boolean chunked) throws IOException {
		if (chunked) {
			out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
			out.write(bytes);
			out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
		}
		else {
			out.write(bytes);
		}
	}

	/** The bytes of the container's spooled parts ({@code upload_*.tmp} in its temporary directory). */
	private static long spooled(File dir) {
		try (Stream<Path> files = Files.walk(dir.toPath())) {
			return files.filter(p -> p.getFileName().toString().startsWith("upload_"))
				.mapToLong(p -> p.toFile().length())
				.sum();
		}
		catch (IOException | java.io.UncheckedIOException gone) {
			return 0;
		}
	}

	private record Answer(int status, String location, long sentWhenAnswered, long sentInAll, long size,
			long largestSpooled) {

		/** Answered while most of the body was unsent; the body stopped early; nothing spooled. */
		void assertUnread() {
			assertThat(sentWhenAnswered).as("bytes sent before the answer").isLessThan(size / 2);
			assertThat(sentInAll).as("bytes the server let in").isLessThan(size);
			assertThat(largestSpooled).as("bytes spooled by the container").isZero();
		}
	}
}
