package jp.kenpoportal.portal;

import java.util.Locale;
import java.util.Set;

import gg.jte.TemplateOutput;
import gg.jte.html.OwaspHtmlTemplateOutput;

/**
 * jte's context-sensitive HTML output, escaping text and attribute values as Thymeleaf's {@code th:text} and
 * {@code th:attr} do ({@code & < > " '} as {@code &amp; &lt; &gt; &quot; &#39;}), so that a page moved to jte
 * sends the same bytes as before (issue 14). Inside {@code <script>} and {@code <style>}, and for a
 * {@code javascript:} link, jte's own handling stays.
 */
final class ThymeleafEscapingOutput extends OwaspHtmlTemplateOutput {

	private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "action", "formaction", "xlink:href",
			"poster", "cite", "data");

	private String tagName;

	private String attributeName;

	ThymeleafEscapingOutput(TemplateOutput output) {
		super(output);
	}

	@Override
	public void setContext(String tagName, String attributeName) {
		super.setContext(tagName, attributeName);
		this.tagName = tagName;
		this.attributeName = attributeName;
	}

	@Override
	public void writeUserContent(String value) {
		if (value == null || jteHandles(value)) {
			super.writeUserContent(value);
			return;
		}
		int plain = 0;
		for (int i = 0; i < value.length(); i++) {
			String entity = switch (value.charAt(i)) {
				case '&' -> "&amp;";
				case '<' -> "&lt;";
				case '>' -> "&gt;";
				case '"' -> "&quot;";
				case '\'' -> "&#39;";
				default -> null;
			};
			if (entity != null) {
				writeContent(value, plain, i);
				writeContent(entity);
				plain = i + 1;
			}
		}
		writeContent(value, plain, value.length());
	}

	private boolean jteHandles(String value) {
		if (attributeName == null) {
			return "script".equals(tagName) || "style".equals(tagName);
		}
		return attributeName.startsWith("on") || URL_ATTRIBUTES.contains(attributeName)
				&& value.strip().toLowerCase(Locale.ROOT).startsWith("javascript:");
	}
}
