package jp.kenpoportal.admin.imports;

import jp.kenpoportal.audit.AuditTrail;
import jp.kenpoportal.audit.AuditType;

import org.springframework.stereotype.Component;

/** Every import in the audit trail: who (staff or API client), file name, SHA-256, counts, result. */
@Component
class ImportAudit {

	private final AuditTrail audit;

	ImportAudit(AuditTrail audit) {
		this.audit = audit;
	}

	void received(ImportJob job) {
		record(job, AuditType.IMPORT_RECEIVED, job.staffId());
	}

	void discarded(ImportJob job, long staffId) {
		record(job, AuditType.IMPORT_DISCARDED, staffId);
	}

	void confirmed(ImportJob job, long staffId) {
		record(job, AuditType.IMPORT_APPLIED, staffId, "confirmed");
	}

	void finished(ImportJob job) {
		AuditType type = switch (job.state()) {
			case PREVIEW -> AuditType.IMPORT_PREVIEWED;
			case APPLIED -> AuditType.IMPORT_APPLIED;
			case UNCHANGED -> AuditType.IMPORT_UNCHANGED;
			default -> AuditType.IMPORT_FAILED;
		};
		record(job, type, job.staffId());
	}

	private void record(ImportJob job, AuditType type, Long staffId) {
		record(job, type, staffId, null);
	}

	private void record(ImportJob job, AuditType type, Long staffId, String note) {
		String detail = "job=%d kind=%s file=%s sha256=%s bytes=%d encoding=%s month=%s created=%s rows=%d errors=%d inserted=%d updated=%d unchanged=%d lost=%d rekeyed=%d result=%s%s%s"
			.formatted(job.id(), job.kind(), job.fileName(), job.sha256(), job.sizeBytes(), job.encoding(),
					job.targetMonth().toString().substring(0, 7), job.fileCreatedOn(), job.rowsRead(), job.errorCount(),
					job.inserted(), job.updated(), job.unchanged(), job.lost(), job.rekeyed(), job.state(),
					job.failure() == null ? "" : " failure=" + job.failure(),
					(job.apiClientId() == null ? "" : " client=" + job.apiClientId()) + (note == null ? "" : " " + note));
		if (staffId != null) {
			audit.recordStaff(job.kenpoId(), null, staffId, type, detail);
		}
		else {
			audit.record(job.kenpoId(), null, type, detail);
		}
	}
}
