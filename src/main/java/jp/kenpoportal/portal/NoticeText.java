package jp.kenpoportal.portal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The body of an お知らせ, which staff type as plain text, cut into what a template writes out
 * element by element: paragraphs (split at blank lines), their lines, and in each line text
 * and https links. Nothing here is HTML: the template escapes every piece, so markup typed by
 * staff stays visible text, and only an https address with a host becomes a link (a
 * {@code javascript:} or {@code http:} address stays text).
 */
public record NoticeText(List<Paragraph> paragraphs) {

	/** An address: https:// and the characters RFC 3986 allows; Japanese text ends it. */
	private static final Pattern HTTPS = Pattern.compile("https://[A-Za-z0-9\\-._~:/?#\\[\\]@!$&'()*+,;=%]+");

	/** Punctuation that ends a sentence rather than an address. */
	private static final String TRAILING = ".,;:!?'()[]";

	private static final Pattern BLANK_LINES = Pattern.compile("\\n[ \\t\\u3000]*\\n\\s*");

	public static NoticeText of(String body) {
		String text = body == null ? "" : body.replace("\r\n", "\n").replace('\r', '\n').strip();
		List<Paragraph> paragraphs = new ArrayList<>();
		if (!text.isEmpty()) {
			for (String paragraph : BLANK_LINES.split(text)) {
				paragraphs.add(new Paragraph(paragraph.lines().map(NoticeText::line).toList()));
			}
		}
		return new NoticeText(List.copyOf(paragraphs));
	}

	private static Line line(String line) {
		List<Segment> segments = new ArrayList<>();
		Matcher m = HTTPS.matcher(line);
		int at = 0;
		while (m.find()) {
			int end = m.end();
			while (end > m.start() && TRAILING.indexOf(line.charAt(end - 1)) >= 0 && !closesAParenthesis(line, m.start(), end)) {
				end--;
			}
			String address = line.substring(m.start(), end);
			if (!isLink(address)) {
				continue;
			}
			if (m.start() > at) {
				segments.add(new Segment(line.substring(at, m.start()), null));
			}
			segments.add(new Segment(address, address));
			at = end;
		}
		if (at < line.length() || segments.isEmpty()) {
			segments.add(new Segment(line.substring(at), null));
		}
		return new Line(List.copyOf(segments));
	}

	/** A ')' that closes a '(' inside the address (as in Wikipedia's addresses) belongs to it. */
	private static boolean closesAParenthesis(String line, int start, int end) {
		String address = line.substring(start, end);
		return address.endsWith(")") && address.chars().filter(c -> c == '(').count() >= address.chars().filter(c -> c == ')').count();
	}

	static boolean isLink(String address) {
		try {
			URI uri = new URI(address);
			return "https".equals(uri.getScheme()) && uri.getHost() != null && !uri.getHost().isEmpty();
		}
		catch (URISyntaxException e) {
			return false;
		}
	}

	/** A paragraph: lines kept as the staff member broke them. */
	public record Paragraph(List<Line> lines) {
	}

	public record Line(List<Segment> segments) {
	}

	/** Plain text, or a link when {@code href} is set (then {@code text} is the address itself). */
	public record Segment(String text, String href) {

		public boolean link() {
			return href != null;
		}
	}
}
