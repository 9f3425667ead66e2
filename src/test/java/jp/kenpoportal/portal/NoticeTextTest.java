package jp.kenpoportal.portal;

import java.util.List;

import jp.kenpoportal.portal.NoticeText.Segment;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** An お知らせ body as paragraphs, lines and links: only https addresses with a host become links. */
class NoticeTextTest {

	@Test
	void whenBlankLinesSeparateTextThenEachPartIsAParagraphKeepingItsLines() {
		NoticeText text = NoticeText.of("一行目\r\n二行目\n\n\n三段落目\n　\n四段落目");

		assertThat(text.paragraphs()).hasSize(3);
		assertThat(text.paragraphs().get(0).lines()).hasSize(2);
		assertThat(text.paragraphs().get(1).lines().get(0).segments()).containsExactly(new Segment("三段落目", null));
		assertThat(text.paragraphs().get(2).lines().get(0).segments()).containsExactly(new Segment("四段落目", null));
	}

	@Test
	void whenAnHttpsAddressIsInALineThenItAloneBecomesALinkWithoutTheSentencesPunctuation() {
		List<Segment> segments = NoticeText.of("詳しくは https://example.com/a?b=1&c=2. をご覧ください。https://example.com/x（本社）")
			.paragraphs().get(0).lines().get(0).segments();

		assertThat(segments).containsExactly(new Segment("詳しくは ", null),
				new Segment("https://example.com/a?b=1&c=2", "https://example.com/a?b=1&c=2"),
				new Segment(". をご覧ください。", null), new Segment("https://example.com/x", "https://example.com/x"),
				new Segment("（本社）", null));
	}

	@Test
	void whenTheTextHoldsMarkupOrOtherSchemesThenTheyStayText() {
		String body = "<script>alert(1)</script> javascript:alert(1) http://example.com https:// https://:80/";
		List<Segment> segments = NoticeText.of(body).paragraphs().get(0).lines().get(0).segments();

		assertThat(segments).noneMatch(Segment::link);
		assertThat(segments.stream().map(Segment::text).reduce("", String::concat)).isEqualTo(body);
	}

	@Test
	void whenAnAddressEndsWithAParenthesisItOpenedThenTheParenthesisBelongsToIt() {
		assertThat(NoticeText.of("(https://example.com/wiki/A_(B))").paragraphs().get(0).lines().get(0).segments())
			.contains(new Segment("https://example.com/wiki/A_(B)", "https://example.com/wiki/A_(B)"));
	}
}
