package jp.kenpoportal.support;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/** Reads what the embedded SMTP server received, as a member reads their mail. */
public class Mailbox {

	private static final Pattern CODE = Pattern.compile("コード：(\\d{6})");

	private static final Pattern LINK = Pattern.compile("https?://\\S+/email/verify\\?token=[A-Za-z0-9_-]+");

	private final GreenMail server;

	private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

	Mailbox(GreenMail server, org.springframework.jdbc.core.simple.JdbcClient jdbc) {
		this.server = server;
		this.jdbc = jdbc;
	}

	public List<Mail> to(String address) {
		return Arrays.stream(server.getReceivedMessages())
			.filter(m -> recipients(m).contains(address.toLowerCase(java.util.Locale.ROOT)))
			.map(Mailbox::read)
			.toList();
	}

	/** Waits for the {@code n}-th mail (1-based) to the address. */
	public Mail awaitMail(String address, int n) {
		return Eventually.value(Duration.ofSeconds(15), () -> {
			List<Mail> mails = to(address);
			return mails.size() >= n ? java.util.Optional.of(mails.get(n - 1)) : java.util.Optional.empty();
		}, () -> "no mail number " + n + " to " + address + " within 15 s; got " + to(address));
	}

	/**
	 * How many mails the address has received, once the outbox has delivered what it holds for
	 * it: a count taken while an earlier mail is still on its way would make the next mail
	 * awaited the wrong one.
	 */
	public int count(String address) {
		Eventually.within(Duration.ofSeconds(15), () -> queued(address) == 0);
		return to(address).size();
	}

	/** How many mails the address has received so far, not waiting for the outbox. */
	public int countNow(String address) {
		return to(address).size();
	}

	private int queued(String address) {
		return jdbc.sql("select count(*) from mail_outbox where lower(recipient) = lower(?) and sent_at is null")
			.param(address)
			.query(Integer.class)
			.single();
	}

	private static List<String> recipients(MimeMessage m) {
		try {
			return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
				.map(a -> ((jakarta.mail.internet.InternetAddress) a).getAddress().toLowerCase(java.util.Locale.ROOT))
				.toList();
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	private static Mail read(MimeMessage m) {
		try {
			return new Mail(m.getSubject(), text(m), html(m));
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	private static String text(Part part) throws Exception {
		return find(part, "text/plain");
	}

	private static String html(Part part) throws Exception {
		return find(part, "text/html");
	}

	private static String find(Part part, String type) throws Exception {
		if (part.isMimeType(type)) {
			return (String) part.getContent();
		}
		if (part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				String found = find(multipart.getBodyPart(i), type);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	/** One mail as the member sees it. */
	public record Mail(String subject, String text, String html) {

		public String code() {
			Matcher m = CODE.matcher(text);
			if (!m.find()) {
				throw new AssertionError("no code in mail: " + text);
			}
			return m.group(1);
		}

		public String verificationLink() {
			Matcher m = LINK.matcher(text);
			if (!m.find()) {
				throw new AssertionError("no link in mail: " + text);
			}
			return m.group();
		}
	}
}
