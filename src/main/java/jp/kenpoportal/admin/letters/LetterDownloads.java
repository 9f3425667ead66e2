package jp.kenpoportal.admin.letters;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.Optional;

import jp.kenpoportal.account.TemporaryCredentials;
import jp.kenpoportal.admin.staff.StaffAccount;
import jp.kenpoportal.audit.AuditTrail;
import jp.kenpoportal.audit.AuditType;
import jp.kenpoportal.tenant.Kenpo;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one download of a batch's PDF, in one transaction: the row is locked, the letters'
 * credentials are issued (they replace the members' earlier initial passwords now, not before:
 * letters nobody took void nothing), the PDF is written out, and once its last byte has gone to
 * the client it is deleted, audited. A download that breaks off rolls all of it back and may be
 * tried again; a second download finds nothing.
 */
@Service
class LetterDownloads {

	private final LetterBatches batches;

	private final TemporaryCredentials credentials;

	private final AuditTrail audit;

	private final java.time.Clock clock;

	LetterDownloads(LetterBatches batches, TemporaryCredentials credentials, AuditTrail audit, java.time.Clock clock) {
		this.batches = batches;
		this.credentials = credentials;
		this.audit = audit;
		this.clock = clock;
	}

	/** Writes the PDF through {@code open} (called once, with its length); empty when there is none. */
	@Transactional(rollbackFor = IOException.class)
	public Optional<TemporaryCredentials.Issued> download(Kenpo kenpo, LetterBatch batch, StaffAccount staff,
			Sink open) throws IOException {
		byte[] pdf = batches.lockPdf(kenpo.id(), batch.id(), clock.instant()).orElse(null);
		if (pdf == null) {
			return Optional.empty();
		}
		TemporaryCredentials.Issued issued = credentials.issue(kenpo.id(), batch.id());
		// reprinting voids the old letter: the older batches' pages say how many of theirs
		Map<Long, Integer> voided = batches.voidOlder(kenpo.id(), batch.id());
		try (OutputStream out = open.open(pdf.length)) {
			out.write(pdf);
			out.flush();
		}
		batches.downloaded(kenpo.id(), batch.id(), staff.id(), clock.instant());
		audit.recordStaff(kenpo.id(), null, staff.id(), AuditType.LETTER_BATCH_ISSUED,
				"batch %d: %s, %d letters (%d new 仮ユーザID)%s".formatted(batch.id(), batch.target(), issued.issued(),
						issued.newAccounts(), voided.isEmpty() ? "" : "; voids letters of older batches " + voided));
		audit.recordStaff(kenpo.id(), null, staff.id(), AuditType.LETTER_BATCH_DOWNLOADED,
				"batch %d: %d letters, %d bytes; PDF deleted".formatted(batch.id(), batch.total(), pdf.length));
		return Optional.of(issued);
	}

	interface Sink {

		OutputStream open(int length) throws IOException;
	}
}
