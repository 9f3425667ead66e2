package jp.kenpoportal.admin.security;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import jp.kenpoportal.admin.staff.StaffAccount;
import jp.kenpoportal.admin.staff.StaffAccounts;
import jp.kenpoportal.tenant.Kenpo;
import jp.kenpoportal.tenant.KenpoDirectory;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The signed-in staff member, loaded once per request, and the kenpo they act on: their own,
 * or for an operator the one they chose. Every console page takes its kenpo from here, never
 * from the URL.
 */
@Component
public class CurrentStaff {

	private static final String CACHE = CurrentStaff.class.getName();

	private static final String CHOSEN_KENPO = "console.kenpo";

	private final StaffAccounts accounts;

	private final KenpoDirectory kenpos;

	private final ConsoleSession session;

	CurrentStaff(StaffAccounts accounts, KenpoDirectory kenpos, ConsoleSession session) {
		this.accounts = accounts;
		this.kenpos = kenpos;
		this.session = session;
	}

	public Optional<StaffAccount> find() {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request != null && request.getAttribute(CACHE, RequestAttributes.SCOPE_REQUEST) instanceof StaffAccount s) {
			return Optional.of(s);
		}
		Optional<StaffAccount> staff = session.principal().flatMap(p -> accounts.find(p.staffId()));
		if (request != null) {
			staff.ifPresent(s -> request.setAttribute(CACHE, s, RequestAttributes.SCOPE_REQUEST));
		}
		return staff;
	}

	public StaffAccount require() {
		return find().orElseThrow(() -> new IllegalStateException("no signed-in staff"));
	}

	/** The kenpo the staff member acts on now; empty for an operator who has not chosen one. */
	public Optional<Kenpo> kenpo(HttpServletRequest request) {
		StaffAccount staff = require();
		if (!staff.operator()) {
			return kenpos.findById(staff.kenpoId());
		}
		HttpSession s = request.getSession(false);
		return s != null && s.getAttribute(CHOSEN_KENPO) instanceof Long id ? kenpos.findById(id) : Optional.empty();
	}

	/** An operator chooses the kenpo to act on. */
	public void choose(HttpServletRequest request, Kenpo kenpo) {
		if (!require().operator()) {
			throw new IllegalStateException("only an operator chooses a kenpo");
		}
		request.getSession(true).setAttribute(CHOSEN_KENPO, kenpo.id());
	}

	/** Forgets the loaded staff member after a change in this request. */
	void forget(HttpServletRequest request) {
		request.removeAttribute(CACHE);
	}
}
