package jp.kenpoportal.faults;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

/**
 * The embedded SMTP server (GreenMail) the nodes send to, which the suite can take away (nothing
 * listens) or replace with one that accepts connections and never answers. Mails received by
 * every incarnation are kept, to count each mail once.
 */
final class SmtpServer {

	final int port;

	private final List<MimeMessage> received = Collections.synchronizedList(new ArrayList<>());

	private GreenMail greenMail;

	private ServerSocket silent;

	private final List<Socket> held = Collections.synchronizedList(new ArrayList<>());

	SmtpServer(int port) {
		this.port = port;
	}

	/** Starts GreenMail, trying again while the port is still held by connections of the silent server. */
	synchronized void start() throws InterruptedException {
		for (int attempt = 0;; attempt++) {
			try {
				greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
				greenMail.start();
				return;
			}
			catch (IllegalStateException portStillHeld) {
				if (attempt >= 60) {
					throw portStillHeld;
				}
				Thread.sleep(1000);
			}
		}
	}

	/** Nothing listens any more: connections are refused. */
	synchronized void stop() {
		keep();
		greenMail.stop();
		greenMail = null;
	}

	/** Something listens, accepts and never says a word. */
	synchronized void silent() throws IOException {
		silent = new ServerSocket();
		silent.setReuseAddress(true);
		silent.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
		Thread acceptor = new Thread(() -> {
			try {
				while (true) {
					held.add(silent.accept());
				}
			}
			catch (IOException closed) {
				// stopped
			}
		}, "silent-smtp");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	synchronized void endSilence() throws IOException {
		silent.close();
		for (Socket s : held) {
			s.close();
		}
		held.clear();
	}

	/** Every mail received so far, by every incarnation of the server. */
	synchronized List<MimeMessage> all() {
		List<MimeMessage> all = new ArrayList<>(received);
		if (greenMail != null) {
			all.addAll(List.of(greenMail.getReceivedMessages()));
		}
		return all;
	}

	synchronized List<MimeMessage> to(String address) {
		return all().stream().filter(m -> recipients(m).contains(address.toLowerCase(Locale.ROOT))).toList();
	}

	private void keep() {
		received.addAll(List.of(greenMail.getReceivedMessages()));
	}

	static List<String> recipients(MimeMessage m) {
		try {
			Address[] to = m.getRecipients(Message.RecipientType.TO);
			return to == null ? List.of() : java.util.Arrays.stream(to).map(a -> a.toString().toLowerCase(Locale.ROOT)).toList();
		}
		catch (Exception e) {
			return List.of();
		}
	}

	synchronized void close() throws IOException {
		if (greenMail != null) {
			greenMail.stop();
		}
		if (silent != null && !silent.isClosed()) {
			endSilence();
		}
	}
}
