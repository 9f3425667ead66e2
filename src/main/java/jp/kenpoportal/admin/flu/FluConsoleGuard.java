package jp.kenpoportal.admin.flu;

import jakarta.servlet.http.HttpServletRequest;

import jp.kenpoportal.admin.security.CurrentStaff;
import jp.kenpoportal.audit.AuditTrail;
import jp.kenpoportal.audit.AuditType;
import jp.kenpoportal.flu.FluApplication;
import jp.kenpoportal.flu.FluApplications;
import jp.kenpoportal.flu.FluBatch;
import jp.kenpoportal.flu.FluPayments;
import jp.kenpoportal.tenant.Kenpo;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * The kenpo a flu console page acts on (the staff member's own, an operator's chosen one) and the
 * application or batch a URL names, found only in that kenpo: anything else answers not found, as
 * an ID that does not exist would, and the refusal is audited.
 */
@Component
class FluConsoleGuard {

	private final CurrentStaff current;

	private final FluApplications applications;

	private final FluPayments payments;

	private final AuditTrail audit;

	FluConsoleGuard(CurrentStaff current, FluApplications applications, FluPayments payments, AuditTrail audit) {
		this.current = current;
		this.applications = applications;
		this.payments = payments;
		this.audit = audit;
	}

	Kenpo kenpo(HttpServletRequest request) {
		return current.kenpo(request).orElseThrow(() -> refuse(null, "flu: no kenpo chosen"));
	}

	long staffId() {
		return current.require().id();
	}

	FluApplication application(Kenpo kenpo, long id) {
		return applications.ofKenpo(kenpo.id(), id)
			.orElseThrow(() -> refuse(kenpo, "flu application " + id + " is not of kenpo " + kenpo.code()));
	}

	FluBatch batch(Kenpo kenpo, long id) {
		return payments.batch(kenpo.id(), id)
			.orElseThrow(() -> refuse(kenpo, "flu batch " + id + " is not of kenpo " + kenpo.code()));
	}

	ResponseStatusException refuse(Kenpo kenpo, String why) {
		audit.recordStaff(kenpo == null ? null : kenpo.id(), null, staffId(), AuditType.STAFF_ACCESS_REFUSED, why);
		return new ResponseStatusException(HttpStatus.NOT_FOUND);
	}
}
