package jp.kenpoportal.admin.security;

import jp.kenpoportal.admin.staff.StaffAccount;
import jp.kenpoportal.admin.staff.StaffRole;
import jp.kenpoportal.tenant.KenpoDirectory;

import org.springframework.stereotype.Component;

/**
 * Whether a staff member is shut out because the operator stopped their kenpo: checked at
 * sign-in and on every console request. Operators act on every kenpo and are never shut out.
 */
@Component
class StoppedKenpos {

	private final KenpoDirectory kenpos;

	StoppedKenpos(KenpoDirectory kenpos) {
		this.kenpos = kenpos;
	}

	boolean shutOut(StaffAccount staff) {
		return staff.role() != StaffRole.OPERATOR && kenpos.stopped(staff.kenpoId());
	}
}
