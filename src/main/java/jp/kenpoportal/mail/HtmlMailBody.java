package jp.kenpoportal.mail;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.web.util.HtmlUtils;

/** The HTML alternative of a plain-text mail: the same words, escaped, with links clickable. */
public final class HtmlMailBody {

	private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]+");

	private HtmlMailBody() {
	}

	public static String from(String subject, String text) {
		StringBuilder body = new StringBuilder();
		for (String line : text.split("\n", -1)) {
			body.append(linkify(line)).append("<br>\n");
		}
		return """
				<!DOCTYPE html><html lang="ja"><head><meta charset="UTF-8"><title>%s</title></head>
				<body style="font-family: sans-serif; line-height: 1.6;">%s</body></html>"""
			.formatted(HtmlUtils.htmlEscape(subject), body);
	}

	private static String linkify(String line) {
		Matcher m = URL.matcher(line);
		StringBuilder out = new StringBuilder();
		int last = 0;
		while (m.find()) {
			out.append(HtmlUtils.htmlEscape(line.substring(last, m.start())));
			String url = HtmlUtils.htmlEscape(m.group());
			out.append("<a href=\"").append(url).append("\">").append(url).append("</a>");
			last = m.end();
		}
		return out.append(HtmlUtils.htmlEscape(line.substring(last))).toString();
	}
}
