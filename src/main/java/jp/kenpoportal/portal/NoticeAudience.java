package jp.kenpoportal.portal;

/**
 * Whom an お知らせ is for: every member, the insured only (被保険者 still qualified), or the members
 * at the 事業所 the notice names. A member sees a notice only when they are in its audience.
 */
public enum NoticeAudience {

	ALL, INSURED, EMPLOYERS;

	public String messageKey() {
		return "console.notices.audience." + name();
	}
}
