package jp.kenpoportal.admin.imports;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A job's state as JSON, for the progress script and the import API. */
final class ImportStatus {

	private ImportStatus() {
	}

	static Map<String, Object> of(ImportJob job, Instant now) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", job.id());
		m.put("kind", job.kind().path());
		m.put("state", job.state().name());
		m.put("running", job.running());
		m.put("fileName", job.fileName());
		m.put("sha256", job.sha256());
		m.put("encoding", job.encoding());
		m.put("bytes", job.sizeBytes());
		m.put("bytesRead", job.bytesRead());
		m.put("percent", job.percent());
		m.put("rowsRead", job.rowsRead());
		m.put("rowsPerSecond", job.rowsPerSecond(now));
		m.put("errors", job.errorCount());
		m.put("inserted", job.inserted());
		m.put("updated", job.updated());
		m.put("unchanged", job.unchanged());
		m.put("lost", job.lost());
		m.put("rekeyed", job.rekeyed());
		m.put("failure", job.failure());
		return m;
	}
}
