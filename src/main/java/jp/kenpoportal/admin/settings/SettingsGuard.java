package jp.kenpoportal.admin.settings;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import jp.kenpoportal.admin.security.ConsoleSession;
import jp.kenpoportal.admin.security.CurrentStaff;
import jp.kenpoportal.audit.AuditTrail;
import jp.kenpoportal.audit.AuditType;
import jp.kenpoportal.tenant.Kenpo;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * The kenpo a settings page works on and the checks before a change. The kenpo is always the
 * staff member's own (an operator's chosen one), never one a form names; a confirmation form
 * carries the ID only to refuse a change meant for another kenpo (an operator who chose
 * another kenpo in a second tab), and such a refusal is audited.
 */
@Component
class SettingsGuard {

	private final CurrentStaff current;

	private final ConsoleSession session;

	private final AuditTrail audit;

	SettingsGuard(CurrentStaff current, ConsoleSession session, AuditTrail audit) {
		this.current = current;
		this.session = session;
		this.audit = audit;
	}

	/** The kenpo acted on; empty for an operator who has not chosen one. */
	Optional<Kenpo> kenpo(HttpServletRequest request) {
		return current.kenpo(request);
	}

	/** The kenpo acted on, which must be the one the confirmed form was made for. */
	Kenpo confirmedKenpo(HttpServletRequest request, String formKenpoId) {
		Kenpo kenpo = current.kenpo(request).orElseThrow(() -> refuse(null, "settings: no kenpo chosen"));
		if (!Long.toString(kenpo.id()).equals(formKenpoId)) {
			throw refuse(kenpo, "settings form of kenpo " + formKenpoId + " sent while acting on " + kenpo.code());
		}
		return kenpo;
	}

	boolean recentlyProved() {
		return session.recentlyProved();
	}

	String askAgain(HttpServletRequest request, String path) {
		return session.askAgain(request, path);
	}

	long staffId() {
		return current.require().id();
	}

	private ResponseStatusException refuse(Kenpo kenpo, String why) {
		audit.recordStaff(kenpo == null ? null : kenpo.id(), null, staffId(), AuditType.STAFF_ACCESS_REFUSED, why);
		return new ResponseStatusException(HttpStatus.NOT_FOUND);
	}
}
