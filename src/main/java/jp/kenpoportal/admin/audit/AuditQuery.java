package jp.kenpoportal.admin.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jp.kenpoportal.account.Account;
import jp.kenpoportal.account.Accounts;
import jp.kenpoportal.admin.staff.StaffAccount;
import jp.kenpoportal.admin.staff.StaffAccounts;
import jp.kenpoportal.audit.AuditLog;
import jp.kenpoportal.audit.AuditType;
import jp.kenpoportal.common.TypedInput;
import jp.kenpoportal.tenant.Kenpo;

/**
 * The audit viewer's filter as typed: type, member (user ID), staff (user ID), period (days in
 * Japan time, both inclusive). Either a filter of the kenpo or messages per field.
 */
public record AuditQuery(String type, String member, String staff, String from, String to) {

	static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

	public AuditQuery {
		type = type == null ? "" : type;
		member = member == null ? "" : member;
		staff = staff == null ? "" : staff;
		from = from == null ? "" : from;
		to = to == null ? "" : to;
	}

	record Result(AuditLog.Filter filter, Map<String, String> errors) {
	}

	Result resolve(Kenpo kenpo, Accounts accounts, StaffAccounts staffAccounts) {
		Map<String, String> errors = new LinkedHashMap<>();
		AuditType auditType = null;
		if (!type.isEmpty()) {
			try {
				auditType = AuditType.valueOf(type);
			}
			catch (IllegalArgumentException e) {
				errors.put("type", "console.audit.error.type");
			}
		}
		Long accountId = null;
		if (!member.isBlank()) {
			Optional<Account> account = accounts.findByLoginId(kenpo.id(), TypedInput.userId(member));
			if (account.isEmpty()) {
				errors.put("member", "console.audit.error.member");
			}
			else {
				accountId = account.get().id();
			}
		}
		Long staffId = null;
		if (!staff.isBlank()) {
			Optional<StaffAccount> found = staffAccounts.findByLoginId(staff)
				.filter(s -> s.operator() || (s.kenpoId() != null && s.kenpoId() == kenpo.id()));
			if (found.isEmpty()) {
				errors.put("staff", "console.audit.error.staff");
			}
			else {
				staffId = found.get().id();
			}
		}
		Instant fromInstant = day(from, "from", errors).map(d -> d.atStartOfDay(JAPAN).toInstant()).orElse(null);
		Instant untilInstant = day(to, "to", errors).map(d -> d.plusDays(1).atStartOfDay(JAPAN).toInstant()).orElse(null);
		if (fromInstant != null && untilInstant != null && !fromInstant.isBefore(untilInstant)) {
			errors.put("to", "console.audit.error.period");
		}
		return new Result(new AuditLog.Filter(kenpo.id(), auditType, accountId, staffId, fromInstant, untilInstant),
				errors);
	}

	private static Optional<LocalDate> day(String typed, String field, Map<String, String> errors) {
		String text = TypedInput.text(typed).replace('/', '-');
		if (text.isEmpty()) {
			return Optional.empty();
		}
		try {
			return Optional.of(LocalDate.parse(text));
		}
		catch (DateTimeParseException e) {
			errors.put(field, "console.audit.error.date");
			return Optional.empty();
		}
	}
}
