package jp.kenpoportal.admin.audit;

/**
 * One event of the audit viewer with its names resolved for people (user IDs rather than row IDs); public for
 * the page's jte template (admin/audit.jte), which is compiled in another package.
 */
public record AuditRow(String at, String label, String member, String staff, String address, String detail) {
}
