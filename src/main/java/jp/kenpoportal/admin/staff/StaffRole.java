package jp.kenpoportal.admin.staff;

/**
 * What a staff member may do: 運用者 (the operator: every kenpo, creates kenpo and their first
 * 管理者), 管理者 (settings, staff accounts, and everything a 担当者 does), 担当者 (member
 * support), 閲覧者 (dashboard and audit only).
 */
public enum StaffRole {

	OPERATOR, ADMIN, CLERK, VIEWER;

	/** The Spring Security authority, granted once both factors are proved. */
	public String authority() {
		return "ROLE_" + name();
	}

	public String messageKey() {
		return "console.role." + name();
	}

	/** The roles a staff member of this role may give others in their kenpo. */
	public boolean mayAssign(StaffRole other) {
		return switch (this) {
			case OPERATOR -> other != OPERATOR;
			case ADMIN -> other == ADMIN || other == CLERK || other == VIEWER;
			default -> false;
		};
	}
}
