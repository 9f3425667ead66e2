package jp.kenpoportal.mail.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jp.kenpoportal.mail.ReceivedMail;
import jp.kenpoportal.mail.ReceivedMail.Segment;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Shows every mail the embedded SMTP server received, newest first, links clickable. Only
 * when the embedded server runs: with a real SMTP host there is no such page.
 */
@Controller
@ConditionalOnExpression("'${spring.mail.host:}'.isEmpty()")
class DevMailboxController {

	private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]+");

	private final GreenMail server;

	DevMailboxController(GreenMail server) {
		this.server = server;
	}

	@GetMapping("/dev/mailbox")
	String mailbox(Model model, jakarta.servlet.http.HttpServletRequest request,
			jakarta.servlet.http.HttpServletResponse response) throws Exception {
		// only for the developer's own machine, even on a server that runs the embedded defaults
		if (!java.net.InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress()) {
			response.sendError(404);
			return null;
		}
		List<MimeMessage> messages = new ArrayList<>(Arrays.asList(server.getReceivedMessages()));
		// the server keeps arrival order; the newest first (sent dates have only second precision)
		Collections.reverse(messages);
		List<ReceivedMail> mails = new ArrayList<>();
		for (MimeMessage m : messages) {
			mails.add(new ReceivedMail(String.join(", ", addresses(m)), m.getSubject(), sentDate(m),
					segments(plainText(m))));
		}
		model.addAttribute("mails", mails);
		return "dev/mailbox";
	}

	private static List<String> addresses(MimeMessage m) throws Exception {
		return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).map(Object::toString).toList();
	}

	private static Date sentDate(MimeMessage m) {
		try {
			return m.getSentDate() == null ? new Date(0) : m.getSentDate();
		}
		catch (Exception e) {
			return new Date(0);
		}
	}

	static String plainText(Part part) throws Exception {
		if (part.isMimeType("text/plain")) {
			return (String) part.getContent();
		}
		if (part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				String text = plainText(multipart.getBodyPart(i));
				if (text != null) {
					return text;
				}
			}
		}
		return null;
	}

	private static List<Segment> segments(String text) {
		List<Segment> out = new ArrayList<>();
		if (text == null) {
			return out;
		}
		Matcher m = URL.matcher(text);
		int last = 0;
		while (m.find()) {
			out.add(new Segment(text.substring(last, m.start()), false));
			out.add(new Segment(m.group(), true));
			last = m.end();
		}
		out.add(new Segment(text.substring(last), false));
		return out;
	}
}
