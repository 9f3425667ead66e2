package jp.kenpoportal.signin.emailcode;

import java.util.Locale;

import jp.kenpoportal.mail.MailOutbox;
import jp.kenpoportal.tenant.Kenpo;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Composes a member mail from {@code messages*.properties} and queues it in the outbox. */
@Component
public class MailTexts {

	private static final Locale JAPANESE = Locale.JAPANESE;

	private final MessageSource messages;

	private final MailOutbox outbox;

	MailTexts(MessageSource messages, MailOutbox outbox) {
		this.messages = messages;
		this.outbox = outbox;
	}

	/**
	 * Queues mail {@code key}: subject {@code mail.<key>.subject}, body {@code mail.<key>.body}
	 * with the given arguments, then the kenpo's signature.
	 */
	public void send(Kenpo kenpo, String to, String key, Object... args) {
		String subject = messages.getMessage("mail." + key + ".subject", new Object[] { kenpo.name() }, JAPANESE);
		String body = messages.getMessage("mail." + key + ".body", args, JAPANESE) + "\n\n"
				+ messages.getMessage("mail.signature",
						new Object[] { kenpo.name(), kenpo.contactEmail(), kenpo.publicBaseUrl() }, JAPANESE);
		outbox.enqueue(kenpo.id(), to, subject, body);
	}
}
