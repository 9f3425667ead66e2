package jp.kenpoportal.flu;

/**
 * The states of an application: 下書き (receipts kept while the member fills the form), 申請中,
 * 審査中, 修正依頼, 承認, 却下, 取り下げ, 支払済.
 */
public enum FluState {

	DRAFT, SUBMITTED, IN_REVIEW, SENT_BACK, APPROVED, REJECTED, WITHDRAWN, PAID;

	/** The member may change it: a draft, or one the kenpo sent back. */
	public boolean editableByMember() {
		return this == DRAFT || this == SENT_BACK;
	}

	/** The member may withdraw it until review starts (a sent-back one, too). */
	public boolean withdrawable() {
		return this == DRAFT || this == SUBMITTED || this == SENT_BACK;
	}

	/** Counts against the season's one-per-person (or household) rule. */
	public boolean active() {
		return this != REJECTED && this != WITHDRAWN;
	}

	public String messageKey() {
		return "flu.state." + name();
	}
}
