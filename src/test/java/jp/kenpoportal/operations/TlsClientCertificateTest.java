package jp.kenpoportal.operations;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.sql.DriverManager;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * ASVS 5.0 12.3.2: the portal's TLS clients check the server's certificate, chain and name, before
 * they say anything to it. Its two clients are the mail sender (Spring's JavaMailSenderImpl on Angus
 * Mail, as Boot builds it from SPRING_MAIL_*) and the PostgreSQL driver (with the
 * {@code sslmode=verify-full} that ProductionReadiness asks of a database on another machine). Each
 * meets a TLS server on 127.0.0.1 whose certificate keytool makes in a temporary folder for this
 * run (nothing in git): self-signed and trusted by no one, trusted but for another name, and (mail)
 * trusted for its own name. The server records every line the client sends after the handshake.
 */
class TlsClientCertificateTest {

	private static final char[] PASSWORD = "changeit".toCharArray();

	@TempDir
	static Path folder;

	private static KeyStore localhost;

	private static KeyStore otherName;

	@BeforeAll
	static void makeCertificates() throws Exception {
		localhost = keyStore("localhost", "dns:localhost,ip:127.0.0.1");
		otherName = keyStore("mail.other.example", "dns:mail.other.example");
	}

	@Test
	void theMailClientRefusesAServerWhoseCertificateNoOneTrustedAndSaysNothingToIt() throws Exception {
		try (SmtpsServer server = new SmtpsServer(localhost)) {
			JavaMailSenderImpl mail = smtps(server.port(), null);

			assertThatThrownBy(mail::testConnection).hasStackTraceContaining("PKIX path building failed");
			assertThat(server.linesReceived()).isEmpty();
		}
	}

	@Test
	void theMailClientRefusesATrustedCertificateForAnotherName() throws Exception {
		try (SmtpsServer server = new SmtpsServer(otherName)) {
			JavaMailSenderImpl mail = smtps(server.port(), otherName);

			assertThatThrownBy(mail::testConnection).hasStackTraceContaining("No subject alternative DNS name matching localhost");
			assertThat(server.linesReceived()).isEmpty();
		}
	}

	@Test
	void theMailClientTalksToATrustedServerOfItsName() throws Exception {
		try (SmtpsServer server = new SmtpsServer(localhost)) {
			JavaMailSenderImpl mail = smtps(server.port(), localhost);

			mail.testConnection();

			assertThat(server.linesReceived()).anyMatch(line -> line.startsWith("EHLO"));
		}
	}

	@Test
	void theDatabaseDriverWithVerifyFullRefusesAnUntrustedCertificateAndOneForAnotherName() throws Exception {
		Path otherRoot = pem("other-root.crt", otherName);
		try (PostgresTlsServer untrusted = new PostgresTlsServer(localhost);
				PostgresTlsServer wrongName = new PostgresTlsServer(otherName)) {
			// trusted: another certificate only
			assertThatThrownBy(() -> connect(untrusted.port(), otherRoot)).hasStackTraceContaining("PKIX path");
			// trusted, but issued to mail.other.example, not to localhost
			assertThatThrownBy(() -> connect(wrongName.port(), otherRoot)).hasMessageContaining("hostname");
			// the driver sent nothing over either connection: no startup message, no user name
			assertThat(untrusted.messagesAfterHandshake() + wrongName.messagesAfterHandshake()).isZero();
		}
	}

	private static void connect(int port, Path rootCertificate) throws Exception {
		Properties props = new Properties();
		props.setProperty("user", "portal");
		props.setProperty("password", "not-sent");
		props.setProperty("sslmode", "verify-full");
		props.setProperty("sslrootcert", rootCertificate.toString());
		props.setProperty("connectTimeout", "5");
		DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/kenpo", props).close();
	}

	private static JavaMailSenderImpl smtps(int port, KeyStore trusted) throws Exception {
		JavaMailSenderImpl mail = new JavaMailSenderImpl();
		mail.setHost("localhost");
		mail.setPort(port);
		mail.setProtocol("smtps");
		Properties props = new Properties();
		props.setProperty("mail.smtps.connectiontimeout", "5000");
		props.setProperty("mail.smtps.timeout", "5000");
		if (trusted != null) {
			// as an operator's trust store holding the server's certificate would
			props.put("mail.smtps.ssl.socketFactory", context(null, trusted).getSocketFactory());
			// refused, Angus Mail would try again with the JVM's own trust store (refused too); once is clearer
			props.setProperty("mail.smtps.ssl.socketFactory.fallback", "false");
			props.setProperty("mail.smtps.socketFactory.fallback", "false");
		}
		mail.setJavaMailProperties(props);
		return mail;
	}

	/** A key pair and self-signed certificate made by the JDK's keytool for this run. */
	private static KeyStore keyStore(String name, String san) throws Exception {
		Path file = folder.resolve(name + ".p12");
		Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
				"-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + name,
				"-ext", "SAN=" + san, "-validity", "2", "-storetype", "PKCS12", "-keystore", file.toString(),
				"-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))
			.redirectErrorStream(true)
			.start();
		String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(keytool.exitValue()).as(output).isZero();
		KeyStore store = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(file)) {
			store.load(in, PASSWORD);
		}
		return store;
	}

	private static Path pem(String fileName, KeyStore store) throws Exception {
		Certificate certificate = store.getCertificate("server");
		String pem = "-----BEGIN CERTIFICATE-----\n"
				+ Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded())
				+ "\n-----END CERTIFICATE-----\n";
		return Files.writeString(folder.resolve(fileName), pem);
	}

	/** Server side: the store's key; client side: trusts the store's certificate. */
	private static SSLContext context(KeyStore key, KeyStore trusted) throws Exception {
		SSLContext context = SSLContext.getInstance("TLS");
		KeyManagerFactory keys = null;
		if (key != null) {
			keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
			keys.init(key, PASSWORD);
		}
		TrustManagerFactory trust = null;
		if (trusted != null) {
			KeyStore anchors = KeyStore.getInstance("PKCS12");
			anchors.load(null, null);
			anchors.setCertificateEntry("server", trusted.getCertificate("server"));
			trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			trust.init(anchors);
		}
		context.init(keys == null ? null : keys.getKeyManagers(), trust == null ? null : trust.getTrustManagers(), null);
		return context;
	}

	/** Just enough SMTP over TLS for a connection test: a greeting, 250 to EHLO, 221 to QUIT. */
	private static final class SmtpsServer implements AutoCloseable {

		private final SSLServerSocket socket;

		private final List<String> lines = new CopyOnWriteArrayList<>();

		private final Thread thread;

		SmtpsServer(KeyStore key) throws Exception {
			socket = (SSLServerSocket) context(key, null).getServerSocketFactory()
				.createServerSocket(0, 5, InetAddress.getLoopbackAddress());
			thread = new Thread(this::serve, "tls-test-server");
			thread.setDaemon(true);
			thread.start();
		}

		int port() {
			return socket.getLocalPort();
		}

		List<String> linesReceived() {
			return lines;
		}

		/** Every connection in turn. */
		private void serve() {
			while (!socket.isClosed()) {
				try (Socket client = socket.accept()) {
					client.setSoTimeout(5000);
					converse(client);
				}
				catch (IOException e) {
					// the client hung up: a refused handshake ends here
				}
			}
		}

		private void converse(Socket client) throws IOException {
			OutputStream out = client.getOutputStream();
			out.write("220 localhost ESMTP\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
			for (String line = in.readLine(); line != null; line = in.readLine()) {
				lines.add(line);
				boolean quit = line.startsWith("QUIT");
				out.write((quit ? "221 bye\r\n" : "250 localhost\r\n").getBytes(StandardCharsets.US_ASCII));
				out.flush();
				if (quit) {
					return;
				}
			}
		}

		@Override
		public void close() throws IOException {
			socket.close();
		}
	}

	/** PostgreSQL's SSLRequest answered with 'S', then a TLS handshake; it counts clients that then send a message. */
	private static final class PostgresTlsServer implements AutoCloseable {

		private final ServerSocket socket = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());

		private final SSLContext context;

		private volatile int messages;

		private final Thread thread;

		PostgresTlsServer(KeyStore key) throws Exception {
			context = context(key, null);
			thread = new Thread(this::serve, "tls-test-server");
			thread.setDaemon(true);
			thread.start();
		}

		int port() {
			return socket.getLocalPort();
		}

		int messagesAfterHandshake() {
			return messages;
		}

		private void serve() {
			while (!socket.isClosed()) {
				try (Socket plain = socket.accept()) {
					plain.setSoTimeout(5000);
					plain.getInputStream().readNBytes(8);
					plain.getOutputStream().write('S');
					plain.getOutputStream().flush();
					SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(plain, null, plain.getPort(), false);
					tls.setUseClientMode(false);
					tls.startHandshake();
					// the client checks the name after the handshake and hangs up without a word
					if (tls.getInputStream().read() >= 0) {
						messages++;
					}
				}
				catch (IOException e) {
					// refused by the client
				}
			}
		}

		@Override
		public void close() throws IOException {
			socket.close();
		}
	}
}
