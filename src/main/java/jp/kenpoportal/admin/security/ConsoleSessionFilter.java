package jp.kenpoportal.admin.security;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import jp.kenpoportal.admin.ConsoleSettings;
import jp.kenpoportal.admin.staff.StaffAccount;
import jp.kenpoportal.audit.AuditTrail;
import jp.kenpoportal.audit.AuditType;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a console session that has been idle for 15 minutes or signed in for 8 hours (by the
 * injected clock, so tests move it), and one whose staff account was disabled or given another
 * role since it signed in, or whose kenpo the operator stopped. The last-seen time is written at most once a minute.
 */
class ConsoleSessionFilter extends OncePerRequestFilter {

	private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

	private final ConsoleSession session;

	private final CurrentStaff current;

	private final ConsoleSettings settings;

	private final AuditTrail audit;

	private final Clock clock;

	private final StoppedKenpos stoppedKenpos;

	ConsoleSessionFilter(ConsoleSession session, CurrentStaff current, ConsoleSettings settings, AuditTrail audit,
			Clock clock, StoppedKenpos stoppedKenpos) {
		this.stoppedKenpos = stoppedKenpos;
		this.session = session;
		this.current = current;
		this.settings = settings;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<StaffPrincipal> principal = session.principal();
		HttpSession http = request.getSession(false);
		if (principal.isPresent() && http != null) {
			Instant now = clock.instant();
			String ended = endReason(principal.get(), http, now);
			if (ended != null) {
				Optional<StaffAccount> staff = current.find();
				audit.recordStaff(staff.map(StaffAccount::kenpoId).orElse(null), null, principal.get().staffId(),
						AuditType.STAFF_SESSION_EXPIRED, ended);
				session.signOut(request, response);
				response.sendRedirect(request.getContextPath() + "/login?expired");
				return;
			}
			if (!(http.getAttribute(ConsoleSession.LAST_SEEN) instanceof Instant seen)
					|| !now.isBefore(seen.plus(TOUCH_INTERVAL))) {
				http.setAttribute(ConsoleSession.LAST_SEEN, now);
			}
		}
		chain.doFilter(request, response);
	}

	private String endReason(StaffPrincipal principal, HttpSession http, Instant now) {
		Instant signedInAt = http.getAttribute(ConsoleSession.SIGNED_IN_AT) instanceof Instant i ? i : null;
		Instant lastSeen = http.getAttribute(ConsoleSession.LAST_SEEN) instanceof Instant i ? i : null;
		if (signedInAt == null || !now.isBefore(signedInAt.plus(settings.absoluteTimeout()))) {
			return "absolute timeout";
		}
		if (lastSeen == null || !now.isBefore(lastSeen.plus(settings.idleTimeout()))) {
			return "idle timeout";
		}
		Optional<StaffAccount> staff = current.find();
		if (staff.isEmpty() || staff.get().disabled()) {
			return "staff account disabled";
		}
		if (staff.get().role() != principal.role()) {
			return "role changed";
		}
		if (stoppedKenpos.shutOut(staff.get())) {
			return "kenpo disabled";
		}
		return null;
	}
}
