package jp.kenpoportal.admin.imports;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jp.kenpoportal.support.Eventually;
import jp.kenpoportal.support.TestBrowser;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Uploads a file through the console's form as a browser would (multipart, the page's CSRF
 * token, the session cookie), and waits for the job to leave its running states.
 */
final class ImportUploads {

	private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private final int port;

	private final JdbcClient jdbc;

	ImportUploads(int port, JdbcClient jdbc) {
		this.port = port;
		this.jdbc = jdbc;
	}

	/** Posts the file from /imports; the job's ID from the redirect, or empty when the form came back. */
	Optional<Long> upload(TestBrowser console, ImportKind kind, String month, String created, String fileName,
			HttpRequest.BodyPublisher file) {
		console.get("/imports");
		String csrf = console.page().doc().select("form[action=/imports] input[name=_csrf]").attr("value");
		String boundary = "----kenpo" + UUID.randomUUID();
		StringBuilder head = new StringBuilder();
		for (Map.Entry<String, String> f : Map.of("_csrf", csrf, "kind", kind.name(), "month", month, "created", created)
			.entrySet()) {
			head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(f.getKey())
				.append("\"\r\n\r\n").append(f.getValue()).append("\r\n");
		}
		head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"")
			.append(fileName).append("\"\r\nContent-Type: text/csv\r\n\r\n");
		String tail = "\r\n--" + boundary + "--\r\n";
		HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.concat(
				HttpRequest.BodyPublishers.ofByteArray(head.toString().getBytes(StandardCharsets.UTF_8)), file,
				HttpRequest.BodyPublishers.ofByteArray(tail.getBytes(StandardCharsets.UTF_8)));
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/imports"))
			.header("Host", TestBrowser.CONSOLE_HOST + ":" + port)
			.header("X-Forwarded-For", console.clientAddress())
			.header("Cookie", "KENPO_CONSOLE_SESSION=" + console.cookie("KENPO_CONSOLE_SESSION"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.timeout(Duration.ofMinutes(5))
			.POST(body)
			.build();
		try {
			HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() == 302) {
				String location = response.headers().firstValue("Location").orElseThrow();
				return Optional.of(Long.parseLong(location.substring(location.lastIndexOf('/') + 1)));
			}
			if (response.statusCode() != 200) {
				throw new AssertionError("upload answered " + response.statusCode() + ": " + response.body());
			}
			return Optional.empty();
		}
		catch (java.io.IOException | InterruptedException e) {
			throw new IllegalStateException(e);
		}
	}

	long upload(TestBrowser console, ImportKind kind, String month, String created, String fileName, byte[] file) {
		return upload(console, kind, month, created, fileName, HttpRequest.BodyPublishers.ofByteArray(file))
			.orElseThrow(() -> new AssertionError("the form came back: " + console.page().text()));
	}

	long upload(TestBrowser console, ImportKind kind, String month, String created, String fileName, Path file) {
		try {
			return upload(console, kind, month, created, fileName, HttpRequest.BodyPublishers.ofFile(file))
				.orElseThrow(() -> new AssertionError("the form came back"));
		}
		catch (java.io.FileNotFoundException e) {
			throw new IllegalStateException(e);
		}
	}

	/** Waits until the job is done with its current step; its state. */
	String awaitState(long jobId) {
		Eventually.holds(Duration.ofSeconds(120),
				() -> !List.of("RECEIVED", "VALIDATING", "APPLYING").contains(state(jobId)),
				() -> "job " + jobId + " still " + state(jobId));
		return state(jobId);
	}

	String state(long jobId) {
		return jdbc.sql("select state from import_job where id = ?").param(jobId).query(String.class).single();
	}
}
