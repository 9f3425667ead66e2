package jp.kenpoportal.admin.security;

import java.io.Serializable;

import jp.kenpoportal.admin.staff.StaffRole;

import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * Who is signed in on the console. The name is prefixed so that it never equals a member's
 * (account IDs name members' sessions): ending one kind of session can never end the other.
 */
public record StaffPrincipal(long staffId, Long kenpoId, StaffRole role) implements AuthenticatedPrincipal, Serializable {

	public static final String NAME_PREFIX = "staff:";

	@Override
	public String getName() {
		return NAME_PREFIX + staffId;
	}
}
