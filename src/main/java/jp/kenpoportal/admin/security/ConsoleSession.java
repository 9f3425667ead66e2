package jp.kenpoportal.admin.security;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import jp.kenpoportal.admin.ConsoleSettings;
import jp.kenpoportal.admin.staff.StaffAccount;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Component;

/**
 * The staff member's console session: signed in with the password, then the authenticator
 * app (which brings the role), timed out when idle or old, proved again for changes.
 */
@Component
public class ConsoleSession {

	/**
	 * The staff member's second factor (the authenticator app or a passkey), proved in this
	 * session; it brings the role.
	 */
	public static final String SECOND_FACTOR = "FACTOR_STAFF_SECOND";

	static final String SIGNED_IN_AT = "console.signedInAt";

	static final String LAST_SEEN = "console.lastSeen";

	private static final String CONTINUE = "console.continue";

	/** Where the staff member goes after proving again when a form they sent waits to be sent again. */
	static final String RESUME_PATH = "/mfa/resume";

	private final ConsoleSecurityContextRepository contexts = new ConsoleSecurityContextRepository();

	private final ConsoleSettings settings;

	private final Clock clock;

	ConsoleSession(ConsoleSettings settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
	}

	ConsoleSecurityContextRepository contexts() {
		return contexts;
	}

	public Optional<StaffPrincipal> principal() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth != null && auth.getPrincipal() instanceof StaffPrincipal p ? Optional.of(p) : Optional.empty();
	}

	/** The password was right: a new session (new ID) with the first factor only, no role yet. */
	void signInWithPassword(StaffAccount staff, HttpServletRequest request, HttpServletResponse response) {
		Instant now = clock.instant();
		Authentication auth = UsernamePasswordAuthenticationToken.authenticated(
				new StaffPrincipal(staff.id(), staff.kenpoId(), staff.role()), null,
				List.of(FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY).issuedAt(now).build()));
		HttpSession old = request.getSession(false);
		if (old != null) {
			old.invalidate();
		}
		HttpSession session = request.getSession(true);
		session.setMaxInactiveInterval((int) settings.idleTimeout().toSeconds());
		session.setAttribute(SIGNED_IN_AT, now);
		session.setAttribute(LAST_SEEN, now);
		save(auth, request, response);
	}

	/** The second factor (the app, or a passkey) was proved: the role comes with it; a new session ID (fixation). */
	public void grantSecondFactor(StaffAccount staff, HttpServletRequest request, HttpServletResponse response) {
		Authentication current = SecurityContextHolder.getContext().getAuthentication();
		Authentication upgraded = current.toBuilder().authorities(a -> {
			a.removeIf(existing -> SECOND_FACTOR.equals(existing.getAuthority())
					|| existing.getAuthority().startsWith("ROLE_"));
			a.add(FactorGrantedAuthority.withAuthority(SECOND_FACTOR).issuedAt(clock.instant()).build());
			a.add(new SimpleGrantedAuthority(staff.role().authority()));
		}).build();
		request.changeSessionId();
		save(upgraded, request, response);
	}

	/** Whether the second factor was proved within the re-authentication window (ASVS V7.5.1). */
	public boolean recentlyProved() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null) {
			return false;
		}
		Instant since = clock.instant().minus(settings.reauthWindow());
		return auth.getAuthorities()
			.stream()
			.filter(FactorGrantedAuthority.class::isInstance)
			.map(FactorGrantedAuthority.class::cast)
			.anyMatch(a -> SECOND_FACTOR.equals(a.getAuthority()) && a.getIssuedAt() != null
					&& !a.getIssuedAt().isBefore(since));
	}

	/**
	 * Sends the staff member to prove the app again, then back to {@code path}. A form sent
	 * meanwhile (the reason typed, the settings chosen) is kept in the session and offered to be
	 * sent again after the proof, so nothing typed is lost.
	 */
	public String askAgain(HttpServletRequest request, String path) {
		rememberContinue(request, path);
		HttpSession session = request.getSession(true);
		// only the form of this request waits: never one left from an earlier interruption
		session.removeAttribute(PendingPost.ATTRIBUTE);
		PendingPost.of(request).ifPresent(pending -> session.setAttribute(PendingPost.ATTRIBUTE, pending));
		return "redirect:/mfa?reauth";
	}

	/** Where to go after the second factor: a form waiting to be sent again, a console path asked for before, or home. */
	public String takeContinue(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		Object path = session == null ? null : session.getAttribute(CONTINUE);
		if (session != null) {
			session.removeAttribute(CONTINUE);
			if (session.getAttribute(PendingPost.ATTRIBUTE) != null) {
				return RESUME_PATH;
			}
		}
		return path instanceof String p ? p : "/";
	}

	/** The form that waited for the proof, once: taking it removes it from the session. */
	Optional<PendingPost> takePendingPost(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session == null || !(session.getAttribute(PendingPost.ATTRIBUTE) instanceof PendingPost pending)) {
			return Optional.empty();
		}
		session.removeAttribute(PendingPost.ATTRIBUTE);
		return Optional.of(pending);
	}

	void rememberContinue(HttpServletRequest request, String path) {
		// only a path of this host: never an address elsewhere (open redirect)
		if (path != null && path.startsWith("/") && !path.startsWith("//") && !path.contains("\\")) {
			request.getSession(true).setAttribute(CONTINUE, path);
		}
	}

	public void signOut(HttpServletRequest request, HttpServletResponse response) {
		new SecurityContextLogoutHandler().logout(request, response,
				SecurityContextHolder.getContext().getAuthentication());
	}

	private void save(Authentication auth, HttpServletRequest request, HttpServletResponse response) {
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(auth);
		SecurityContextHolder.setContext(context);
		contexts.saveContext(context, request, response);
	}
}
