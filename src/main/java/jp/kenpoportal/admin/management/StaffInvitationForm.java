package jp.kenpoportal.admin.management;

import java.util.LinkedHashMap;
import java.util.Map;

import jp.kenpoportal.admin.staff.StaffAccounts;
import jp.kenpoportal.admin.staff.StaffRole;
import jp.kenpoportal.common.EmailAddress;
import jp.kenpoportal.common.TypedInput;

/** The invitation form as typed, with its checks; errors are message keys by field. */
public record StaffInvitationForm(String userId, String name, String email, String role) {

	static final int MAX_NAME = 100;

	public StaffInvitationForm {
		userId = userId == null ? "" : userId;
		name = name == null ? "" : name;
		email = email == null ? "" : email;
		role = role == null ? "" : role;
	}

	static StaffInvitationForm empty() {
		return new StaffInvitationForm("", "", "", StaffRole.CLERK.name());
	}

	String normalizedUserId() {
		return StaffAccounts.normalizeLoginId(TypedInput.text(userId));
	}

	String normalizedName() {
		return TypedInput.text(name);
	}

	String normalizedEmail() {
		return TypedInput.email(email);
	}

	StaffRole parsedRole() {
		for (StaffRole r : StaffRole.values()) {
			if (r.name().equals(role)) {
				return r;
			}
		}
		return null;
	}

	/** Field name → message key; empty when the form can be saved. */
	Map<String, String> errors(StaffRole inviter, StaffAccounts accounts) {
		Map<String, String> errors = new LinkedHashMap<>();
		String id = normalizedUserId();
		if (!id.matches("[a-z0-9._@-]{3,100}")) {
			errors.put("userId", "console.staff.error.userId");
		}
		else if (accounts.loginIdTaken(id)) {
			errors.put("userId", "console.staff.error.userIdTaken");
		}
		if (normalizedName().isEmpty() || normalizedName().length() > MAX_NAME) {
			errors.put("name", "console.staff.error.name");
		}
		if (!EmailAddress.isValid(normalizedEmail())) {
			errors.put("email", "console.staff.error.email");
		}
		StaffRole parsed = parsedRole();
		if (parsed == null || !inviter.mayAssign(parsed) || parsed == StaffRole.OPERATOR) {
			errors.put("role", "console.staff.error.role");
		}
		return errors;
	}
}
