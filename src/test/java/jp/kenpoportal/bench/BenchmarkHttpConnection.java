package jp.kenpoportal.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A deliberately small, blocking HTTP/1.1 client for the benchmarks: one keep-alive connection to
 * 127.0.0.1 per simulated browser, as a browser holds one, so the driver spends as little of the shared CPU
 * as it can. Handles Content-Length and chunked bodies and reconnects when the server closes the connection.
 */
final class BenchmarkHttpConnection implements AutoCloseable {

	private final int port;

	private final String hostHeader;

	private final String forwardedFor;

	private Socket socket;

	private InputStream in;

	private OutputStream out;

	BenchmarkHttpConnection(int port, String host, String forwardedFor) {
		this.port = port;
		this.hostHeader = host + ":" + port;
		this.forwardedFor = forwardedFor;
	}

	Response get(String path, String cookie) throws IOException {
		return send("GET", path, cookie, null);
	}

	Response post(String path, String cookie, String formBody) throws IOException {
		return send("POST", path, cookie, formBody);
	}

	private Response send(String method, String path, String cookie, String formBody) throws IOException {
		byte[] body = formBody == null ? null : formBody.getBytes(StandardCharsets.UTF_8);
		StringBuilder head = new StringBuilder(256).append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
			.append("Host: ").append(hostHeader).append("\r\n")
			.append("X-Forwarded-For: ").append(forwardedFor).append("\r\n")
			.append("User-Agent: KenpoPortalSignInBenchmark/1.0\r\n")
			.append("Accept: text/html\r\n")
			.append("Accept-Language: ja\r\n");
		if (cookie != null) {
			head.append("Cookie: ").append(cookie).append("\r\n");
		}
		if (body != null) {
			head.append("Content-Type: application/x-www-form-urlencoded\r\n")
				.append("Content-Length: ").append(body.length).append("\r\n");
		}
		head.append("\r\n");
		byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
		boolean fresh = socket == null;
		try {
			return exchange(headBytes, body);
		}
		catch (IOException e) {
			close();
			if (fresh) {
				throw e;
			}
			// the server closed an idle keep-alive connection: once more on a new one
			return exchange(headBytes, body);
		}
	}

	private Response exchange(byte[] head, byte[] body) throws IOException {
		if (socket == null) {
			socket = new Socket();
			socket.setTcpNoDelay(true);
			socket.setSoTimeout(60_000);
			socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
			in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
			out = socket.getOutputStream();
		}
		if (body == null) {
			out.write(head);
		}
		else {
			byte[] all = new byte[head.length + body.length];
			System.arraycopy(head, 0, all, 0, head.length);
			System.arraycopy(body, 0, all, head.length, body.length);
			out.write(all);
		}
		out.flush();
		String statusLine = readLine();
		if (statusLine == null) {
			throw new EOFException("connection closed before a response");
		}
		int status = Integer.parseInt(statusLine.substring(9, 12));
		Map<String, List<String>> headers = new LinkedHashMap<>();
		String line;
		while ((line = readLine()) != null && !line.isEmpty()) {
			int colon = line.indexOf(':');
			headers.computeIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>(2))
				.add(line.substring(colon + 1).trim());
		}
		byte[] content;
		String length = first(headers, "content-length");
		if ("chunked".equalsIgnoreCase(first(headers, "transfer-encoding"))) {
			content = readChunked();
		}
		else if (length != null) {
			content = in.readNBytes(Integer.parseInt(length));
		}
		else if (status == 204 || status == 304 || status / 100 == 1) {
			content = new byte[0];
		}
		else {
			content = in.readAllBytes();
			close();
		}
		if ("close".equalsIgnoreCase(first(headers, "connection"))) {
			close();
		}
		return new Response(status, headers, new String(content, StandardCharsets.UTF_8));
	}

	private byte[] readChunked() throws IOException {
		ByteArrayOutputStream body = new ByteArrayOutputStream(8192);
		while (true) {
			String sizeLine = readLine();
			if (sizeLine == null) {
				throw new EOFException("connection closed inside a chunked body");
			}
			int semicolon = sizeLine.indexOf(';');
			int size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
			if (size == 0) {
				String trailer;
				while ((trailer = readLine()) != null && !trailer.isEmpty()) {
					// trailers are not used by the portal
				}
				return body.toByteArray();
			}
			body.write(in.readNBytes(size));
			readLine();
		}
	}

	/** A header line (ISO-8859-1, CRLF stripped), or null at the end of the stream. */
	private String readLine() throws IOException {
		StringBuilder line = new StringBuilder(64);
		int b;
		while ((b = in.read()) != -1) {
			if (b == '\n') {
				int n = line.length();
				return n > 0 && line.charAt(n - 1) == '\r' ? line.substring(0, n - 1) : line.toString();
			}
			line.append((char) b);
		}
		return line.length() == 0 ? null : line.toString();
	}

	private static String first(Map<String, List<String>> headers, String name) {
		List<String> values = headers.get(name);
		return values == null ? null : values.get(0);
	}

	@Override
	public void close() {
		if (socket != null) {
			try {
				socket.close();
			}
			catch (IOException e) {
				// closing anyway
			}
		}
		socket = null;
		in = null;
		out = null;
	}

	/** One response: status, headers by lower-case name, body as text. */
	record Response(int status, Map<String, List<String>> headers, String body) {

		String header(String name) {
			return first(headers, name);
		}

		List<String> all(String name) {
			return headers.getOrDefault(name, List.of());
		}
	}
}
