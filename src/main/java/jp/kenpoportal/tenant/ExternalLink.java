package jp.kenpoportal.tenant;

/**
 * A link tile to a service the kenpo runs elsewhere (人間ドック等予約, 電子申請, …): opened in a
 * new tab, always over HTTPS.
 */
public record ExternalLink(String title, String url) {

	public ExternalLink {
		if (title == null || title.isBlank()) {
			throw new IllegalArgumentException("a link needs a title");
		}
		if (url == null || !url.matches("https://[^\\s]+")) {
			throw new IllegalArgumentException("links must be https:// URLs: " + url);
		}
	}
}
