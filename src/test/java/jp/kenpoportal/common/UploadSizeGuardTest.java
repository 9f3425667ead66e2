package jp.kenpoportal.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import jp.kenpoportal.support.PortalTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An upload announced larger than its page takes is refused from its headers alone: nobody
 * signed in, no byte of the body sent, the answer is a Japanese 413 and nothing is spooled.
 */
@PortalTest
class UploadSizeGuardTest {

	@LocalServerPort
	int port;

	@Test
	void whenAMemberHostGetsAnUploadOverFortyMegabytesThenRefusedBeforeTheBodyIsRead() throws IOException {
		String answer = headersOnly("sakura.localhost", "/flu/apply", 41L * 1024 * 1024);

		assertThat(answer).startsWith("HTTP/1.1 413");
		assertThat(answer).contains("ファイルが大きすぎます");
	}

	@Test
	void whenTheConsoleGetsAnUploadOverFortyMegabytesOutsideTheImportsThenRefused() throws IOException {
		assertThat(headersOnly("console.localhost", "/notices/new", 41L * 1024 * 1024)).startsWith("HTTP/1.1 413");
	}

	@Test
	void whenTheImportsGetAnUploadOverTheirTwoGigabytesThenRefused() throws IOException {
		assertThat(headersOnly("console.localhost", "/imports", 2300L * 1024 * 1024)).startsWith("HTTP/1.1 413");
	}

	/** Sends the request line and headers of a multipart POST, no body, and reads the answer's start. */
	private String headersOnly(String host, String path, long contentLength) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(("POST " + path + " HTTP/1.1\r\nHost: " + host + ":" + port
					+ "\r\nContent-Type: multipart/form-data; boundary=x\r\nContent-Length: " + contentLength
					+ "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			byte[] buffer = new byte[4096];
			StringBuilder answer = new StringBuilder();
			int n;
			while ((n = in.read(buffer)) > 0) {
				answer.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
				if (answer.indexOf("</html>") >= 0) {
					break;
				}
			}
			return answer.toString();
		}
	}
}
