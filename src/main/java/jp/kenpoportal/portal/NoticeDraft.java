package jp.kenpoportal.portal;

import java.time.Instant;
import java.util.List;

/**
 * An お知らせ as kenpo staff write it: plain text (paragraphs by blank lines, https addresses
 * become links), its publication window ({@code publishUntil} may be null: no end), its
 * audience with the 事業所 codes for {@link NoticeAudience#EMPLOYERS}, and whether its
 * publication is mailed to the members who asked for お知らせメール.
 */
public record NoticeDraft(String title, String body, Instant publishFrom, Instant publishUntil,
		NoticeAudience audience, List<String> employerCodes, boolean mailAlert) {

	public NoticeDraft {
		employerCodes = audience == NoticeAudience.EMPLOYERS ? List.copyOf(employerCodes) : List.of();
	}

	/** The notice as its readers will see it (for a preview). */
	public Notice asRead(long id) {
		return new Notice(id, title, body, publishFrom, publishUntil, true);
	}
}
