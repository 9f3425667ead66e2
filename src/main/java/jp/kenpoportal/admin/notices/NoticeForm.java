package jp.kenpoportal.admin.notices;

import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jp.kenpoportal.member.Employer;
import jp.kenpoportal.portal.NoticeAudience;
import jp.kenpoportal.portal.NoticeDraft;

/**
 * The お知らせ form as typed, with its checks; errors are message keys by field. Title and body
 * are kept as written (no width folding: the text is what members read); times are the
 * kenpo's, Japan time, as a datetime-local field sends them (or typed as 2026/12/03 10:00); a
 * blank start means "from the moment it is saved".
 */
record NoticeForm(String title, String body, String publishFrom, String publishUntil, String audience,
		List<String> employers, boolean mailAlert) {

	static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

	static final int MAX_TITLE = 200;

	static final int MAX_BODY = 10_000;

	private static final DateTimeFormatter FIELD = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

	NoticeForm {
		title = title == null ? "" : title;
		body = body == null ? "" : body;
		publishFrom = publishFrom == null ? "" : publishFrom;
		publishUntil = publishUntil == null ? "" : publishUntil;
		audience = audience == null ? NoticeAudience.ALL.name() : audience;
		employers = employers == null ? List.of() : List.copyOf(employers);
	}

	/** A new notice: out once saved, for everyone, mailed. */
	static NoticeForm empty() {
		return new NoticeForm("", "", "", "", NoticeAudience.ALL.name(), List.of(), true);
	}

	static NoticeForm of(NoticeDraft draft) {
		return new NoticeForm(draft.title(), draft.body(), field(draft.publishFrom()),
				draft.publishUntil() == null ? "" : field(draft.publishUntil()), draft.audience().name(),
				draft.employerCodes(), draft.mailAlert());
	}

	/** Input that a page may show again: absurdly long values are not echoed back. */
	NoticeForm kept() {
		return new NoticeForm(cap(title, MAX_TITLE * 4), cap(body, MAX_BODY * 2), cap(publishFrom, 40),
				cap(publishUntil, 40), cap(audience, 20), employers.size() > 1000 ? List.of() : employers, mailAlert);
	}

	/** Field name → message key; empty when the form makes a notice. */
	Map<String, String> errors(List<Employer> known, Instant now) {
		Map<String, String> errors = new LinkedHashMap<>();
		String t = cleanTitle();
		if (t.isEmpty()) {
			errors.put("title", "console.notices.error.title");
		}
		else if (jp.kenpoportal.common.TypedInput.hasControlCharacter(t)) {
			errors.put("title", "console.notices.error.controlCharacter");
		}
		else if (t.length() > MAX_TITLE) {
			errors.put("title", "console.notices.error.titleLong");
		}
		String b = cleanBody();
		if (b.isEmpty()) {
			errors.put("body", "console.notices.error.body");
		}
		else if (jp.kenpoportal.common.TypedInput.hasControlCharacter(b)) {
			errors.put("body", "console.notices.error.controlCharacter");
		}
		else if (b.length() > MAX_BODY) {
			errors.put("body", "console.notices.error.bodyLong");
		}
		Instant from = start(now);
		if (from == null) {
			errors.put("publishFrom", "console.notices.error.publishFrom");
		}
		Instant until = publishUntil.isBlank() ? null : time(publishUntil);
		if (!publishUntil.isBlank() && until == null) {
			errors.put("publishUntil", "console.notices.error.publishUntil");
		}
		else if (from != null && until != null && !until.isAfter(from)) {
			errors.put("publishUntil", "console.notices.error.untilBeforeFrom");
		}
		NoticeAudience a = parsedAudience();
		if (a == null) {
			errors.put("audience", "console.notices.error.audience");
		}
		else if (a == NoticeAudience.EMPLOYERS) {
			Set<String> codes = known.stream().map(Employer::code).collect(Collectors.toSet());
			if (employers.isEmpty()) {
				errors.put("employers", "console.notices.error.employers");
			}
			else if (!codes.containsAll(employers)) {
				errors.put("employers", "console.notices.error.unknownEmployer");
			}
		}
		return errors;
	}

	/** The notice the form makes; only once {@link #errors} is empty. */
	NoticeDraft draft(Instant now) {
		return new NoticeDraft(cleanTitle(), cleanBody(), start(now),
				publishUntil.isBlank() ? null : time(publishUntil), parsedAudience(),
				employers.stream().distinct().sorted().toList(), mailAlert);
	}

	private Instant start(Instant now) {
		return publishFrom.isBlank() ? now : time(publishFrom);
	}

	/** One line: line breaks in a title become spaces. */
	private String cleanTitle() {
		return title.replaceAll("[\\r\\n\\t]+", " ").strip();
	}

	private String cleanBody() {
		return body.replace("\r\n", "\n").replace('\r', '\n').strip();
	}

	private NoticeAudience parsedAudience() {
		for (NoticeAudience a : NoticeAudience.values()) {
			if (a.name().equals(audience)) {
				return a;
			}
		}
		return null;
	}

	/** Japan time from a datetime-local value, or typed with / and a space, 全角 digits allowed. */
	static Instant time(String typed) {
		String s = Normalizer.normalize(typed, Normalizer.Form.NFKC).strip().replace('/', '-').replaceFirst("\\s+", "T");
		try {
			return LocalDateTime.parse(s).atZone(JAPAN).toInstant();
		}
		catch (DateTimeParseException e) {
			try {
				return LocalDateTime.parse(s, DateTimeFormatter.ofPattern("yyyy-M-d'T'H:mm")).atZone(JAPAN).toInstant();
			}
			catch (DateTimeParseException again) {
				return null;
			}
		}
	}

	static String field(Instant instant) {
		return FIELD.format(instant.atZone(JAPAN));
	}

	private static String cap(String value, int max) {
		return value.length() > max ? "" : value;
	}
}
