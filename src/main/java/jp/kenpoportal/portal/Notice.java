package jp.kenpoportal.portal;

import java.time.Instant;

/** An お知らせ of the kenpo as a member reads it, with whether this member has opened it. */
public record Notice(long id, String title, String body, Instant publishFrom, Instant publishUntil, boolean read) {

	/** The body as paragraphs, lines and links, for the template to escape piece by piece. */
	public NoticeText text() {
		return NoticeText.of(body);
	}
}
