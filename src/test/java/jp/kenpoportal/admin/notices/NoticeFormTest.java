package jp.kenpoportal.admin.notices;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A control character pasted into a notice gets the field's message, never a database error. */
class NoticeFormTest {

	@Test
	void whenTheTitleOrTextHoldsANulThenEachFieldSaysSoAndLineBreaksStayAllowed() {
		NoticeForm form = new NoticeForm("お知らせ\u0000", "一行目\n\n二行目\u0000", "", "", "ALL", List.of(), false);

		assertThat(form.errors(List.of(), Instant.parse("2026-12-03T00:00:00Z")))
			.containsEntry("title", "console.notices.error.controlCharacter")
			.containsEntry("body", "console.notices.error.controlCharacter");
		assertThat(new NoticeForm("お知らせ", "一行目\r\n\r\n\t二行目", "", "", "ALL", List.of(), false)
			.errors(List.of(), Instant.parse("2026-12-03T00:00:00Z"))).isEmpty();
	}
}
