package jp.kenpoportal.member;

/**
 * 資格区分 of a roster row, as the kenpo's core system delivers it: an ordinary 被保険者 (and
 * family) employed at a 事業所, a 任意継続被保険者 who kept the kenpo for up to two years after
 * leaving, or a 特例退職被保険者 (retiree of a 特定健康保険組合). DOMAIN.md §4.1 and §5: kenpo
 * treat the last two apart (own bank account, no employer; some flu rules exclude them). A
 * dependant carries the kind of their 被保険者.
 */
public enum QualificationKind {

	GENERAL, CONTINUED, SPECIAL_RETIREE;

	/** Left the employer: a benefit the kenpo pays through employers goes to their own account. */
	public boolean withoutEmployer() {
		return this != GENERAL;
	}

	public String messageKey() {
		return "member.qualificationKind." + name();
	}
}
