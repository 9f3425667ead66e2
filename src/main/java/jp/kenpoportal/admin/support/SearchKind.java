package jp.kenpoportal.admin.support;

/** What staff search members by. */
public enum SearchKind {

	NUMBER, KANA, USER_ID, EMAIL;

	public String messageKey() {
		return "console.members.kind." + name();
	}

	static SearchKind parse(String value) {
		for (SearchKind kind : values()) {
			if (kind.name().equals(value)) {
				return kind;
			}
		}
		return NUMBER;
	}
}
