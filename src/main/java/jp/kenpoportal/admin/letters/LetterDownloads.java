package jp.kenpoportal.admin.letters;

import java.io.IOException;
import java.io.OutputStream;

import jp.kenpoportal.admin.staff.StaffAccount;
import jp.kenpoportal.audit.AuditTrail;
import jp.kenpoportal.audit.AuditType;
import jp.kenpoportal.tenant.Kenpo;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one download of a batch's PDF: the row is locked, the PDF written out, and only once the
 * last byte has gone to the client is it deleted (and audited), all in one transaction. A
 * download that breaks off rolls back and may be tried again; a second download finds nothing.
 */
@Service
class LetterDownloads {

	private final LetterBatches batches;

	private final AuditTrail audit;

	private final java.time.Clock clock;

	LetterDownloads(LetterBatches batches, AuditTrail audit, java.time.Clock clock) {
		this.batches = batches;
		this.audit = audit;
		this.clock = clock;
	}

	/** Writes the PDF through {@code open} (called once, with its length); false when there is none. */
	@Transactional(rollbackFor = IOException.class)
	public boolean download(Kenpo kenpo, LetterBatch batch, StaffAccount staff, Sink open) throws IOException {
		byte[] pdf = batches.lockPdf(kenpo.id(), batch.id(), clock.instant()).orElse(null);
		if (pdf == null) {
			return false;
		}
		try (OutputStream out = open.open(pdf.length)) {
			out.write(pdf);
			out.flush();
		}
		batches.downloaded(kenpo.id(), batch.id(), staff.id(), clock.instant());
		audit.recordStaff(kenpo.id(), null, staff.id(), AuditType.LETTER_BATCH_DOWNLOADED,
				"batch %d: %d letters, %d bytes; PDF deleted".formatted(batch.id(), batch.total(), pdf.length));
		return true;
	}

	interface Sink {

		OutputStream open(int length) throws IOException;
	}
}
