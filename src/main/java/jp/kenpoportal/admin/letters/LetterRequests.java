package jp.kenpoportal.admin.letters;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import jp.kenpoportal.account.RecipientFilter;
import jp.kenpoportal.account.TemporaryCredentials;
import jp.kenpoportal.admin.staff.StaffAccount;
import jp.kenpoportal.audit.AuditTrail;
import jp.kenpoportal.audit.AuditType;
import jp.kenpoportal.tenant.Kenpo;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a staff member's request for letters, with its audit event, for the job to make. One
 * batch per kenpo at a time: two at once would give the same members two letters, one void.
 */
@Service
class LetterRequests {

	private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

	private final LetterBatches batches;

	private final TemporaryCredentials credentials;

	private final AuditTrail audit;

	private final JdbcClient jdbc;

	private final Clock clock;

	LetterRequests(LetterBatches batches, TemporaryCredentials credentials, AuditTrail audit, JdbcClient jdbc,
			Clock clock) {
		this.batches = batches;
		this.credentials = credentials;
		this.audit = audit;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** How many letters the request would make today. */
	int count(Kenpo kenpo, RecipientFilter filter) {
		return credentials.countNotRegistered(kenpo.id(), today(), filter);
	}

	/** The new batch's ID, or empty when one of the kenpo is still being made. */
	@Transactional
	java.util.OptionalLong request(Kenpo kenpo, StaffAccount staff, LetterRequest form, int count) {
		// serialises requests of one kenpo: the check and the insert below see the same state
		jdbc.sql("select id from kenpo where id = ? for update").param(kenpo.id()).query(Long.class).single();
		if (batches.working(kenpo.id())) {
			return java.util.OptionalLong.empty();
		}
		LetterBatch.Scope scope = form.chosenScope();
		boolean household = scope == LetterBatch.Scope.HOUSEHOLD;
		List<String> codes = scope == LetterBatch.Scope.EMPLOYERS ? form.employerCodes().stream().distinct().toList()
				: List.of();
		long id = batches.create(kenpo.id(), staff.id(), scope, codes, household ? form.typedSymbol() : null,
				household ? form.typedNumber() : null, form.typedReason(), clock.instant());
		String target = switch (scope) {
			case ALL -> "ALL";
			case EMPLOYERS -> "EMPLOYERS " + String.join(",", codes);
			case HOUSEHOLD -> "HOUSEHOLD " + form.typedSymbol() + "-" + form.typedNumber();
		};
		audit.recordStaff(kenpo.id(), null, staff.id(), AuditType.LETTER_BATCH_REQUESTED,
				"batch %d: %s, %d letters: %s".formatted(id, target, count, form.typedReason()));
		return java.util.OptionalLong.of(id);
	}

	LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), JAPAN);
	}
}
