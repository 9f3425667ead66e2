package jp.kenpoportal.admin.support;

import jakarta.servlet.http.HttpServletRequest;

import jp.kenpoportal.admin.security.CurrentStaff;
import jp.kenpoportal.audit.AuditTrail;
import jp.kenpoportal.audit.AuditType;
import jp.kenpoportal.tenant.Kenpo;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * The member account a support URL names, found only in the kenpo the staff member acts on:
 * anything else answers not found, as an ID that does not exist would, and is audited.
 */
@Component
class SupportedAccounts {

	private final MemberSupport support;

	private final CurrentStaff current;

	private final AuditTrail audit;

	SupportedAccounts(MemberSupport support, CurrentStaff current, AuditTrail audit) {
		this.support = support;
		this.current = current;
		this.audit = audit;
	}

	Kenpo kenpoOrRefuse(HttpServletRequest request, long accountId) {
		return current.kenpo(request).orElseThrow(() -> refuse(null, accountId, "no kenpo chosen"));
	}

	AccountState stateOrRefuse(Kenpo kenpo, long accountId) {
		return support.state(kenpo, accountId)
			.orElseThrow(() -> refuse(kenpo, accountId, "member account " + accountId + " is not of kenpo " + kenpo.code()));
	}

	private ResponseStatusException refuse(Kenpo kenpo, long accountId, String why) {
		audit.recordStaff(kenpo == null ? null : kenpo.id(), null, current.require().id(),
				AuditType.STAFF_ACCESS_REFUSED, why);
		return new ResponseStatusException(HttpStatus.NOT_FOUND);
	}
}
