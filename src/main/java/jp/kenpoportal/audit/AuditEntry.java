package jp.kenpoportal.audit;

import java.time.Instant;

public record AuditEntry(AuditType type, Instant occurredAt, String clientIp, String userAgent, String detail) {
}
