package jp.kenpoportal.admin.imports;

import java.time.Instant;

/** An import API client of a kenpo (table import_api_client), without its secret. */
public record ApiClient(long id, long kenpoId, String clientId, String name, Instant createdAt, Instant rotatedAt,
		Instant revokedAt, Instant lastUsedAt) {

	public boolean revoked() {
		return revokedAt != null;
	}
}
