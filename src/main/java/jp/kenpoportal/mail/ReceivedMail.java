package jp.kenpoportal.mail;

import java.util.Date;
import java.util.List;

/**
 * One mail of the development mailbox page ({@code /dev/mailbox}), as shown: public because the page is a jte
 * template, compiled into the {@code dev} package of its folder, which can only read public types.
 *
 * @param to the recipients, comma-separated
 * @param subject the subject, null when there is none
 * @param sentAt when it was sent (the epoch when unknown)
 * @param body the plain text, cut into plain text and links
 */
public record ReceivedMail(String to, String subject, Date sentAt, List<Segment> body) {

	/** A piece of the body: a link (made clickable) or plain text. */
	public record Segment(String text, boolean link) {
	}
}
