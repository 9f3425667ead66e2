package jp.kenpoportal.portal;

import java.time.Instant;

/** An お知らせ as the kenpo's staff see it: what was written, and where it stands. */
public record KenpoNotice(long id, NoticeDraft draft, Instant createdAt, Instant updatedAt, Instant withdrawnAt) {

	public enum Status {
		/** not out yet */
		SCHEDULED,
		/** members in its audience see it */
		PUBLISHED,
		/** its publication window is over */
		ENDED,
		/** taken down by staff */
		WITHDRAWN;

		public String messageKey() {
			return "console.notices.status." + name();
		}
	}

	public Status status(Instant now) {
		if (withdrawnAt != null) {
			return Status.WITHDRAWN;
		}
		if (draft.publishFrom().isAfter(now)) {
			return Status.SCHEDULED;
		}
		return draft.publishUntil() != null && !draft.publishUntil().isAfter(now) ? Status.ENDED : Status.PUBLISHED;
	}

	/** Staff may edit or withdraw a notice until it is withdrawn. */
	public boolean editable() {
		return withdrawnAt == null;
	}
}
