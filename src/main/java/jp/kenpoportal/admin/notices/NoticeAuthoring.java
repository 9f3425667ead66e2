package jp.kenpoportal.admin.notices;

import java.util.Optional;

import jp.kenpoportal.admin.staff.StaffAccount;
import jp.kenpoportal.audit.AuditTrail;
import jp.kenpoportal.audit.AuditType;
import jp.kenpoportal.portal.KenpoNotice;
import jp.kenpoportal.portal.NoticeDraft;
import jp.kenpoportal.portal.Notices;
import jp.kenpoportal.tenant.Kenpo;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * お知らせ written by staff of one kenpo, through the portal's {@link Notices}: each change and
 * its audit event (the staff account, the notice, old and new values) commit together.
 */
@Service
class NoticeAuthoring {

	/** Audit details stay short: the body is not in them (the notice keeps it). */
	private static final int MAX_DETAIL = 2000;

	private final Notices notices;

	private final AuditTrail audit;

	NoticeAuthoring(Notices notices, AuditTrail audit) {
		this.notices = notices;
		this.audit = audit;
	}

	Optional<KenpoNotice> find(Kenpo kenpo, long noticeId) {
		return notices.findForKenpo(kenpo.id(), noticeId);
	}

	@Transactional
	long create(Kenpo kenpo, StaffAccount staff, NoticeDraft draft) {
		long id = notices.create(kenpo.id(), draft);
		record(kenpo, staff, AuditType.STAFF_NOTICE_CREATED, "notice " + id + ": " + summary(draft));
		return id;
	}

	@Transactional
	boolean update(Kenpo kenpo, StaffAccount staff, KenpoNotice before, NoticeDraft after) {
		if (!notices.update(kenpo.id(), before.id(), after)) {
			return false;
		}
		String bodyChange = before.draft().body().equals(after.body()) ? "" : " (本文を変更)";
		record(kenpo, staff, AuditType.STAFF_NOTICE_UPDATED,
				"notice " + before.id() + ": " + summary(before.draft()) + " → " + summary(after) + bodyChange);
		return true;
	}

	@Transactional
	boolean withdraw(Kenpo kenpo, StaffAccount staff, KenpoNotice notice) {
		if (!notices.withdraw(kenpo.id(), notice.id())) {
			return false;
		}
		record(kenpo, staff, AuditType.STAFF_NOTICE_WITHDRAWN, "notice " + notice.id() + ": " + notice.draft().title());
		return true;
	}

	private void record(Kenpo kenpo, StaffAccount staff, AuditType type, String detail) {
		audit.recordStaff(kenpo.id(), null, staff.id(), type,
				detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) : detail);
	}

	/** Title, window (Japan time), audience and mail alert, as one line. */
	static String summary(NoticeDraft d) {
		return "「" + d.title() + "」 " + NoticeForm.field(d.publishFrom()) + "〜"
				+ (d.publishUntil() == null ? "" : NoticeForm.field(d.publishUntil())) + " " + d.audience()
				+ (d.employerCodes().isEmpty() ? "" : d.employerCodes().toString()) + (d.mailAlert() ? " mail" : " no-mail");
	}
}
