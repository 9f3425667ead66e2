package jp.kenpoportal.admin.support;

import jp.kenpoportal.common.TypedInput;

/**
 * What staff typed into the member search, normalised for its kind: NFKC (全角 and 半角 alike,
 * 半角カナ to 全角), ひらがな as カタカナ, lower case for user IDs and mail addresses, digits only
 * for 記号・番号. Either a value or the key of a Japanese message.
 */
record SearchText(String value, String error) {

	static SearchText of(SearchKind kind, String raw) {
		String text = TypedInput.text(raw);
		if (text.length() > MemberSupportController.MAX_QUERY) {
			return new SearchText(null, "console.members.error.long");
		}
		return switch (kind) {
			case NUMBER -> {
				String digits = TypedInput.digits(text);
				yield digits.matches("[0-9]{1,20}") ? new SearchText(digits, null)
						: new SearchText(null, "console.members.error.number");
			}
			case KANA -> {
				String kana = katakana(text).replace(" ", "").replace("　", "");
				yield kana.matches("[\\u30A0-\\u30FF]+") ? new SearchText(kana, null)
						: new SearchText(null, "console.members.error.kana");
			}
			case USER_ID -> new SearchText(TypedInput.userId(text), null);
			case EMAIL -> new SearchText(TypedInput.email(text).toLowerCase(java.util.Locale.ROOT), null);
		};
	}

	/** ひらがな to カタカナ: the two blocks are 0x60 apart. */
	private static String katakana(String text) {
		StringBuilder out = new StringBuilder(text.length());
		text.codePoints().forEach(c -> out.appendCodePoint(c >= 0x3041 && c <= 0x3096 ? c + 0x60 : c));
		return out.toString();
	}
}
