package jp.kenpoportal.flu;

/** Why a household member cannot be claimed for: each has a plain-Japanese message. */
public enum Ineligible {

	/** Not qualified (資格なし) on the vaccination date, or never in the season. */
	NOT_QUALIFIED,
	/** A 被扶養者 where the kenpo covers 被保険者 only (or the other way round). */
	NOT_COVERED,
	/** A person of a 任意継続・特例退職 household where the kenpo covers ordinary households only. */
	CONTINUED_NOT_COVERED,
	TOO_YOUNG,
	TOO_OLD,
	/** Already in another application of the season. */
	ALREADY_CLAIMED;

	public String messageKey() {
		return "flu.ineligible." + name();
	}
}
